import { describe, expect, it } from 'vitest';
import { brandingIdAsBigInt, nextBrandingId } from './branding-id.js';

describe('nextBrandingId', () => {
  it('is the current time in milliseconds when there is no previous build', () => {
    expect(nextBrandingId([], 1_764_150_000_123)).toBe('1764150000123');
  });

  it('is strictly greater than the previous id even within the same millisecond', () => {
    const first = nextBrandingId([], 1_000);
    const second = nextBrandingId([first], 1_000);
    const third = nextBrandingId([first, second], 1_000);
    expect([first, second, third]).toEqual(['1000', '1001', '1002']);
  });

  it('stays above a previous id from the future (a clock that went backwards)', () => {
    expect(nextBrandingId(['99999999999999'], 1_000)).toBe('100000000000000');
  });

  it('reads ids written as numbers or numeric strings and ignores non-numeric ones', () => {
    expect(nextBrandingId([5000, 'not-a-number', undefined], 1_000)).toBe('5001');
  });

  it('handles ids beyond the safe integer range exactly', () => {
    expect(nextBrandingId(['123456789012345678901234567890'], 1)).toBe(
      '123456789012345678901234567891',
    );
  });
});

describe('brandingIdAsBigInt', () => {
  it('accepts the forms the seed and the Branding Portal write', () => {
    expect(brandingIdAsBigInt('1521829718679')).toBe(1521829718679n);
    expect(brandingIdAsBigInt(10000000)).toBe(10000000n);
  });

  it('rejects what is not a whole number', () => {
    expect(brandingIdAsBigInt('12a')).toBeUndefined();
    expect(brandingIdAsBigInt(1.5)).toBeUndefined();
    expect(brandingIdAsBigInt(null)).toBeUndefined();
  });
});
