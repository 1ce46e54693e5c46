import { describe, expect, it } from 'vitest';
import { checkDtmfDigits } from './dtmf-digits';

describe('checkDtmfDigits', () => {
  it('accepts the twelve keypad characters', () => {
    expect(checkDtmfDigits('0123456789*#')).toEqual({ ok: true, digits: '0123456789*#' });
  });

  it('drops spaces and dashes people type between groups', () => {
    expect(checkDtmfDigits(' 123-456 #')).toEqual({ ok: true, digits: '123456#' });
  });

  it('refuses an empty sequence', () => {
    expect(checkDtmfDigits('  ')).toEqual({
      ok: false,
      message: 'Type the digits to send (0-9, * or #).',
    });
  });

  it('names each character that cannot be sent, once', () => {
    expect(checkDtmfDigits('12ab1a+')).toEqual({
      ok: false,
      message: 'Only 0-9, * and # can be sent; remove: a b +',
    });
  });
});
