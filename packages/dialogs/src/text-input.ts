import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { textInputValidationMessage } from './text-input-validation.js';
import type { TextInputRules } from './text-input-validation.js';
import { fieldStyles, focusRing, themeTokens } from './theme.js';

/** `detail` of `ipk-input` (each keystroke) and `ipk-change` (committed value). */
export interface TextInputValueDetail {
  value: string;
  valid: boolean;
}

/**
 * A labelled text field in the style of webapp2's `pex-text-input`, with a validation message
 * under it. Validation runs on blur, on `checkValidity()`, and on every keystroke once the field
 * has shown an error (so the message goes away as soon as the value is fixed).
 *
 * @fires ipk-input - on each edit; `detail: {value, valid}`.
 * @fires ipk-change - when the value is committed (blur or Enter); `detail: {value, valid}`.
 * @csspart label / input / message
 */
export class IpkTextInput extends IpkElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override properties = {
    label: { type: String, value: '' },
    value: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    type: { type: String, value: 'text' },
    autocomplete: { type: String, value: 'off' },
    required: { type: Boolean, reflect: true, value: false },
    minLength: { type: Number, attribute: 'minlength' },
    maxLength: { type: Number, attribute: 'maxlength' },
    pattern: { type: String },
    patternMessage: { type: String, attribute: 'pattern-message' },
    validate: { attribute: false },
    error: { type: String, reflect: true, value: '' },
  };

  declare label: string;
  declare value: string;
  declare placeholder: string;
  declare type: 'text' | 'email' | 'tel' | 'url' | 'password' | 'search';
  declare autocomplete: string;
  declare required: boolean;
  declare minLength: number | undefined;
  declare maxLength: number | undefined;
  declare pattern: string | undefined;
  declare patternMessage: string | undefined;
  /** An extra check: return the message to show, or `undefined` when the value is fine. */
  declare validate: ((value: string) => string | undefined) | undefined;
  /** The message shown under the field; set it yourself for errors found elsewhere (e.g. by the server). */
  declare error: string;

  static override styles =
    themeTokens +
    focusRing +
    fieldStyles +
    `
      input[aria-invalid='true'] {
        border-color: var(--_error);
        box-shadow: inset 0 0 0 1px var(--_error);
      }
      .message {
        margin: 0.25rem 0 0;
        color: var(--_error);
        font-size: 0.875rem;
      }
    `;

  #label = h('label', { part: 'label', for: 'input' });
  #input = h('input', {
    id: 'input',
    part: 'input',
    '@input': (event: Event) => this.#onInput(event),
    '@change': () => this.#emit('ipk-change', this.checkValidity()),
    '@blur': () => this.checkValidity(),
  });
  #message = h('p', { id: 'message', class: 'message', part: 'message', role: 'alert' });

  get rules(): TextInputRules {
    return {
      required: this.required,
      minLength: this.minLength,
      maxLength: this.maxLength,
      pattern: this.pattern,
      patternMessage: this.patternMessage,
      validate: this.validate,
    };
  }

  /** Validates the current value, shows the message (if any) and returns whether it is valid. */
  checkValidity(): boolean {
    this.error = textInputValidationMessage(this.value, this.rules);
    return this.error === '';
  }

  protected override render(): void {
    this.renderRoot.append(this.#label, this.#input);
  }

  protected override update(): void {
    const input = this.#input;
    const invalid = this.error !== '';
    this.#label.textContent = this.label;
    input.type = this.type;
    if (input.value !== this.value) input.value = this.value;
    input.placeholder = this.placeholder;
    input.autocomplete = this.autocomplete as AutoFill;
    input.required = this.required;
    input.setAttribute('aria-invalid', String(invalid));
    if (invalid) input.setAttribute('aria-describedby', 'message');
    else input.removeAttribute('aria-describedby');
    this.#message.textContent = this.error;
    if (invalid) this.renderRoot.append(this.#message);
    else this.#message.remove();
  }

  #onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    if (this.error !== '') this.checkValidity();
    this.#emit('ipk-input');
  }

  #emit(type: 'ipk-input' | 'ipk-change', valid?: boolean): void {
    this.fire<TextInputValueDetail>(type, {
      value: this.value,
      valid: valid ?? textInputValidationMessage(this.value, this.rules) === '',
    });
  }
}

export const TEXT_INPUT_TAG = defineElement('ipk-text-input', IpkTextInput);
