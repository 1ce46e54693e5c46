/** @ipk/plugin-probe: run a webapp2 plugin in a recording probe host, and check a plugin. */
export { checkPlugin, type PluginCheck, type PluginCheckInput } from './check-plugin.js';
export { probePlugin, type PluginProbe, type ProbeOptions } from './probe-plugin.js';
export {
  hasIpkPluginField,
  readIpkPluginField,
  IpkPluginFieldError,
  PACKAGE_FILE_SUFFIX,
  type IpkPluginField,
} from './ipk-plugin-field.js';
export { isRecord, issueAt, locateJson, type LocatedFile } from './located-json.js';
export { resolvePackageUrl } from './package-url.js';
export { svgElementIds } from './svg-element-ids.js';
