// The template must stay the shape of the kit's real plugins: same configs, same scripts, same
// dependency ranges. When a real plugin changes one of these, this test says what to copy.
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_FILE_SCHEMA } from './create-plugin.js';
import { TEMPLATE_DIR } from './plugin-template.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

interface Manifest {
  name: string;
  version: string;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
  ipkPlugin?: unknown;
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

async function realPluginDirs(): Promise<string[]> {
  const names = await readdir(path.join(repoRoot, 'plugins'));
  const dirs: string[] = [];
  for (const name of names.sort()) {
    const dir = path.join(repoRoot, 'plugins', name);
    const manifest = await readManifest(dir).catch(() => undefined);
    if (manifest?.ipkPlugin !== undefined) dirs.push(dir);
  }
  return dirs;
}

const plugins = await realPluginDirs();
const template = await readManifest(TEMPLATE_DIR);

describe('the template against the real plugins', () => {
  it('has real plugins to compare with', () => {
    expect(plugins.length).toBeGreaterThan(0);
  });

  it.each(['tsconfig.json', 'rollup.config.js'])(
    'has the same %s as every real plugin',
    async (file) => {
      const ours = await readFile(path.join(TEMPLATE_DIR, file), 'utf8');
      for (const dir of plugins) {
        const theirs = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
        if (theirs !== undefined) expect({ dir, text: ours }).toEqual({ dir, text: theirs });
      }
    },
  );

  // The plugins' Vitest configs have drifted among themselves (newer ones poll faster): the
  // template must equal one of them, not a config of its own.
  it('has the vitest.config.ts of one of the real plugins', async () => {
    const ours = await readFile(path.join(TEMPLATE_DIR, 'vitest.config.ts'), 'utf8');
    const theirs = await Promise.all(
      plugins.map((dir) => readFile(path.join(dir, 'vitest.config.ts'), 'utf8').catch(() => '')),
    );
    expect(theirs).toContain(ours);
  });

  it.each(plugins.map((dir) => [path.basename(dir), dir]))(
    'has the scripts of %s',
    async (_name, dir) => {
      expect(template.scripts).toEqual((await readManifest(dir)).scripts);
    },
  );

  it('asks for the same range of every dev dependency a real plugin also has', async () => {
    for (const dir of plugins) {
      const theirs = (await readManifest(dir)).devDependencies ?? {};
      for (const [name, range] of Object.entries(template.devDependencies ?? {})) {
        if (theirs[name] !== undefined) {
          expect({ plugin: dir, name, range }).toEqual({ plugin: dir, name, range: theirs[name] });
        }
      }
    }
  });

  it("points each real plugin's package file at the kit's JSON Schema, as a new plugin's is", async () => {
    for (const dir of plugins) {
      const { ipkPlugin } = (await readManifest(dir)) as { ipkPlugin: { packageFile: string } };
      const packageFile = JSON.parse(
        await readFile(path.join(dir, ipkPlugin.packageFile), 'utf8'),
      ) as { $schema?: string };
      // What createPlugin writes for plugins/<name> in the kit, and a path that resolves there.
      expect({ dir, $schema: packageFile.$schema }).toEqual({
        dir,
        $schema: `../../${PACKAGE_FILE_SCHEMA}`,
      });
      await access(path.join(dir, packageFile.$schema ?? ''));
    }
  });

  it('asks for a range of each kit package that its current version satisfies', async () => {
    const kit = Object.entries(template.devDependencies ?? {}).filter(([name]) =>
      name.startsWith('@ipk/'),
    );
    expect(kit.length).toBeGreaterThan(0);
    for (const [name, range] of kit) {
      const folder = name.replace('@ipk/', '');
      const { version } = await readManifest(path.join(repoRoot, 'packages', folder));
      expect({ name, range }).toEqual({ name, range: `^${version}` });
    }
  });
});
