import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPONENTS_VERSION } from './version.js';

describe('COMPONENTS_VERSION', () => {
  it("equals package.json's version, so a release's tags name that release", () => {
    const manifest: unknown = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    );
    expect(manifest).toMatchObject({ version: COMPONENTS_VERSION });
  });
});
