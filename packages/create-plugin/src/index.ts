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
export { runCli, findWorkspaceRoot, USAGE, type CliIo } from './run-cli.js';
