// `npm run eject -- <plugin> <dir>` for every plugin of the kit, and for one fresh from the
// template: each is ejected into a folder outside the repo (the OS temp folder), where, with only
// the public npm registry (the kit's packages are vendored tarballs), the commands its README
// gives must pass, and its bundle must be byte for byte the one the kit builds. Slow by nature:
// one real `npm install` per plugin (from the npm cache when it has the packages).
import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlugin } from './create-plugin.js';
import { EJECT_TEMPLATE_DIR, ejectPlugin, EjectError } from './eject-plugin.js';

const run = promisify(execFile);
const kitRoot = path.resolve(import.meta.dirname, '../../..');
const rollupBin = path.join(kitRoot, 'node_modules', '.bin', 'rollup');
const STEP_TIMEOUT = 5 * 60_000;
let workDir: string;

const kitPlugins = (await readdir(path.join(kitRoot, 'plugins'))).sort();

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'ipk-eject-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
}, STEP_TIMEOUT);

/** `npm <args>` in `cwd`, as a user types it; resolves to its output, rejects with it. */
async function npm(cwd: string, ...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('npm', [...args, '--no-audit', '--no-fund'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      maxBuffer: 32 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`, {
      cause: error,
    });
  }
}

/** What the kit's own build of a plugin writes, built into a temporary folder (the same config). */
async function kitBundle(pluginDir: string, fileName: string): Promise<Buffer> {
  const outDir = await mkdtemp(path.join(workDir, 'kit-build-'));
  await run(rollupBin, ['-c', '--dir', outDir], { cwd: pluginDir });
  return readFile(path.join(outDir, fileName));
}

describe('the ejected ESLint config', () => {
  it('has the rules of the kit’s own config', { timeout: 60_000 }, async () => {
    const sample = path.join(kitRoot, 'plugins', kitPlugins[0] ?? '', 'src', 'index.ts');
    const rulesOf = async (configFile: string) =>
      (
        (await new ESLint({ cwd: kitRoot, overrideConfigFile: configFile }).calculateConfigForFile(
          sample,
        )) as { rules: Record<string, unknown> }
      ).rules;
    expect(await rulesOf(path.join(EJECT_TEMPLATE_DIR, 'eslint-config.js'))).toEqual(
      await rulesOf(path.join(kitRoot, 'eslint.config.js')),
    );
  });
});

describe('ejectPlugin refuses, writing nothing,', () => {
  it('a folder inside the kit', async () => {
    const inside = path.join(kitRoot, 'packages', 'create-plugin', '.eject-here');
    await expect(
      ejectPlugin({ kitRoot, plugin: kitPlugins[0] ?? '', outDir: inside }),
    ).rejects.toThrow(/is inside the kit: choose a folder outside it/);
    await expect(readdir(inside)).rejects.toThrow(/ENOENT/);
  });

  it('a folder that is not empty', async () => {
    await expect(
      ejectPlugin({ kitRoot, plugin: kitPlugins[0] ?? '', outDir: kitRoot }),
    ).rejects.toThrow(EjectError);
    const notEmpty = await mkdtemp(path.join(workDir, 'full-'));
    await createPlugin({ name: 'squatter', pluginsDir: notEmpty });
    await expect(
      ejectPlugin({ kitRoot, plugin: kitPlugins[0] ?? '', outDir: notEmpty }),
    ).rejects.toThrow(/is not empty: eject into a new or empty folder/);
  });

  it('a plugin the kit does not have, naming the ones it has', async () => {
    await expect(
      ejectPlugin({ kitRoot, plugin: 'no-such-plugin', outDir: path.join(workDir, 'none') }),
    ).rejects.toThrow(
      new RegExp(`has no package.json: name a plugin of the kit \\(${kitPlugins.join(', ')}\\)`),
    );
  });
});

describe('ejectPlugin, failing half way', () => {
  it('leaves the folder as empty as it found it', async () => {
    // A kit without the files eject copies from its root (Prettier config, lockfile).
    const fakeKit = await mkdtemp(path.join(workDir, 'fake-kit-'));
    const write = async (file: string, value: unknown) => {
      await mkdir(path.dirname(path.join(fakeKit, file)), { recursive: true });
      await writeFile(path.join(fakeKit, file), JSON.stringify(value));
    };
    await write('package.json', {
      name: 'fake-kit',
      private: true,
      workspaces: ['packages/*', 'plugins/*'],
    });
    await write('packages/plugin-api/package.json', {
      name: '@ipk/plugin-api',
      version: '0.1.0',
      exports: { '.': './package.json' },
    });
    await write('plugins/x/package.json', {
      name: '@ipk/plugin-x',
      version: '0.1.0',
      ipkPlugin: { packageFile: 'x.plugin.package.json' },
      devDependencies: { '@ipk/plugin-api': '^0.1.0' },
    });
    const outDir = path.join(workDir, 'half-way');
    await expect(ejectPlugin({ kitRoot: fakeKit, plugin: 'x', outDir })).rejects.toThrow(/ENOENT/);
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe.each([...kitPlugins, 'from-the-template'])('%s, ejected', (plugin) => {
  /** Empty until ejected (an afterAll after a failed beforeAll has nothing to remove). */
  let dir = '';
  let pluginDir: string;
  let vendored: string[];

  beforeAll(async () => {
    pluginDir = path.join(kitRoot, 'plugins', plugin);
    if (plugin === 'from-the-template') {
      // A plugin as `npm run new-plugin` makes it, in a kit-shaped folder of its own.
      const created = await createPlugin({
        name: plugin,
        pluginsDir: await mkdtemp(
          path.join(kitRoot, 'packages', 'create-plugin', '.scaffold-test-'),
        ),
      });
      pluginDir = created.dir;
    }
    const ejected = await ejectPlugin({
      kitRoot,
      plugin: pluginDir,
      outDir: path.join(workDir, plugin),
    });
    dir = ejected.dir;
    vendored = [...ejected.vendored.keys()];
  }, STEP_TIMEOUT);

  // Each ejected folder goes once its tests are done: a node_modules of its own is ~100 MB.
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
    if (plugin === 'from-the-template') {
      await rm(path.dirname(pluginDir), { recursive: true, force: true });
    }
  }, STEP_TIMEOUT);

  it('vendors every kit package it needs and says so in vendor/README.md', async () => {
    expect(vendored).toEqual(
      expect.arrayContaining(['@ipk/plugin-api', '@ipk/plugin-probe', '@ipk/rollup-config']),
    );
    const readme = await readFile(path.join(dir, 'vendor', 'README.md'), 'utf8');
    for (const name of vendored) expect(readme).toContain(`| \`${name}\` |`);
    expect(readme).toMatch(/## Updating them/);
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies['@ipk/rollup-config']).toMatch(
      /^file:vendor\/ipk-rollup-config-.*\.tgz$/,
    );
  });

  it('keeps $schema pointing at the kit’s JSON Schema, now in its own node_modules', async () => {
    const [packageFile] = (await readdir(dir)).filter((file) =>
      file.endsWith('.plugin.package.json'),
    );
    const text = await readFile(path.join(dir, packageFile ?? ''), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      $schema: './node_modules/@ipk/plugin-api/schemas/plugin-package.schema.json',
    });
  });

  it(
    'installs, builds, tests, lints and typechecks with only the public registry, and builds the kit’s bytes',
    async () => {
      await npm(dir, 'install', '--prefer-offline');
      const built = await npm(dir, 'run', 'build');
      const [bundle] = (await readdir(path.join(dir, 'dist'))).filter((file) =>
        file.endsWith('.plugin.js'),
      );
      expect(built).toContain(`${bundle}: `);
      // Byte for byte the kit's build of the same plugin (a Buffer comparison, not a text one).
      const ours = await readFile(path.join(dir, 'dist', bundle ?? ''));
      expect(ours.equals(await kitBundle(pluginDir, bundle ?? ''))).toBe(true);
      expect(await npm(dir, 'test')).toMatch(/Tests\s+\d+ passed/);
      await npm(dir, 'run', 'lint');
      await npm(dir, 'run', 'typecheck');
    },
    STEP_TIMEOUT,
  );
});
