import { html, nothing, type TemplateResult } from 'lit';
import type { MenuItemLook, MenuItemView, MenuPlacement } from './app-host.js';

/** The visible items of one placement, in the order the runtime lists them. */
export function visibleItems(
  items: readonly MenuItemView[],
  placement: MenuPlacement,
): MenuItemView[] {
  return items.filter((item) => item.placement === placement && !item.hidden);
}

/**
 * How a participant-menu item looks for one participant, or null where it is hidden for them: a
 * plugin's `state$` of the form `{[uuid]: {icon, label}}` relabels it for that uuid, and a null
 * look hides it there (mtw relies on this). Without an entry the item's own look applies.
 */
export function lookForParticipant(item: MenuItemView, uuid: string): MenuItemLook | null {
  const perParticipant = item.perParticipant;
  if (perParticipant === undefined || !(uuid in perParticipant)) return item;
  return perParticipant[uuid] ?? null;
}

/** What a screen reader and the hover tip say: the label, else the action's name. */
export function accessibleLabel(look: MenuItemLook, item: MenuItemView): string {
  return look.label ?? item.action;
}

/**
 * A plugin icon. Package files name SVG fragments (`crop.svg#crop`, seed "Menu item icons"), which
 * `<use>` draws in the current text colour; any other image falls back to `<img>`.
 */
export function menuIcon(iconUrl: string | null): TemplateResult | typeof nothing {
  if (iconUrl === null || iconUrl === '') return nothing;
  if (iconUrl.includes('#')) {
    return html`<svg class="ipk-icon" aria-hidden="true" focusable="false">
      <use href=${iconUrl}></use>
    </svg>`;
  }
  return html`<img class="ipk-icon" src=${iconUrl} alt="" />`;
}
