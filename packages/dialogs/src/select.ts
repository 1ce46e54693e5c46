import { LitElement, html } from 'lit';
import { defineElement } from './define-element.js';
import { fieldStyles, focusRing, themeTokens } from './theme.js';
import { COMPONENTS_VERSION } from './version.js';

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
export class IpkSelect extends LitElement {
  static readonly ipkComponentVersion = COMPONENTS_VERSION;

  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties = {
    label: { type: String },
    value: { type: String },
    options: { attribute: false },
    disabled: { type: Boolean, reflect: true },
  };

  declare label: string;
  declare value: string;
  declare options: readonly SelectOption[];
  declare disabled: boolean;

  constructor() {
    super();
    this.label = '';
    this.value = '';
    this.options = [];
    this.disabled = false;
  }

  static override styles = [themeTokens, focusRing, fieldStyles];

  override render() {
    return html`
      <label part="label" for="select">${this.label}</label>
      <select id="select" part="select" ?disabled=${this.disabled} @change=${this.#onChange}>
        ${this.options.map(
          (option) =>
            html`<option
              value=${option.value}
              ?disabled=${option.disabled ?? false}
              ?selected=${option.value === this.value}
            >
              ${option.label}
            </option>`,
        )}
      </select>
    `;
  }

  protected override updated(): void {
    // `?selected` alone loses to a selection the user already made; set the live value too.
    const select = this.renderRoot.querySelector('select');
    if (select && select.value !== this.value) select.value = this.value;
  }

  #onChange = (event: Event): void => {
    this.value = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(
      new CustomEvent<SelectChangeDetail>('ipk-change', {
        detail: { value: this.value },
        bubbles: true,
        composed: true,
      }),
    );
  };
}

export const SELECT_TAG = defineElement('ipk-select', IpkSelect);
