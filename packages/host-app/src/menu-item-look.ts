import { html, nothing, type TemplateResult } from 'lit';
import type { MenuItemLook, MenuItemView, MenuPlacement } from './app-host.js';

export { lookForParticipant } from '@ipk/host-runtime';

/** The visible items of one placement, in the order the runtime lists them. */
export function visibleItems(
  items: readonly MenuItemView[],
  placement: MenuPlacement,
): MenuItemView[] {
  return items.filter((item) => item.placement === placement && !item.hidden);
}

/**
 * What a screen reader and the hover tip say: the label, else the plugin's name. Never the action
 * function's name: that is code, not words for users (mtw's `label: null` showed "movetoWaiting").
 */
export function accessibleLabel(look: MenuItemLook, item: MenuItemView): string {
  return look.label ?? item.pluginName;
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
