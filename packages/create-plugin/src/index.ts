/** @ipk/create-plugin: a new webapp2 plugin workspace from the kit's template. */
export {
  createPlugin,
  PluginExistsError,
  type CreatePluginOptions,
  type CreatedPlugin,
} from './create-plugin.js';
export {
  pluginNames,
  isPlacement,
  PLACEMENTS,
  PLACEMENT_TEXT,
  PluginNameError,
  type Placement,
  type PluginNames,
} from './plugin-names.js';
export {
  renderPluginTemplate,
  replaceTokens,
  TEMPLATE_DIR,
  type RenderedFile,
  type TemplateValues,
} from './plugin-template.js';
export { runCli, findWorkspaceRoot, type CliIo } from './run-cli.js';
export {
  ejectPlugin,
  EjectError,
  EJECT_TEMPLATE_DIR,
  VENDOR_FOLDER,
  type EjectOptions,
  type EjectedPlugin,
} from './eject-plugin.js';
export {
  readKitPackages,
  kitClosure,
  entryFiles,
  missingEntryFiles,
  packKitPackages,
  isKitPackageName,
  type KitPackage,
  type KitManifest,
} from './kit-packages.js';
