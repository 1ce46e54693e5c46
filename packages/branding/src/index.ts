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
export { discoverWorkspacePlugins, findRepoRoot, PluginInputError } from './plugin-input.js';
export {
  readZip,
  writeZip,
  ZipLimitError,
  type FileTree,
  type ZipContents,
  type ZipLimits,
} from './zip-archive.js';
export { readDirTree } from './file-tree-io.js';
export { formatCheckReport, formatBuildSummary } from './report-text.js';
