// A plugin folder on its own: copied out of the kit into an empty folder, it installs and builds
// with its README's two commands. Its kit dependencies come from `npm pack` tarballs of the
// workspace packages (what `npm publish` would upload), everything else from the npm cache
// (`--prefer-offline`). Slow by nature (one npm install): one plugin, one run.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPlugin } from './create-plugin.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
let workDir: string;
let pluginDir: string;

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readManifest = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** The kit packages a plugin needs, with their own kit dependencies, by folder under packages/. */
async function kitClosure(names: string[]): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    const manifest = await readManifest(path.join(repoRoot, 'packages', name.replace('@ipk/', '')));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith('@ipk/')) await visit(dependency);
    }
  };
  for (const name of names) await visit(name);
  return [...found].sort();
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'ipk-eject-'));
  const created = await createPlugin({ name: 'ejected', pluginsDir: path.join(workDir, 'copy') });
  pluginDir = created.dir;
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

it('depends on published-style packages only', async () => {
  const { devDependencies = {}, dependencies = {} } = await readManifest(pluginDir);
  for (const [name, range] of Object.entries({ ...dependencies, ...devDependencies })) {
    expect({ name, range }).toEqual({
      name,
      range: expect.stringMatching(/^[\^~]?\d+\.\d+\.\d+$/),
    });
  }
});

it(
  'installs and builds outside the monorepo with the README instructions',
  async () => {
    const readme = await readFile(path.join(pluginDir, 'README.md'), 'utf8');
    expect(readme).toContain('npm install\nnpm run build');

    const { devDependencies = {} } = await readManifest(pluginDir);
    const kit = await kitClosure(
      Object.keys(devDependencies).filter((name) => name.startsWith('@ipk/')),
    );
    const tarballDir = path.join(workDir, 'tarballs');
    await mkdir(tarballDir);
    await run(
      'npm',
      [
        'pack',
        '--silent',
        '--pack-destination',
        tarballDir,
        ...kit.flatMap((name) => ['-w', name]),
      ],
      {
        cwd: repoRoot,
      },
    );
    const tarballs = (await readdir(tarballDir)).map((file) => path.join(tarballDir, file));
    expect(tarballs).toHaveLength(kit.length);

    // "npm install": the kit's packages as they would come from the registry, the rest from the cache.
    await run('npm', ['install', ...NPM_QUIET, '--save-dev', ...tarballs], { cwd: pluginDir });
    // "npm run build"
    const { stdout } = await run('npm', ['run', 'build'], { cwd: pluginDir });
    expect(stdout).toMatch(/ejected\.plugin\.js: .* minified/);
    const built = await readdir(path.join(pluginDir, 'dist'));
    expect(built.sort()).toEqual(
      [
        'assets',
        'ejected.plugin.js',
        'ejected.plugin.js.map',
        'ejected.plugin.package.json',
      ].sort(),
    );
    // And it keeps its tests: the unit test passes there too.
    const tested = await run('npm', ['test'], {
      cwd: pluginDir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(tested.stdout).toMatch(/Tests\s+3 passed/);
  },
  6 * 60_000,
);
