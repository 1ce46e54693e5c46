// Every command a kit package offers must work in a fresh clone after `npm install` alone. npm
// links a bin only to a file that exists at install time, so each bin is a committed, executable
// copy of `bin-entry.js` (which builds the package first when its dist/ is missing).
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const kitRoot = path.resolve(import.meta.dirname, '../../..');
const entry = await readFile(path.join(import.meta.dirname, 'bin-entry.js'), 'utf8');

interface Manifest {
  name: string;
  bin?: string | Record<string, string>;
  files?: string[];
}

async function binsOfTheKit(): Promise<{ name: string; command: string; file: string }[]> {
  const bins = [];
  for (const group of ['packages', 'plugins']) {
    for (const folder of await readdir(path.join(kitRoot, group))) {
      const dir = path.join(group, folder);
      const manifest = JSON.parse(
        await readFile(path.join(kitRoot, dir, 'package.json'), 'utf8').catch(() => '{}'),
      ) as Manifest;
      if (manifest.name === '@ipk/kit-build' || manifest.bin === undefined) continue;
      const entries =
        typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin;
      for (const [command, target] of Object.entries(entries)) {
        bins.push({ name: manifest.name, command, file: path.join(dir, target) });
      }
    }
  }
  return bins;
}

const bins = await binsOfTheKit();

describe('the bin entries of the kit', () => {
  it('include the four CLIs the READMEs name', () => {
    expect(bins.map((bin) => bin.command).sort()).toEqual([
      'ipk-branding',
      'ipk-create-plugin',
      'ipk-dev',
      'ipk-mock-node',
    ]);
  });

  it.each(bins.map((bin) => [bin.command, bin.file]))(
    '%s is a committed, executable copy of bin-entry.js',
    async (_command, file) => {
      const { stdout } = await run('git', ['ls-files', '--stage', '--', file], { cwd: kitRoot });
      // "100755 <hash> 0\tpackages/x/bin/y.js": tracked, with the run bit in git.
      expect(stdout).toMatch(/^100755 /);
      expect(await readFile(path.join(kitRoot, file), 'utf8')).toBe(entry);
    },
  );
});

describe('bin-entry.js', () => {
  it('ends quietly, with success, when the reader of its output goes away (`--help | head`)', async () => {
    // A package whose CLI prints more than a pipe holds.
    const dir = await mkdtemp(path.join(tmpdir(), 'ipk-bin-entry-'));
    try {
      await mkdir(path.join(dir, 'bin'));
      await mkdir(path.join(dir, 'dist'));
      await writeFile(path.join(dir, 'bin', 'cli.js'), entry);
      await writeFile(
        path.join(dir, 'dist', 'cli.js'),
        'for (let i = 0; i < 20000; i++) process.stdout.write(`line ${i} of the help\\n`);\n',
      );
      const child = spawn(process.execPath, [path.join(dir, 'bin', 'cli.js')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
