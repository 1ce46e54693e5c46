import { isWebapp2SpriteIcon, parseMenuIcon } from '@ipk/plugin-api';
import type { MenuItemLook, MenuItemView } from './host.js';
import { isRecord } from './participant-from-node.js';
import { MENU_PLACEMENTS, type PackageMenuItem, type PluginPackage } from './plugin-package.js';

/**
 * Resolves a menu item icon the way real plugins write them (webapp2-in-the-wild.md):
 * `file.svg#id` and `assets/images/x.svg#id` relative to the plugin's folder (the seed's rule),
 * `custom_configuration/…` and the older `configuration/…` relative to the web app's page, and
 * the app's own sprite `icons.svg#name` relative to the page too (webapp2 serves it at its root).
 */
function resolveIconUrl(
  icon: string | null | undefined,
  packageUrl: string,
  documentUrl: string,
): string | null {
  if (typeof icon !== 'string' || icon.trim() === '') return null;
  const reference = parseMenuIcon(icon);
  const pageRelative =
    /^\.?\/?(custom_)?configuration\//.test(icon) ||
    (reference !== undefined && isWebapp2SpriteIcon(reference));
  try {
    return new URL(icon, pageRelative ? documentUrl : packageUrl).href;
  } catch {
    return null;
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

type IconResolver = (icon: string | null | undefined) => string | null;

/** A look shows something: an item with neither an icon nor a label is hidden, never nameless. */
function visible(look: MenuItemLook): MenuItemLook | null {
  return look.iconUrl === null && look.label === null ? null : look;
}

/** `state.icon` / `state.label` over `base`, where the state has the key (null clears it). */
function overlay(
  base: MenuItemLook,
  state: Record<string, unknown>,
  resolveIcon: IconResolver,
): MenuItemLook {
  return {
    iconUrl: 'icon' in state ? resolveIcon(textOrNull(state['icon'])) : base.iconUrl,
    label: 'label' in state ? textOrNull(state['label']) : base.label,
  };
}

interface ResolvedLook {
  /** The item's look, or null where it shows nothing (hidden). */
  readonly look: MenuItemLook | null;
  readonly perParticipant?: Readonly<Record<string, MenuItemLook | null>>;
}

/**
 * Combines a package menu item with the plugin's latest `state$` value (seed "Plugin state").
 *
 * - Toolbar and conference items: `{icon, label}`; a key present with `null` clears that part.
 * - Participant-menu items: `{[uuid]: {icon, label}}` (mtw, video-mute-participant,
 *   breakout-rooms); a `null` entry, or one whose icon and label are both null, hides the item for
 *   that participant; a missing `icon` or `label` keeps the item's own (video-mute-participant
 *   sends only `{label}`). mtw mixes both shapes in one value and lists only some uuids: a
 *   participant without an entry gets the item's look with the top-level `icon`/`label` applied.
 * - An item that ends up with neither icon nor label is hidden: webapp2 never names an item after
 *   its action function (the package's `label: null` means "state sets it", seed "Menu item labels").
 */
function resolveLook(
  item: PackageMenuItem,
  state: unknown,
  resolveIcon: IconResolver,
): ResolvedLook {
  const base: MenuItemLook = {
    iconUrl: resolveIcon(item.icon),
    label: textOrNull(item.label),
  };
  if (!isRecord(state)) return { look: visible(base) };
  const look = overlay(base, state, resolveIcon);
  const perParticipant: Record<string, MenuItemLook | null> = {};
  let hasPerParticipant = false;
  for (const [key, value] of Object.entries(state)) {
    if (key === 'icon' || key === 'label') continue;
    if (value !== null && !isRecord(value)) continue;
    hasPerParticipant = true;
    perParticipant[key] = value === null ? null : visible(overlay(base, pick(value), resolveIcon));
  }
  return hasPerParticipant ? { look: visible(look), perParticipant } : { look: visible(look) };
}

/** Only the keys a participant entry sets (a missing key keeps the item's own value). */
function pick(value: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (value['icon'] !== undefined) picked['icon'] = value['icon'];
  if (value['label'] !== undefined) picked['label'] = value['label'];
  return picked;
}

/** What the menu model needs of one loaded plugin. */
export interface PluginMenuSource {
  readonly settingsId: string;
  readonly pkg: PluginPackage;
  /** Absolute URL of the package file: plugin icons resolve against it. */
  readonly packageUrl: string;
  /** The web app's page (`document.baseURI`): sprite and `configuration/…` icons resolve against it. */
  readonly documentUrl: string;
  readonly state: unknown;
  /** Items hidden with `getPluginMenuItem(pluginId, id).hide()` (by item `id`, else action). */
  readonly hiddenItems: ReadonlySet<string>;
}

/**
 * The menu items of one loaded plugin, in package order: toolbar, conference, participants. A
 * package file without `menuItems`, with `{}` or with an empty list has none (start-muted,
 * maintain-url, chat-notify, server-mute-notifier ship that way).
 */
export function pluginMenuItems(source: PluginMenuSource): MenuItemView[] {
  const resolveIcon: IconResolver = (icon) =>
    resolveIconUrl(icon, source.packageUrl, source.documentUrl);
  const menuItems = source.pkg.menuItems ?? {};
  return MENU_PLACEMENTS.flatMap((placement) => {
    const items = menuItems[placement];
    if (!Array.isArray(items)) return [];
    return items.map((item, index) => {
      const { look, perParticipant } = resolveLook(item, source.state, resolveIcon);
      const hiddenByPlugin =
        source.hiddenItems.has(item.id ?? '') || source.hiddenItems.has(item.action);
      const participantLooks = placement === 'participants' ? perParticipant : undefined;
      return Object.freeze({
        key: `${source.settingsId}/${placement}/${index}`,
        pluginId: source.settingsId,
        pluginName: source.pkg.name,
        placement,
        action: item.action,
        iconUrl: look?.iconUrl ?? null,
        label: look?.label ?? null,
        // Hidden by the plugin, or showing nothing at all (no per-participant look can help).
        hidden: hiddenByPlugin || (look === null && participantLooks === undefined),
        ...(participantLooks ? { perParticipant: participantLooks } : {}),
      });
    });
  });
}

/**
 * How a participant-menu item looks for one participant, or null where it is hidden for them: the
 * plugin's entry for that uuid, else the item's own look (hidden when that shows nothing).
 */
export function lookForParticipant(item: MenuItemView, uuid: string): MenuItemLook | null {
  if (item.hidden) return null;
  const perParticipant = item.perParticipant;
  if (perParticipant !== undefined && uuid in perParticipant) return perParticipant[uuid] ?? null;
  return visible({ iconUrl: item.iconUrl, label: item.label });
}
