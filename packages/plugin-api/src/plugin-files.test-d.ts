// Type-level specification of the three files (compiled by `npm run typecheck`, never run): what
// real webapp2 accepts type-checks, what breaks loading does not.
import type { MenuItem, PluginPackage, SettingsFile } from './plugin-files.js';

const base = {
  id: 'start-muted-plugin',
  name: 'Start muted',
  description: 'Mutes the microphone when the call starts',
  version: 1,
  srcURL: 'start-muted.plugin.js',
  allowUnload: true,
  platforms: ['web'],
  participantRoles: ['chair', 'guest'],
} satisfies PluginPackage;

// start-muted, maintain-url and raise-hand-notification: no menuItems at all.
export const listenerOnly: PluginPackage = base;
// chat-notify and survey: {}; server-mute-notifier: an empty toolbar; anonymizer: "" and configuration.
export const emptyMenus: PluginPackage[] = [
  { ...base, menuItems: {} },
  { ...base, menuItems: { toolbar: [] } },
  { ...base, version: '', configuration: { prefix: 'Guest' }, $schema: './schema.json' },
];
// Items with null icon and label, without a label, with an id.
export const items: MenuItem[] = [
  { icon: null, label: null, action: 'recordConference' },
  { icon: 'assets/images/grid.svg#grid', action: 'move' },
  { id: 'main', action: 'go' },
];
// Reading a placement of a package that may have none.
export const toolbar: MenuItem[] = listenerOnly.menuItems?.toolbar ?? [];

// @ts-expect-error a menu item needs its action
export const noAction: MenuItem = { icon: null, label: 'Go' };
// @ts-expect-error menuItems holds lists per placement
export const notAList: PluginPackage = { ...base, menuItems: { toolbar: { action: 'go' } } };
// @ts-expect-error `menuItems` may be absent, so a placement cannot be read without `?.`
export const unguarded: MenuItem[] = listenerOnly.menuItems.toolbar ?? [];
// @ts-expect-error a settings entry says whether the plugin is enabled
export const noEnabled: SettingsFile = { plugins: [{ id: 'a', srcURL: 'a.json' }] };
