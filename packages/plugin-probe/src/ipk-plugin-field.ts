import { isRecord } from './located-json.js';

/**
 * The `ipkPlugin` field of a plugin workspace's package.json, the layout the plugin build
 * (`@ipk/rollup-config`) and the branding tool (`@ipk/branding`) agree on:
 * `"ipkPlugin": {"packageFile": "<name>.plugin.package.json", "enabled": true}`.
 */
export interface IpkPluginField {
  /** The webapp2 package file's name, in the workspace root and in `dist/`. */
  readonly packageFile: string;
  /** The name the package file gives the plugin: `recording` for `recording.plugin.package.json`. */
  readonly name: string;
  /** `enabled` for settings.json when nothing else decides it. Default `true`. */
  readonly enabled: boolean;
}

export const PACKAGE_FILE_SUFFIX = '.plugin.package.json';

/** A package.json whose `ipkPlugin` field cannot be used; the message says what to write. */
export class IpkPluginFieldError extends Error {
  override name = 'IpkPluginFieldError';
}

/** Whether a package.json has the field at all (any value): a plugin workspace, to be read. */
export function hasIpkPluginField(manifest: unknown): manifest is Record<string, unknown> {
  return isRecord(manifest) && 'ipkPlugin' in manifest;
}

/** Reads and checks the field; `manifestPath` is named in every error. */
export function readIpkPluginField(manifest: unknown, manifestPath: string): IpkPluginField {
  const field = isRecord(manifest) ? manifest['ipkPlugin'] : undefined;
  if (!isRecord(field)) {
    throw new IpkPluginFieldError(
      `${manifestPath}: needs "ipkPlugin": {"packageFile": "<name>${PACKAGE_FILE_SUFFIX}", "enabled": true} ` +
        'so the build and the branding tool know which webapp2 package file describes this plugin.',
    );
  }
  const { packageFile, enabled } = field;
  if (
    typeof packageFile !== 'string' ||
    !packageFile.endsWith(PACKAGE_FILE_SUFFIX) ||
    packageFile.includes('/') ||
    packageFile.length === PACKAGE_FILE_SUFFIX.length
  ) {
    throw new IpkPluginFieldError(
      `${manifestPath}: ipkPlugin.packageFile is ${JSON.stringify(packageFile)}; it must be a file name in the plugin ` +
        `folder ending in "${PACKAGE_FILE_SUFFIX}", such as "recording${PACKAGE_FILE_SUFFIX}".`,
    );
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw new IpkPluginFieldError(
      `${manifestPath}: ipkPlugin.enabled is ${JSON.stringify(enabled)}; it must be true or false.`,
    );
  }
  return {
    packageFile,
    name: packageFile.slice(0, -PACKAGE_FILE_SUFFIX.length),
    enabled: enabled ?? true,
  };
}
