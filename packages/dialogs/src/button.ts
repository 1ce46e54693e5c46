import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { focusRing, themeTokens } from './theme.js';

/**
 * The colours of webapp2's action buttons (`green-action-button`, `blue-action-button`,
 * `red-action-button` in its app.css, which the seed guide tells plugins to reuse).
 */
export type ButtonVariant = 'green' | 'blue' | 'red';

const VARIANTS: readonly ButtonVariant[] = ['green', 'blue', 'red'];

/** Unknown variants fall back to green rather than rendering an unstyled button. */
export function buttonVariant(value: unknown): ButtonVariant {
  return VARIANTS.find((variant) => variant === value) ?? 'green';
}

/**
 * A button in Infinity Connect's action colours. The label is the slotted text. It wraps a native
 * `<button>` (focus, Enter/Space, the button role come from the browser); clicks reach listeners
 * on the element itself. Not form-associated: use it for actions, not to submit a `<form>`.
 *
 * @slot - the label.
 * @csspart button
 */
export class IpkButton extends IpkElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override properties = {
    variant: { type: String, reflect: true, value: 'green' },
    disabled: { type: Boolean, reflect: true, value: false },
    fullWidth: { type: Boolean, attribute: 'full-width', reflect: true, value: false },
  };

  declare variant: ButtonVariant;
  declare disabled: boolean;
  declare fullWidth: boolean;

  static override styles =
    themeTokens +
    focusRing +
    `
      :host {
        display: inline-block;
      }
      :host([full-width]) {
        display: block;
      }
      button {
        --_bg: var(--_green);
        box-sizing: border-box;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.5rem 1.25rem;
        border: none;
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_on-action);
        font: inherit;
        font-weight: 500;
        letter-spacing: 0.02em;
        cursor: pointer;
      }
      button.blue {
        --_bg: var(--_blue);
      }
      button.red {
        --_bg: var(--_red);
      }
      button:hover:not(:disabled) {
        filter: brightness(1.12);
      }
      button:active:not(:disabled) {
        filter: brightness(0.92);
      }
      button:disabled {
        opacity: 0.5;
        cursor: not-allowed;
      }
    `;

  #button = h('button', { part: 'button', type: 'button' }, h('slot'));

  protected override render(): void {
    this.renderRoot.append(this.#button);
  }

  protected override update(): void {
    this.#button.className = buttonVariant(this.variant);
    this.#button.disabled = this.disabled;
  }
}

export const BUTTON_TAG = defineElement('ipk-button', IpkButton);
