import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { focusRing, themeTokens } from './theme.js';

/** `detail` of `ipk-change`. */
export interface CheckboxChangeDetail {
  checked: boolean;
}

/**
 * A labelled native checkbox, checked or not (never the mixed "−" state: a plugin that does not
 * know a setting leaves the box unticked and says so in words). The whole row, label included, is
 * a 2.75rem touch target; the label is the slotted text.
 *
 * @fires ipk-change - when the user ticks or unticks it; `detail: {checked}`.
 * @slot - the label.
 * @csspart label / checkbox
 */
export class IpkCheckbox extends IpkElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override properties = {
    checked: { type: Boolean, reflect: true, value: false },
    disabled: { type: Boolean, reflect: true, value: false },
  };

  declare checked: boolean;
  declare disabled: boolean;

  static override styles =
    themeTokens +
    focusRing +
    `
      :host {
        display: block;
        margin-block: 0.5rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 2.75rem;
        cursor: pointer;
      }
      input {
        flex: none;
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
        accent-color: var(--_blue);
        cursor: inherit;
      }
      :host([disabled]) label {
        opacity: 0.5;
        cursor: not-allowed;
      }
    `;

  #box = h('input', {
    part: 'checkbox',
    type: 'checkbox',
    '@change': () => this.#onChange(),
  });

  protected override render(): void {
    this.renderRoot.append(h('label', { part: 'label' }, this.#box, h('slot')));
  }

  protected override update(): void {
    this.#box.checked = this.checked;
    this.#box.disabled = this.disabled;
  }

  #onChange(): void {
    this.checked = this.#box.checked;
    this.fire<CheckboxChangeDetail>('ipk-change', { checked: this.checked });
  }
}

export const CHECKBOX_TAG = defineElement('ipk-checkbox', IpkCheckbox);
