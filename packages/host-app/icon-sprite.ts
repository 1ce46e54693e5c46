/**
 * `icons.svg`, the app's own sprite at the webapp2 root. Plugins borrow its symbols by name —
 * server-mute-notifier draws `icons.svg#mic-off`, menu items say `icons.svg#video` or `#grid` —
 * so it must be there with webapp2's symbol names (webapp2-in-the-wild.md, "Icons").
 *
 * webapp2's sprite is Feather icons under Feather's names plus some of its own; this one is built
 * from the `feather-icons` package (MIT) — every Feather icon under its own name, and webapp2's other
 * names drawn with the nearest Feather icon. None of Pexip's artwork is copied.
 */
import feather from 'feather-icons';

/** webapp2's symbol names that are not Feather names, with the Feather icon drawn for each. */
const WEBAPP2_ALIASES: Readonly<Record<string, string>> = {
  'headphones-light': 'headphones',
  'volume-2-light': 'volume-2',
  'phone-light': 'phone',
  'video-fill': 'video',
  'video-off-light': 'video-off',
  'mic-light': 'mic',
  'mic-off-light': 'mic-off',
  'monitor-light': 'monitor',
  hd: 'monitor',
  presenter: 'airplay',
  'pop-in': 'minimize-2',
  dialpad: 'grid',
  'settings-conference': 'sliders',
  'hide-sidebar-chevron': 'chevrons-right',
  'show-sidebar-chevron': 'chevrons-left',
  tap: 'mouse-pointer',
  'star-fill': 'star',
  'star-filled': 'star',
  extension: 'package',
  'up-arrow': 'arrow-up',
  'down-arrow': 'arrow-down',
  'right-arrow': 'arrow-right',
  'left-arrow': 'arrow-left',
  'arrow-bottom-right': 'arrow-down-right',
  fecc: 'move',
  fecctoolbar: 'move',
  'user-fill': 'user',
  'roster-guest-buzzed': 'bell',
  'roster-host-buzzed': 'bell',
  'toolbar-buzz-on': 'bell',
  'toolbar-buzz-off': 'bell-off',
  'control-show-buzz': 'bell',
  swap_horiz: 'repeat',
  keyboard: 'type',
  devices: 'smartphone',
  bandwidth: 'bar-chart-2',
  enter: 'log-in',
  messages: 'message-square',
  'messages-green': 'message-square',
  streaming: 'radio',
  'present-files': 'file',
  'present-files-big': 'file',
  pin: 'map-pin',
  smalldot: 'circle',
  'start-conference': 'play-circle',
  denyrx: 'eye-off',
  allowrx: 'eye',
  closesheet: 'x',
  languages: 'globe',
  checkbox: 'check-square',
};

const ICONS: Readonly<Record<string, { readonly contents: string } | undefined>> = feather.icons;

function symbol(id: string, icon: string): string {
  const contents = ICONS[icon]?.contents;
  if (contents === undefined) throw new Error(`icons.svg: no Feather icon "${icon}" for "${id}"`);
  return `<symbol id="${id}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${contents}</symbol>`;
}

export function webapp2IconSprite(): string {
  const own = Object.keys(ICONS).map((name) => symbol(name, name));
  const aliases = Object.entries(WEBAPP2_ALIASES).map(([id, icon]) => symbol(id, icon));
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display: none">\n${[...own, ...aliases].join('\n')}\n</svg>\n`;
}
