import { describe, expect, it } from 'vitest';
import { DTMF_DIGITS, dtmfDigitForKey } from './dtmf-digits.js';

describe('dtmfDigitForKey', () => {
  it('maps every keypad key to itself, in phone order', () => {
    expect(DTMF_DIGITS.join('')).toBe('123456789*0#');
    for (const digit of DTMF_DIGITS) expect(dtmfDigitForKey(digit)).toBe(digit);
  });

  it('ignores every other key, so the keypad never swallows typing it cannot send', () => {
    for (const key of ['a', 'Enter', 'Tab', ' ', '+', 'F1', '10', '']) {
      expect(dtmfDigitForKey(key)).toBeUndefined();
    }
  });
});
