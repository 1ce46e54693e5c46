// Real turbo runs on a scratch workspace in a temporary folder: three packages whose builds are
// small node scripts (one of them depends on another, one can be told to fail).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkspaces, findKitRoot } from './kit-build.js';

const run = promisify(execFile);
const kitBuildDir = path.resolve(import.meta.dirname, '..');
let root: string;

/** A build script: writes dist/out.txt, or fails with a message when FAIL names the package. */
const buildScript = (name: string) =>
  `node -e "if (process.env.FAIL === '${name}') { console.log('compiling ${name}'); console.error('${name}: src/index.ts:3:7 broken on purpose'); process.exit(1) } require('fs').mkdirSync('dist', {recursive: true}); require('fs').writeFileSync('dist/out.txt', '${name}')"`;

async function writePackage(name: string, dependencies: Record<string, string> = {}) {
  const dir = path.join(root, 'packages', name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', dependencies, scripts: { build: buildScript(name) } }),
  );
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ipk-kit-build-'));
  await writeFile(
    path.join(root, 'package.json'),
    JSON.stringify({
      name: 'scratch',
      private: true,
      packageManager: 'npm@11.19.1',
      workspaces: ['packages/*'],
    }),
  );
  await writeFile(
    path.join(root, 'turbo.json'),
    JSON.stringify({
      globalPassThroughEnv: ['FAIL'],
      tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } },
    }),
  );
  // As in a clone of the kit: turbo hashes a package's files by git, without what .gitignore lists.
  await writeFile(path.join(root, '.gitignore'), 'dist/\n.turbo/\n');
  await run('git', ['init', '--quiet'], { cwd: root });
  await writePackage('base');
  await writePackage('app', { base: '1.0.0' });
  await writePackage('other');
});

afterEach(async () => {
  delete process.env['FAIL'];
  await rm(root, { recursive: true, force: true });
});

function recorder(isTTY = false) {
  const chunks: string[] = [];
  return { chunks, progress: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('buildWorkspaces', () => {
  it('says how many packages it builds and reports each one as it is built', async () => {
    const { chunks, progress } = recorder();
    const result = await buildWorkspaces({ root, filters: ['app', 'other'], progress });
    const text = chunks.join('');
    expect(text).toMatch(/^Building 3 packages; a fresh clone builds every one once…\n/);
    expect(text).toMatch(/ {2}\[1\/3\] (base|other) \(\d+ s\)\n/);
    expect(text).toMatch(/ {2}\[3\/3\] (app|other) \(\d+ s\)\n/);
    expect(text).toMatch(/Built 3 packages in \d+ s\.\n$/);
    expect(result).toMatchObject({ ok: true, failed: [], upToDate: 0 });
    expect([...result.built].sort()).toEqual(['app', 'base', 'other']);
    expect(await readFile(path.join(root, 'packages/app/dist/out.txt'), 'utf8')).toBe('app');
  });

  it('says nothing when everything is up to date', async () => {
    await buildWorkspaces({ root, filters: ['app'], progress: recorder().progress });
    const { chunks, progress } = recorder();
    const result = await buildWorkspaces({ root, filters: ['app'], progress });
    expect(chunks.join('')).toBe('');
    expect(result).toMatchObject({ ok: true, built: [], upToDate: 2 });
  });

  it('updates one line in place in a terminal', async () => {
    const { chunks, progress } = recorder(true);
    await buildWorkspaces({ root, filters: ['other'], progress });
    // Carriage return and "erase line" (ESC [2K): the line is rewritten, not added.
    const rewrite = '\r\u001b[2K';
    const line = chunks.find((chunk) => chunk.includes('[1/1] other'));
    expect(line?.startsWith(`${rewrite}  [1/1] other (`)).toBe(true);
  });

  it("shows a failed package's own output without turbo's and npm's lines", async () => {
    process.env['FAIL'] = 'base';
    const { chunks, progress } = recorder();
    const result = await buildWorkspaces({ root, filters: ['app'], progress });
    expect(result).toMatchObject({ ok: false, failed: ['base'] });
    const text = chunks.join('');
    // The package's own lines, indented under the heading. Its stdout and stderr reach turbo
    // through two pipes, so their order is not fixed: the block is compared as a set of lines.
    const block = /\nbase did not build:\n((?: {2}.*\n)+)/.exec(text)?.[1] ?? '';
    expect(block.split('\n').filter(Boolean).sort()).toEqual([
      '  base: src/index.ts:3:7 broken on purpose',
      '  compiling base',
    ]);
    expect(text).not.toMatch(/npm error|cache miss|> base@1\.0\.0 build/);
  });

  it('builds the others when asked to go on past a failure', async () => {
    process.env['FAIL'] = 'base';
    const result = await buildWorkspaces({
      root,
      filters: ['app', 'other'],
      continueOnError: true,
      progress: recorder().progress,
    });
    expect(result).toMatchObject({ ok: false, failed: ['base'], built: ['other'] });
  });
});

describe('a committed bin entry', () => {
  it('builds its package first when dist/ is missing, then runs the CLI', async () => {
    // A package with the kit's bin entry and a build that writes dist/cli.js.
    const dir = path.join(root, 'packages', 'tool');
    await mkdir(path.join(dir, 'bin'), { recursive: true });
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'tool',
        version: '1.0.0',
        type: 'module',
        scripts: {
          build: `node -e "require('fs').mkdirSync('dist', {recursive: true}); require('fs').writeFileSync('dist/cli.js', 'console.log(\\'tool ran with \\' + process.argv.slice(2).join(\\' \\'))')"`,
        },
      }),
    );
    await writeFile(
      path.join(dir, 'bin', 'tool.js'),
      await readFile(path.join(kitBuildDir, 'src', 'bin-entry.js'), 'utf8'),
    );
    // Inside the kit, `@ipk/kit-build` resolves from the root node_modules, as here.
    await mkdir(path.join(root, 'node_modules', '@ipk'), { recursive: true });
    await symlink(kitBuildDir, path.join(root, 'node_modules', '@ipk', 'kit-build'));

    const first = await run(process.execPath, [path.join(dir, 'bin', 'tool.js'), '--help']);
    expect(first.stdout).toBe('tool ran with --help\n');
    expect(first.stderr).toMatch(/^tool is not built yet \(a fresh clone\): building it first\.\n/);
    expect(first.stderr).toMatch(/\[1\/1\] tool/);

    const second = await run(process.execPath, [path.join(dir, 'bin', 'tool.js'), 'again']);
    expect(second).toEqual({ stdout: 'tool ran with again\n', stderr: '' });
  });
});

describe('findKitRoot', () => {
  it('finds the folder with turbo.json and npm workspaces above a package', () => {
    expect(findKitRoot(path.join(root, 'packages', 'app'))).toBe(root);
    expect(findKitRoot(tmpdir())).toBeUndefined();
  });
});
