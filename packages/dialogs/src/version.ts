/**
 * The version stamped into every custom-element tag this copy of the package defines
 * (`ipk-dialog-v0-1-0`). Kept equal to package.json's `version` by `version.test.ts`, so
 * two plugin bundles built from different releases register different tags.
 */
export const COMPONENTS_VERSION = '0.1.0';
