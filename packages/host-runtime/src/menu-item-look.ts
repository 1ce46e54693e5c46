import { WEBAPP2_SPRITE_FILES, parseMenuIcon } from '@ipk/plugin-api';
import type { MenuItemLook } from './host.js';
import type { PackageMenuItem } from './plugin-package.js';

/**
 * Resolves a menu item icon the way real plugins write them (webapp2-in-the-wild.md):
 * `file.svg#id` and `assets/images/x.svg#id` relative to the plugin's folder (the seed's rule),
 * `custom_configuration/…` and the older `configuration/…` relative to the web app's page, and
 * the app's own sprite `icons.svg#name` relative to the page too.
 */
export function resolveIconUrl(
  icon: string | null | undefined,
  packageUrl: string,
  documentUrl: string,
): string | null {
  if (typeof icon !== 'string' || icon.trim() === '') return null;
  const reference = parseMenuIcon(icon);
  const pageRelative =
    /^\.?\/?(custom_)?configuration\//.test(icon) ||
    (reference !== undefined && WEBAPP2_SPRITE_FILES.includes(reference.file.toLowerCase()));
  try {
    return new URL(icon, pageRelative ? documentUrl : packageUrl).href;
  } catch {
    return null;
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ResolvedLook {
  readonly look: MenuItemLook;
  readonly perParticipant?: Readonly<Record<string, MenuItemLook | null>>;
}

/**
 * Combines a package menu item with the plugin's latest `state$` value. Toolbar and conference
 * items use `{icon, label}` (seed "Plugin state"); participant-menu items use
 * `{[uuid]: {icon, label}}` where null hides the item for that participant (mtw,
 * mute-video-participant); mtw mixes both shapes in one plugin, so both are read from any state.
 */
export function resolveLook(
  item: PackageMenuItem,
  state: unknown,
  resolveIcon: (icon: string | null | undefined) => string | null,
): ResolvedLook {
  const base: MenuItemLook = {
    iconUrl: resolveIcon(item.icon),
    label: textOrNull(item.label),
  };
  if (!isRecord(state)) return { look: base };
  const look: MenuItemLook = {
    iconUrl:
      'icon' in state ? (resolveIcon(textOrNull(state['icon'])) ?? base.iconUrl) : base.iconUrl,
    label: 'label' in state ? (textOrNull(state['label']) ?? base.label) : base.label,
  };
  const perParticipant: Record<string, MenuItemLook | null> = {};
  let hasPerParticipant = false;
  for (const [key, value] of Object.entries(state)) {
    if (key === 'icon' || key === 'label') continue;
    if (value !== null && !isRecord(value)) continue;
    hasPerParticipant = true;
    perParticipant[key] = participantLook(value, base, resolveIcon);
  }
  return hasPerParticipant ? { look, perParticipant } : { look };
}

function participantLook(
  value: Record<string, unknown> | null,
  base: MenuItemLook,
  resolveIcon: (icon: string | null | undefined) => string | null,
): MenuItemLook | null {
  if (value === null) return null;
  const icon = textOrNull(value['icon']);
  const label = textOrNull(value['label']);
  if (icon === null && label === null) return null;
  return { iconUrl: icon === null ? base.iconUrl : resolveIcon(icon), label: label ?? base.label };
}
