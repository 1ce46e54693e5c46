/**
 * The DTMF tones a keypad sends: Pexip's `dtmf` request takes these characters (client REST API
 * `participants/<uuid>/dtmf` with `{digits}`; see client-api.md).
 */
export const DTMF_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export type DtmfDigit = (typeof DTMF_DIGITS)[number];

/** The letters printed under each key, as on a phone. */
export const DTMF_LETTERS: Readonly<Record<DtmfDigit, string>> = {
  '1': '',
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '*': '',
  '0': '+',
  '#': '',
};

/** The digit a `KeyboardEvent.key` stands for (top row, numeric keypad, `*`, `#`), else `undefined`. */
export function dtmfDigitForKey(key: string): DtmfDigit | undefined {
  return DTMF_DIGITS.find((digit) => digit === key);
}
