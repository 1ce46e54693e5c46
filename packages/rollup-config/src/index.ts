export { definePluginConfig as default, definePluginConfig } from './define-plugin-config.js';
export type { PluginConfigOptions } from './define-plugin-config.js';
export { ipkPluginFiles, formatBundleSize } from './ipk-plugin-files.js';
export type { BundleSize, IpkPluginFilesOptions } from './ipk-plugin-files.js';
export { readPluginLayout, PluginLayoutError } from './plugin-layout.js';
export type { PluginLayout } from './plugin-layout.js';
export { optimiseSvg } from './icon-files.js';
export { bundlePlugin } from './bundle-plugin.js';
export type { PluginBundle } from './bundle-plugin.js';
export {
  measureBundleSize,
  formatBundleSizeReport,
  printBundleSizeReport,
} from './bundle-size-report.js';
export type { BundleSizeReport, SizeShare } from './bundle-size-report.js';
export {
  createTypeChecker,
  describeTypeErrors,
  formatTypeCheckErrors,
  typeCheck,
} from './type-check.js';
export type { TypeChecker, TypeCheckError, TypeCheckTarget } from './type-check.js';
