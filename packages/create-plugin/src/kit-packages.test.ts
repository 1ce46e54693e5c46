// The kit's packages are ready to publish (docs/publishing.md): what `npm pack` would put in each
// tarball covers what its package.json promises. Built or not (turbo builds only this package's
// dependencies before its tests), so the checks read the manifests; the eject test packs and
// installs the ones plugins need for real.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryFiles, kitClosure, readKitPackages, type KitManifest } from './kit-packages.js';

const kitRoot = path.resolve(import.meta.dirname, '../../..');
const packages = await readKitPackages(kitRoot);
const published = [...packages.values()].filter(
  (kitPackage) => kitPackage.manifest.private !== true,
);
const rootLicense = await readFile(path.join(kitRoot, 'LICENSE'), 'utf8');

/** Whether `npm pack` includes `file`, by the package's `files` list (a folder covers what is in it). */
function packed(manifest: KitManifest, file: string): boolean {
  // npm always packs these, whatever `files` says.
  if (manifest.files === undefined || ['package.json', 'README.md', 'LICENSE'].includes(file)) {
    return true;
  }
  return manifest.files.some((entry) => {
    const covered = path.normalize(entry);
    return file === covered || file.startsWith(`${covered}${path.sep}`);
  });
}

describe('every package of the kit but the private ones', () => {
  it('is most of them (only the build helper is private)', () => {
    expect(
      [...packages.values()]
        .filter((kitPackage) => kitPackage.manifest.private === true)
        .map((kitPackage) => kitPackage.manifest.name),
    ).toEqual(['@ipk/kit-build']);
  });

  it.each(published.map((kitPackage) => [kitPackage.manifest.name, kitPackage]))(
    '%s packs what its exports, types and bin name, with a README, the LICENSE and types',
    async (_name, { dir, manifest }) => {
      for (const file of entryFiles(manifest)) {
        expect({ file, packed: packed(manifest, file) }).toEqual({ file, packed: true });
      }
      expect(manifest.license).toBe('Apache-2.0');
      expect(manifest.types).toMatch(/\.d\.ts$/);
      expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toMatch(/^# @ipk\//);
      expect(await readFile(path.join(dir, 'LICENSE'), 'utf8')).toBe(rootLicense);
    },
  );

  it.each(published.map((kitPackage) => [kitPackage.manifest.name, kitPackage.manifest]))(
    '%s depends on kit packages by a range that the local version satisfies (no paths, no workspace:*)',
    (_name, manifest) => {
      const all = { ...manifest.dependencies, ...manifest.devDependencies };
      for (const [name, range] of Object.entries(all)) {
        if (!name.startsWith('@ipk/')) continue;
        const version = packages.get(name)?.manifest.version;
        expect({ name, range }).toEqual({ name, range: `^${version}` });
      }
    },
  );
});

describe('kitClosure', () => {
  it('follows dependencies, not devDependencies', () => {
    // rollup-config → plugin-probe → host-runtime (the probe host) → dialogs, plugin-api.
    expect(kitClosure(['@ipk/rollup-config'], packages)).toEqual([
      '@ipk/dialogs',
      '@ipk/host-runtime',
      '@ipk/plugin-api',
      '@ipk/plugin-probe',
      '@ipk/rollup-config',
    ]);
  });

  it('names a package the kit does not have', () => {
    expect(() => kitClosure(['@ipk/nothing'], packages)).toThrow(
      '@ipk/nothing is not a package of the kit (packages/*)',
    );
  });
});
