/**
 * The three JSON files of a webapp2 branding package that concern plugins, as TypeScript types.
 * The JSON Schemas in `schemas/` describe the same shapes for editors; the validators check them.
 */
import type { MenuPlacement, ParticipantRole, Platform } from './pex.js';

/**
 * One menu item. Seed: "icon: the location of the image to use for the icon. Can be null. label:
 * the textual label for the item. Can be null. action: the name of the function to call from the
 * plugin source file."
 */
export interface MenuItem {
  /** `file.svg#id` relative to the plugin folder, or `null` when state sets it. */
  icon: string | null;
  /** Visible text (hover tip on the toolbar); `null` when state sets it. Some real plugins omit it. */
  label?: string | null;
  /** The name of a function passed to `registerPlugin`. */
  action: string;
  /** Not in the seed; real plugins ship it and `getPluginMenuItem(pluginId, id)` finds the item by it. */
  id?: string;
}

/** Seed: "You can only specify one of the above options." */
export type MenuItems = Partial<Record<MenuPlacement, MenuItem[]>>;

/** A plugin package file (`<name>.plugin.package.json`), seed "Plugin package file". */
export interface PluginPackage {
  /** Used by `settings.json` and `PEX.pluginAPI.registerPlugin`. */
  id: string;
  /** Shown under Settings > Plugin. */
  name: string;
  /** Shown under Settings > Plugin. */
  description: string;
  /** "An internal version number"; real plugins also ship it as a string. */
  version: number | string;
  /** The plugin source file, relative to the package file. */
  srcURL: string;
  /** Whether the user can unload (disable) this plugin. */
  allowUnload: boolean;
  platforms: Platform[];
  participantRoles: ParticipantRole[];
  menuItems: MenuItems;
  /** Not in the seed: a plugin-specific block some real plugins read themselves. */
  configuration?: unknown;
}

/** One entry of `settings.json` `plugins`. */
export interface SettingsPluginEntry {
  /** Seed: "A unique id that is used to reference the plugin". */
  id: string;
  /** Seed: "The location of the plugin package file" (relative to the branding root). */
  srcURL: string;
  /** Seed: "Determines whether the plugin is enabled (loaded) by default". */
  enabled: boolean;
}

/** `settings.json` at the root of `webapp2` (only the part that concerns plugins is typed). */
export interface SettingsFile {
  plugins: SettingsPluginEntry[];
  [setting: string]: unknown;
}

/** `manifest.json` at the root of `webapp2`. */
export interface Manifest {
  /** Must change with every upload; "any type of numerical value is valid" (often a timestamp string). */
  brandingID: string | number;
  /** "You must set `isSettingsBranded` to `true` for your plugins to be included." */
  isSettingsBranded: true;
  isWatermarkBranded?: boolean;
  isStylesBranded?: boolean;
  [key: string]: unknown;
}
