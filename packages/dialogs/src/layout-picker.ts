import { defineElement } from './define-element.js';
import { IpkElement, h, s } from './ipk-element.js';
import {
  FRAME_HEIGHT,
  FRAME_WIDTH,
  PEXIP_LAYOUTS,
  describeLayout,
  layoutTiles,
} from './layout-tiles.js';
import { focusRing, themeTokens } from './theme.js';

/** `detail` of `ipk-layout-select`. */
export interface LayoutSelectDetail {
  layout: string;
}

/**
 * A grid of Pexip conference layouts, each a button with a picture; the current one is marked
 * (`aria-pressed="true"`). Choosing one fires `ipk-layout-select` — the plugin then calls
 * `PEX.pluginAPI.transformConferenceLayout({layout})` (the change-layout plugin's job) — and
 * marks it current unless a listener calls `preventDefault()`.
 *
 * @fires ipk-layout-select - `detail: {layout}`; cancelable.
 * @csspart grid / option / picture / name
 */
export class IpkLayoutPicker extends IpkElement {
  static override properties = {
    layouts: { attribute: false, value: PEXIP_LAYOUTS.map((known) => known.layout) },
    current: { type: String, reflect: true, value: '' },
    label: { type: String, value: 'Layouts' },
  };

  /** Layout names to offer, in order. Default: every layout in `PEXIP_LAYOUTS`. */
  declare layouts: readonly string[];
  /** The layout in use, marked in the grid. */
  declare current: string;
  declare label: string;

  static override styles =
    themeTokens +
    focusRing +
    `
      :host {
        display: block;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
        gap: 0.6rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 0.35rem;
        width: 100%;
        padding: 0.4rem;
        border: 2px solid transparent;
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        font: inherit;
        font-size: 0.85rem;
        cursor: pointer;
      }
      button:hover {
        border-color: var(--_border);
      }
      button[aria-pressed='true'] {
        border-color: var(--_blue);
        background: color-mix(in srgb, var(--_blue) 10%, var(--_surface));
        font-weight: 600;
      }
      svg {
        display: block;
        width: 100%;
        height: auto;
        border-radius: 2px;
        background: var(--_primary);
      }
      .speaker {
        fill: #8fa9c7;
      }
      .thumbnail {
        fill: #51698a;
      }
      button[aria-pressed='true'] .speaker {
        fill: #cfe3ff;
      }
    `;

  #grid = h('ul', { part: 'grid' });
  #options: HTMLButtonElement[] = [];

  protected override render(): void {
    this.renderRoot.append(this.#grid);
  }

  protected override update(changed: ReadonlySet<string>): void {
    this.#grid.setAttribute('aria-label', this.label);
    if (changed.has('layouts')) {
      this.#options = this.layouts.map((layout) => {
        const { name, description } = describeLayout(layout);
        return h(
          'button',
          {
            type: 'button',
            part: 'option',
            title: description,
            'data-layout': layout,
            '@click': () => this.#select(layout),
          },
          layoutPicture(layout),
          h('span', { part: 'name' }, name),
        );
      });
      this.#grid.replaceChildren(...this.#options.map((option) => h('li', {}, option)));
    }
    for (const option of this.#options) {
      option.setAttribute('aria-pressed', String(option.dataset['layout'] === this.current));
    }
  }

  #select(layout: string): void {
    if (this.fire<LayoutSelectDetail>('ipk-layout-select', { layout }, true)) this.current = layout;
  }
}

/** The SVG picture of a layout (decorative: the button's text names it). */
export function layoutPicture(layout: string): SVGElement {
  return s(
    'svg',
    {
      part: 'picture',
      viewBox: `-2 -2 ${FRAME_WIDTH + 4} ${FRAME_HEIGHT + 4}`,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ...layoutTiles(layout).map(({ kind, x, y, width, height }) =>
      s('rect', { class: kind, x, y, width, height, rx: 1.5 }),
    ),
  );
}

export const LAYOUT_PICKER_TAG = defineElement('ipk-layout-picker', IpkLayoutPicker);
