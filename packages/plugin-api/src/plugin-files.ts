/**
 * The three JSON files of a webapp2 branding package that concern plugins, as TypeScript types:
 * what the validators hand back when a file has no error. The rules themselves live in the JSON
 * Schemas in `schemas/` (editors read them, the validators are compiled from them); these types
 * say what a file that passes them may hold, which is what real webapp2 accepts
 * (webapp2-in-the-wild: "Loading and files").
 */
import type { MenuPlacement, ParticipantRole, Platform } from './pex.js';

/**
 * One menu item. Seed: "icon: the location of the image to use for the icon. Can be null. label:
 * the textual label for the item. Can be null. action: the name of the function to call from the
 * plugin source file."
 */
export interface MenuItem {
  /**
   * `file.svg#id` relative to the plugin folder, or `null` when state sets it. Absent in a few real
   * plugins (the checker warns).
   */
  icon?: string | null;
  /**
   * Visible text (hover tip on the toolbar); `null` when state sets it. breakout-rooms and
   * mute-video-participant omit it (the checker warns).
   */
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
  /** "An internal version number"; real plugins also ship it as a string, even `""`. */
  version: number | string;
  /** The plugin source file, relative to the package file. */
  srcURL: string;
  /** Whether the user can unload (disable) this plugin. */
  allowUnload: boolean;
  platforms: Platform[];
  participantRoles: ParticipantRole[];
  /**
   * Where the plugin appears. Absent (start-muted, maintain-url, raise-hand-notification) or `{}`
   * (chat-notify, survey) for a plugin without a button or menu item: read it as
   * `pkg.menuItems?.[placement] ?? []`.
   */
  menuItems?: MenuItems;
  /** The JSON Schema editors check the file against; webapp2 ignores it. */
  $schema?: string;
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
