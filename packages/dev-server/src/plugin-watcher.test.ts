import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildInput, watchPluginFolder } from './plugin-watcher.js';

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

describe('watchPluginFolder', () => {
  let root: string;
  let close: () => void = () => undefined;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ipk-watch-'));
    await mkdir(path.join(root, 'src'));
  });

  afterEach(async () => {
    close();
    await rm(root, { recursive: true, force: true });
  });

  /** Resolves with what the watcher reported and what the file held at that moment. */
  function nextChange(file: string): Promise<{ changed: string; text: string }> {
    return new Promise((resolve) => {
      const watcher = watchPluginFolder(root, (changed) => {
        watcher.close();
        void readFile(file, 'utf8').then((text) => resolve({ changed, text }));
      });
      close = () => watcher.close();
    });
  }

  it('reports a burst of saves once, after the last one (an editor writes in steps)', async () => {
    const file = path.join(root, 'src', 'index.ts');
    const change = nextChange(file);
    // Writes 10 ms apart, inside the 25 ms quiet time: one rebuild, of the last content. (chokidar 4
    // drops a second change of a file within 50 ms: the rebuild would read an earlier state.)
    for (const step of ['one', 'two', 'three']) {
      await writeFile(file, `export const step = '${step}';\n`);
      await pause(10);
    }
    expect(await change).toEqual({
      changed: 'src/index.ts',
      text: "export const step = 'three';\n",
    });
  });

  it('does not report files that are not build inputs', async () => {
    const file = path.join(root, 'src', 'index.ts');
    const change = nextChange(file);
    await writeFile(path.join(root, 'README.md'), '# notes\n');
    await writeFile(path.join(root, 'src', 'index.test.ts'), 'test\n');
    await writeFile(file, 'export {};\n');
    expect((await change).changed).toBe('src/index.ts');
  });

  it('sees a file in a folder created after the watch started', async () => {
    const file = path.join(root, 'src', 'dialogs', 'keypad.ts');
    const change = nextChange(file);
    await mkdir(path.dirname(file));
    await writeFile(file, 'export {};\n');
    expect((await change).changed).toMatch(/^src[\\/]dialogs/);
  });
});
