export {
  definePluginConfig as default,
  definePluginConfig,
  BUNDLE_TARGET,
} from './define-plugin-config.js';
export type { PluginConfigOptions } from './define-plugin-config.js';
export { ipkPluginFiles, formatBundleSize } from './ipk-plugin-files.js';
export type { BundleSize, IpkPluginFilesOptions } from './ipk-plugin-files.js';
export { readPluginLayout, PluginLayoutError } from './plugin-layout.js';
export type { PluginLayout } from './plugin-layout.js';
export { checkPluginConsistency, packageFactsFrom } from './plugin-consistency.js';
export type { ConsistencyReport, PackageFacts } from './plugin-consistency.js';
export { probeRegistration } from './registration-probe.js';
export type { Registration, RegistrationProbe } from './registration-probe.js';
export { optimiseSvg, parseIconReference, svgElementIds } from './icon-files.js';
export { bundlePlugin } from './bundle-plugin.js';
export type { PluginBundle } from './bundle-plugin.js';
export {
  createTypeChecker,
  describeTypeErrors,
  formatTypeCheckErrors,
  typeCheck,
} from './type-check.js';
export type { TypeChecker, TypeCheckError, TypeCheckTarget } from './type-check.js';
