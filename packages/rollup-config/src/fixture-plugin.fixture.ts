// Tiny webapp2 plugins written to a temporary folder, valid by default; each test changes one thing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rollup, type RollupLog, type RollupOutput } from 'rollup';
import { definePluginConfig } from './define-plugin-config.js';
import type { BundleSize } from './ipk-plugin-files.js';

export interface FixturePlugin {
  /** package.json of the workspace; `ipkPlugin` included. */
  manifest: Record<string, unknown>;
  /** The webapp2 package file, as an object (or raw text to test broken JSON). */
  packageFile: Record<string, unknown> | string;
  /** src/index.ts */
  source: string;
  /** assets/<name> → SVG text */
  icons: Record<string, string>;
}

export const FIXTURE_ID = 'fixture-plugin-1.0';

export function validFixture(): FixturePlugin {
  return {
    manifest: {
      name: '@ipk/plugin-fixture',
      private: true,
      type: 'module',
      ipkPlugin: { packageFile: 'fixture.plugin.package.json', enabled: true },
    },
    packageFile: {
      id: FIXTURE_ID,
      name: 'fixture',
      description: 'A fixture plugin',
      version: 1.0,
      srcURL: 'fixture.plugin.js',
      allowUnload: true,
      platforms: ['web'],
      participantRoles: ['chair'],
      menuItems: {
        toolbar: [{ icon: 'assets/bell.svg#bell', label: 'Ring', action: 'ring' }],
      },
    },
    source: `
      declare const PEX: { pluginAPI: { registerPlugin(plugin: object): void; createNewState(s: object): { next(s: object): void } } };
      const state$ = PEX.pluginAPI.createNewState({});
      function ring(): void {
        state$.next({ icon: 'assets/bell-off.svg#bell-off', label: 'Silence' });
      }
      PEX.pluginAPI.registerPlugin({ id: '${FIXTURE_ID}', load() {}, unload() {}, ring, state$ });
    `,
    icons: {
      'bell.svg':
        '<?xml version="1.0"?>\n<!-- bell -->\n<svg xmlns="http://www.w3.org/2000/svg" id="bell" viewBox="0 0 24 24">\n  <path d="M12 2 L20 20 L4 20 Z"   />\n</svg>\n',
      'bell-off.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" id="bell-off" viewBox="0 0 24 24"><path d="M4 4 L20 20"/></svg>',
    },
  };
}

/** Writes the fixture to a fresh temporary folder and returns its path. */
export async function writeFixture(fixture: FixturePlugin): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'ipk-rollup-fixture-'));
  created.push(root);
  await mkdir(path.join(root, 'src'));
  await mkdir(path.join(root, 'assets'));
  const packageText =
    typeof fixture.packageFile === 'string'
      ? fixture.packageFile
      : JSON.stringify(fixture.packageFile, null, 2);
  await Promise.all([
    writeFile(path.join(root, 'package.json'), JSON.stringify(fixture.manifest)),
    writeFile(path.join(root, 'fixture.plugin.package.json'), packageText),
    writeFile(path.join(root, 'src/index.ts'), fixture.source),
    writeFile(path.join(root, 'tsconfig.json'), '{"compilerOptions":{"strict":true}}'),
    ...Object.entries(fixture.icons).map(([name, svg]) =>
      writeFile(path.join(root, 'assets', name), svg),
    ),
  ]);
  return root;
}

export interface FixtureBuild {
  readonly root: string;
  readonly output: RollupOutput['output'];
  readonly warnings: readonly string[];
  readonly sizes: readonly BundleSize[];
}

/**
 * Builds the fixture with the shared config and writes `dist/`, as `npm run build` would. Without
 * the type check unless asked (`type-check.test.ts` asks): the other tests are about other checks,
 * and a cold TypeScript program per fixture would only slow them.
 */
export async function buildFixture(
  fixture: FixturePlugin,
  minify = false,
  typeCheck = false,
): Promise<FixtureBuild> {
  const root = await writeFixture(fixture);
  const sizes: BundleSize[] = [];
  const warnings: string[] = [];
  const config = await definePluginConfig({
    root,
    minify,
    typeCheck,
    onBundleSize: (size) => sizes.push(size),
  });
  const bundle = await rollup({
    ...config,
    onLog: (level: string, log: RollupLog) => {
      if (level === 'warn') warnings.push(log.message);
    },
  });
  try {
    const outputOptions = Array.isArray(config.output) ? config.output[0] : config.output;
    const { output } = await bundle.write(outputOptions ?? {});
    return { root, output, warnings, sizes };
  } finally {
    await bundle.close();
  }
}

const created: string[] = [];

/** Deletes every folder `writeFixture` made (call from `afterAll`). */
export async function removeFixtures(): Promise<void> {
  const roots = created.splice(0);
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
}
