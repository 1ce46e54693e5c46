import { describe, expect, it } from 'vitest';
import { formatBytes, parseByteSize } from './byte-size.js';

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1024 * 1024],
    ['500k', 500 * 1024],
    ['200MB', 200 * 1024 * 1024],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['64 mib', 64 * 1024 * 1024],
  ])('reads %j in binary units', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', '12q', '-5MB', '0', 'MB', '1e9'])('refuses %j', (text) => {
    expect(parseByteSize(text)).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('prints bytes, KiB with one decimal, and MiB whole when they are', () => {
    expect([512, 3482, 50 * 1024 * 1024, 1_310_720].map(formatBytes)).toEqual([
      '512 B',
      '3.4 KiB',
      '50 MiB',
      '1.25 MiB',
    ]);
  });
});
