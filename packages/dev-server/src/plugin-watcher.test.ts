import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
    'src/index.ts.tmp',
    'src/.index.ts.swp',
    'src/4913',
    'src/index.ts___jb_tmp___',
    'src/.#index.ts',
    'src/index.ts~',
  ])(
    "ignores %s (not part of the bundle, written by the build itself, or an editor's temporary)",
    (file) => expect(isBuildInput(file)).toBe(false),
  );
});

describe('watchPluginFolder', () => {
  let root: string;
  let close: () => Promise<void> = () => Promise.resolve();
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ipk-watch-'));
    await mkdir(path.join(root, 'src'));
  });

  afterEach(async () => {
    await close();
    await rm(root, { recursive: true, force: true });
  });

  interface Report {
    readonly changed: string;
    readonly text: string;
  }

  /**
   * Watches the folder (once ready); `next()` resolves with the next report and what the file held
   * at that moment.
   */
  async function watchFor(file: string, quietMs?: number): Promise<{ next(): Promise<Report> }> {
    const reports: Report[] = [];
    let waiting: ((report: Report) => void) | undefined;
    const watcher = watchPluginFolder(
      root,
      (changed) => {
        void readFile(file, 'utf8').then((text) => {
          if (waiting === undefined) reports.push({ changed, text });
          else waiting({ changed, text });
          waiting = undefined;
        });
      },
      quietMs,
    );
    close = () => watcher.close();
    await watcher.ready;
    return {
      next: () => {
        const report = reports.shift();
        if (report !== undefined) return Promise.resolve(report);
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
    };
  }

  it('reports a burst of saves once, after the last one (an editor writes in steps)', async () => {
    const file = path.join(root, 'src', 'index.ts');
    // A quiet time of a second, not the 75 ms default: on a loaded machine a 10 ms pause between
    // two writes has taken longer than 75 ms, and the test then saw a burst that was not one.
    const change = (await watchFor(file, 1000)).next();
    // Writes 10 ms apart: one report, after the last one. (chokidar reports one change of a file
    // per 50 ms; the quiet time is longer, so the report comes after the third write landed.)
    for (const step of ['one', 'two', 'three']) {
      await writeFile(file, `export const step = '${step}';\n`);
      await pause(10);
    }
    expect(await change).toEqual({
      changed: 'src/index.ts',
      text: "export const step = 'three';\n",
    });
  });

  it('keeps seeing a file after a save replaced it (vim, JetBrains IDEs, sed -i rename a new file over it)', async () => {
    const file = path.join(root, 'src', 'index.ts');
    await writeFile(file, 'export const version = 1;\n');
    const reports = await watchFor(file);
    /** The first report that sees `text` in the file (earlier ones are the temporary file's). */
    const reportOf = async (text: string): Promise<Report> => {
      for (;;) {
        const report = await reports.next();
        if (report.text === text) return report;
      }
    };
    const replaced = reportOf('export const version = 2;\n');
    await writeFile(`${file}.tmp`, 'export const version = 2;\n');
    await rename(`${file}.tmp`, file);
    await replaced;
    // Node 20's recursive fs.watch on Linux reports nothing more of this file: a watch must.
    const written = reportOf('export const version = 3;\n');
    await writeFile(file, 'export const version = 3;\n');
    expect((await written).changed).toBe('src/index.ts');
  });

  it('does not report files that are not build inputs', async () => {
    const file = path.join(root, 'src', 'index.ts');
    const change = (await watchFor(file)).next();
    await writeFile(path.join(root, 'README.md'), '# notes\n');
    await writeFile(path.join(root, 'src', 'index.test.ts'), 'test\n');
    await writeFile(file, 'export {};\n');
    expect((await change).changed).toBe('src/index.ts');
  });

  it('sees a file in a folder created after the watch started', async () => {
    const file = path.join(root, 'src', 'dialogs', 'keypad.ts');
    const change = (await watchFor(file)).next();
    await mkdir(path.dirname(file));
    await writeFile(file, 'export {};\n');
    expect((await change).changed).toMatch(/^src[\\/]dialogs/);
  });
});
