import { describe, expect, it } from 'vitest';
import { isBuildInput } from './plugin-watcher.js';

describe('isBuildInput', () => {
  it.each([
    'src/index.ts',
    'src/deep/dialog.ts',
    'assets/icon.svg',
    'hello.plugin.package.json',
    'tsconfig.json',
  ])('rebuilds on a change of %s', (file) => expect(isBuildInput(file)).toBe(true));

  it.each([
    'dist/hello.plugin.js',
    'node_modules/x/index.js',
    'src/a.test.ts',
    'tests/hello.spec.ts',
    'README.md',
  ])('ignores %s (not part of the bundle, or written by the build itself)', (file) =>
    expect(isBuildInput(file)).toBe(false),
  );
});
