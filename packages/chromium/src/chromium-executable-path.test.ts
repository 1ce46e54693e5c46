import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumExecutablePath } from './chromium-executable-path.js';

function fakeBinary(mode: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ipk-chromium-')), 'chromium');
  writeFileSync(path, '#!/bin/sh\n', { mode });
  return path;
}

describe('chromiumExecutablePath', () => {
  it('prefers $CHROMIUM_PATH', () => {
    const path = fakeBinary(0o755);
    expect(chromiumExecutablePath({ CHROMIUM_PATH: path }, ['/nonexistent'])).toBe(path);
  });

  it('refuses a $CHROMIUM_PATH that cannot be executed, naming it', () => {
    const path = fakeBinary(0o644);
    expect(() => chromiumExecutablePath({ CHROMIUM_PATH: path })).toThrow(path);
  });

  it('falls back to the first executable Debian path', () => {
    const path = fakeBinary(0o755);
    expect(chromiumExecutablePath({}, ['/nonexistent/chromium', path])).toBe(path);
  });

  it('returns undefined so Playwright uses its own browser when none is installed', () => {
    expect(chromiumExecutablePath({}, ['/nonexistent/chromium'])).toBeUndefined();
  });
});
