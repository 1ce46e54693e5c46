/** @ipk/branding: build, merge, check and zip webapp2 branding packages for Pexip Infinity. */
export {
  buildBranding,
  BuildInputError,
  type BuildOptions,
  type BuildResult,
  type BuiltPlugin,
  type BaseKind,
} from './build-branding.js';
export { checkBranding, type CheckPathOptions } from './check-branding-path.js';
export {
  checkBrandingFiles,
  type CheckOptions,
  type CheckReport,
  type CheckedPlugin,
  type PreviousBrandingId,
} from './check-branding.js';
export { nextBrandingId, brandingIdAsBigInt } from './branding-id.js';
export {
  readBrandingSource,
  webapp2PrefixOf,
  WEBAPP2_FOLDER,
  type BrandingSource,
} from './branding-source.js';
export {
  mergeSettings,
  mergeManifest,
  BaseFileError,
  type SettingsPluginLine,
} from './merge-branding-json.js';
export {
  discoverWorkspacePlugins,
  findRepoRoot,
  readPluginInput,
  PluginInputError,
  type PluginInput,
} from './plugin-input.js';
export {
  readZip,
  writeZip,
  DEFAULT_ZIP_LIMITS,
  ZipLimitError,
  type FileTree,
  type ZipContents,
  type ZipLimits,
} from './zip-archive.js';
export { readDirTree, writeDirTree } from './file-tree-io.js';
export { safeEntryPath, UnsafeZipEntryError } from './zip-entry-path.js';
export { formatCheckReport, formatBuildSummary } from './report-text.js';
export { runCli, type CliIo } from './run-cli.js';
