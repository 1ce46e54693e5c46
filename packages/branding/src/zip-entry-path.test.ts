import { describe, expect, it } from 'vitest';
import { safeEntryPath } from './zip-entry-path.js';

describe('safeEntryPath', () => {
  it('keeps relative paths, normalising separators and empty or "." segments', () => {
    expect(safeEntryPath('webapp2/plugins/a/a.js')).toBe('webapp2/plugins/a/a.js');
    expect(safeEntryPath('webapp2\\themes\\logo.png')).toBe('webapp2/themes/logo.png');
    expect(safeEntryPath('./webapp2//settings.json')).toBe('webapp2/settings.json');
  });

  it.each([
    '../x',
    'a/../../x',
    'a/..',
    '/etc/passwd',
    '\\\\server\\share\\x',
    'C:\\Windows\\x',
    'c:x',
  ])('refuses %s', (name) => {
    expect(safeEntryPath(name)).toBeUndefined();
  });

  it('allows names that merely contain dots', () => {
    expect(safeEntryPath('webapp2/..hidden/x..js')).toBe('webapp2/..hidden/x..js');
  });
});
