import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { fieldStyles, focusRing, themeTokens } from './theme.js';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** `detail` of `ipk-change`. */
export interface SelectChangeDetail {
  value: string;
}

/**
 * A labelled native `<select>` styled like the app's inputs. The native element keeps the
 * platform's picker (a wheel on phones) and its keyboard and screen-reader behaviour.
 *
 * @fires ipk-change - when the user picks an option; `detail: {value}`.
 * @csspart label / select
 */
export class IpkSelect extends IpkElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override properties = {
    label: { type: String, value: '' },
    value: { type: String, value: '' },
    options: { attribute: false, value: [] },
    disabled: { type: Boolean, reflect: true, value: false },
  };

  declare label: string;
  declare value: string;
  declare options: readonly SelectOption[];
  declare disabled: boolean;

  static override styles = themeTokens + focusRing + fieldStyles;

  #label = h('label', { part: 'label', for: 'select' });
  #select = h('select', {
    id: 'select',
    part: 'select',
    '@change': () => this.#onChange(),
  });

  protected override render(): void {
    this.renderRoot.append(this.#label, this.#select);
  }

  protected override update(changed: ReadonlySet<string>): void {
    this.#label.textContent = this.label;
    this.#select.disabled = this.disabled;
    if (changed.has('options')) {
      this.#select.replaceChildren(
        ...this.options.map((option) =>
          h('option', { value: option.value, disabled: option.disabled ?? false }, option.label),
        ),
      );
    }
    // Set the live value, not `selected` attributes: those lose to a choice the user already made.
    this.#select.value = this.value;
  }

  #onChange(): void {
    this.value = this.#select.value;
    this.fire<SelectChangeDetail>('ipk-change', { value: this.value });
  }
}

export const SELECT_TAG = defineElement('ipk-select', IpkSelect);
