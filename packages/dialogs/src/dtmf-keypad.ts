import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { DTMF_DIGITS, DTMF_LETTERS, dtmfDigitForKey } from './dtmf-digits.js';
import type { DtmfDigit } from './dtmf-digits.js';
import { focusRing, themeTokens } from './theme.js';

/** `detail` of `ipk-digit`. */
export interface DigitDetail {
  digit: DtmfDigit;
}

/**
 * A phone keypad (1–9, `*`, 0, `#`). Pressing a key — by click, tap, or typing the digit on the
 * keyboard while the keypad has focus — fires `ipk-digit`; the plugin sends it as DTMF (client
 * REST API `participants/<uuid>/dtmf {digits}`). The digits sent so far are shown above the keys.
 * Keys typed elsewhere on the page are left alone: the keypad never listens on the document.
 *
 * @fires ipk-digit - `detail: {digit}`; bubbles and crosses shadow roots.
 * @csspart display / keys / key
 */
export class IpkDtmfKeypad extends IpkElement {
  static override properties = {
    label: { type: String, value: 'Keypad' },
    sent: { type: String, value: '' },
    pressed: { attribute: false },
  };

  /** Accessible name of the keypad group. */
  declare label: string;
  /** The digits sent so far (shown in the display); set to `''` to clear. */
  declare sent: string;
  declare pressed: DtmfDigit | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeydown);
  }

  static override styles =
    themeTokens +
    focusRing +
    `
      :host {
        display: block;
        max-width: 18rem;
        margin-inline: auto;
      }
      output {
        display: block;
        box-sizing: border-box;
        min-height: 2.5rem;
        margin-bottom: 0.75rem;
        padding: 0.4rem 0.75rem;
        border-bottom: 2px solid var(--_border);
        font-size: 1.5rem;
        letter-spacing: 0.15em;
        text-align: center;
        overflow-wrap: anywhere;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.6rem;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        aspect-ratio: 1.4;
        min-height: 3rem;
        border: none;
        border-radius: var(--_radius);
        background: var(--_primary);
        color: var(--_on-primary);
        font: inherit;
        font-size: 1.5rem;
        line-height: 1.1;
        cursor: pointer;
      }
      button:hover,
      button.pressed {
        background: var(--_blue);
      }
      small {
        min-height: 0.9em;
        font-size: 0.65rem;
        letter-spacing: 0.12em;
      }
    `;

  #group = h('div', { role: 'group' });
  #display = h('output', { part: 'display', 'aria-live': 'polite', 'aria-label': 'Digits sent' });
  #keys = DTMF_DIGITS.map((digit) =>
    h(
      'button',
      { type: 'button', part: 'key', 'data-digit': digit, '@click': () => this.press(digit) },
      h('span', {}, digit),
      h('small', { 'aria-hidden': 'true' }, DTMF_LETTERS[digit]),
    ),
  );

  protected override render(): void {
    this.#group.append(this.#display, h('div', { class: 'keys', part: 'keys' }, ...this.#keys));
    this.renderRoot.append(this.#group);
  }

  protected override update(): void {
    this.#group.setAttribute('aria-label', this.label);
    this.#display.textContent = this.sent;
    DTMF_DIGITS.forEach((digit, index) =>
      this.#keys[index]?.classList.toggle('pressed', digit === this.pressed),
    );
  }

  /** Sends `digit` as if its key was pressed. */
  press(digit: DtmfDigit): void {
    this.sent += digit;
    this.#flash(digit);
    this.fire<DigitDetail>('ipk-digit', { digit });
  }

  #flash(digit: DtmfDigit): void {
    this.pressed = digit;
    // Visual feedback only: the highlight of the pressed key fades after a moment.
    setTimeout(() => {
      if (this.pressed === digit) this.pressed = undefined;
    }, 150);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = dtmfDigitForKey(event.key);
    if (!digit) return;
    event.preventDefault();
    this.press(digit);
  };
}

export const DTMF_KEYPAD_TAG = defineElement('ipk-dtmf-keypad', IpkDtmfKeypad);
