// A generated plugin, for each placement: builds with @ipk/rollup-config's checks, typechecks,
// passes its own unit test and lands in a branding package as an enabled plugin. The plugins are
// generated inside this package (so they resolve the kit's node_modules, as plugins/* do) and
// removed afterwards. Each step runs real tools (rollup, tsc, vitest, eslint): the work bounds
// the tests, and the long timeouts only keep a loaded 2-core CI machine from failing them.
import { buildBranding } from '@ipk/branding';
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlugin, type CreatedPlugin } from './create-plugin.js';
import { PLACEMENTS } from './plugin-names.js';

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, '..');
const bin = (tool: string) => path.resolve(packageDir, '../../node_modules/.bin', tool);

let workDir: string;
const created = new Map<string, CreatedPlugin>();

beforeAll(async () => {
  workDir = await mkdtemp(path.join(packageDir, '.scaffold-test-'));
  for (const placement of PLACEMENTS) {
    created.set(
      placement,
      await createPlugin({
        name: `my-${placement}`,
        placement,
        pluginsDir: path.join(workDir, 'plugins'),
      }),
    );
  }
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function pluginDir(placement: string): string {
  const plugin = created.get(placement);
  if (plugin === undefined) throw new Error(`no plugin generated for ${placement}`);
  return plugin.dir;
}

describe.each(PLACEMENTS)('a new %s plugin', (placement) => {
  it('builds with every @ipk/rollup-config check passing', { timeout: 180_000 }, async () => {
    const { stdout } = await run(bin('rollup'), ['-c'], { cwd: pluginDir(placement) });
    expect(stdout + '').toMatch(new RegExp(`my-${placement}\\.plugin\\.js: .* minified`));
    const packageFile = JSON.parse(
      await readFile(
        path.join(pluginDir(placement), 'dist', `my-${placement}.plugin.package.json`),
        'utf8',
      ),
    ) as { $schema: string; menuItems: Record<string, unknown> };
    expect(Object.keys(packageFile.menuItems)).toEqual([placement]);
    // Editors find the kit's JSON Schema from the package file (the build copies it as it is).
    await access(path.resolve(pluginDir(placement), packageFile.$schema));
  });

  it('typechecks and passes its own unit test', { timeout: 180_000 }, async () => {
    const cwd = pluginDir(placement);
    await run(bin('tsc'), ['--noEmit'], { cwd });
    const { stdout } = await run(bin('vitest'), ['run'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(stdout).toMatch(/Tests\s+3 passed/);
  });
});

describe('the new plugins as generated', () => {
  it('pass the repo ESLint and Prettier checks', { timeout: 180_000 }, async () => {
    const dirs = PLACEMENTS.map(pluginDir);
    await run(bin('prettier'), ['--check', ...dirs], { cwd: packageDir });
    await run(bin('eslint'), dirs, { cwd: packageDir });
  });
});

describe("the new plugins' end-to-end specs", () => {
  it(
    'typecheck against @ipk/e2e, as the e2e suite compiles them',
    { timeout: 180_000 },
    async () => {
      // The e2e package's tsconfig covers ../plugins/*/tests: the same options, on the new plugins.
      const tsconfig = path.join(workDir, 'tsconfig.e2e.json');
      await writeFile(
        tsconfig,
        JSON.stringify({
          extends: path.resolve(packageDir, '../../tsconfig.base.json'),
          compilerOptions: { types: ['node'], noEmit: true },
          include: ['plugins/*/tests/*.ts'],
        }),
      );
      await run(bin('tsc'), ['-p', tsconfig], { cwd: workDir });
    },
  );
});

describe('the new plugins in the host', () => {
  it('are in the branding package the mock node serves, enabled, with no check errors', async () => {
    const outDir = path.join(workDir, 'branding');
    const result = await buildBranding({
      pluginDirs: PLACEMENTS.map(pluginDir),
      outDir,
      zipFile: path.join(workDir, 'branding.zip'),
    });
    expect(result.check.errorCount).toBe(0);
    const settings = JSON.parse(
      await readFile(path.join(result.webapp2Dir, 'settings.json'), 'utf8'),
    ) as { plugins: unknown[] };
    expect(settings.plugins).toEqual(
      PLACEMENTS.map((placement) => ({
        id: `my-${placement}-plugin-1.0`,
        srcURL: `plugins/my-${placement}/my-${placement}.plugin.package.json`,
        enabled: true,
      })),
    );
  });
});
