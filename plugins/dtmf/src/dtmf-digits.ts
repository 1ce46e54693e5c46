/**
 * The characters a DTMF request may carry: the client REST API's `participants/<uuid>/dtmf` takes
 * `{digits: string}` of the twelve keys of a phone keypad (`0-9`, `*`, `#`).
 */
const DTMF_TEXT = /^[0-9*#]+$/;

export type DigitsCheck =
  { readonly ok: true; readonly digits: string } | { readonly ok: false; readonly message: string };

/** Checks what the host typed; spaces and dashes (as in `123 456#`) are dropped first. */
export function checkDtmfDigits(typed: string): DigitsCheck {
  const digits = typed.replace(/[\s-]+/g, '');
  if (digits === '') return { ok: false, message: 'Type the digits to send (0-9, * or #).' };
  if (!DTMF_TEXT.test(digits)) {
    const wrong = [...new Set(digits.replace(/[0-9*#]/g, ''))].join(' ');
    return { ok: false, message: `Only 0-9, * and # can be sent; remove: ${wrong}` };
  }
  return { ok: true, digits };
}
