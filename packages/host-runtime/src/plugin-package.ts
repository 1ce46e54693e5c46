import type { PluginPackage } from '@ipk/plugin-api';
import type { MenuPlacement } from './seed-types.js';

export type { MenuItem as PackageMenuItem, PluginPackage } from '@ipk/plugin-api';

/** One plugin as `settings.json` lists it, after its package file was fetched and checked. */
export interface PluginEntrySource {
  readonly settingsId: string;
  readonly enabledByDefault: boolean;
  /** Absolute URL of the package file (icons and the source resolve against it). */
  readonly packageUrl: string | null;
  /** Null when the package file is missing or invalid (`invalidReason` says why). */
  readonly pkg: PluginPackage | null;
  readonly invalidReason?: string;
  readonly warnings: readonly string[];
}

export const MENU_PLACEMENTS: readonly MenuPlacement[] = ['toolbar', 'conference', 'participants'];
