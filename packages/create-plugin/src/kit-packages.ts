import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The fields of a kit package's package.json that eject and the publishing checks read. */
export interface KitManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly files?: readonly string[];
  readonly ipkPlugin?: unknown;
}

export interface KitPackage {
  /** The workspace folder. */
  readonly dir: string;
  readonly manifest: KitManifest;
}

/** The kit's own packages are the `@ipk/*` ones. */
export const KIT_SCOPE = '@ipk/';

export const isKitPackageName = (name: string): boolean => name.startsWith(KIT_SCOPE);

/** Every workspace under `packages/` of the kit, by package name. */
export async function readKitPackages(kitRoot: string): Promise<Map<string, KitPackage>> {
  const packages = new Map<string, KitPackage>();
  const folder = path.join(kitRoot, 'packages');
  for (const name of (await readdir(folder)).sort()) {
    const dir = path.join(folder, name);
    const manifest = await readManifest(dir).catch(() => undefined);
    if (manifest !== undefined) packages.set(manifest.name, { dir, manifest });
  }
  return packages;
}

export async function readManifest(dir: string): Promise<KitManifest> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as KitManifest;
}

/**
 * The kit packages `names` need at run time or to build, with what those need in turn (their
 * `dependencies`; their devDependencies are theirs alone), sorted.
 */
export function kitClosure(
  names: Iterable<string>,
  packages: ReadonlyMap<string, KitPackage>,
): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !isKitPackageName(name)) return;
    const kitPackage = packages.get(name);
    if (kitPackage === undefined) {
      throw new Error(`${name} is not a package of the kit (packages/*)`);
    }
    found.add(name);
    for (const dependency of Object.keys(kitPackage.manifest.dependencies ?? {})) visit(dependency);
  };
  for (const name of names) visit(name);
  return [...found].sort();
}

/**
 * The files a package's `exports`, `types` and `bin` point at: what must exist (be built) before
 * it can be packed, and what `files` must cover.
 */
export function entryFiles(manifest: KitManifest): string[] {
  const targets = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string') {
      if (!value.includes('*')) targets.add(path.normalize(value));
    } else if (typeof value === 'object' && value !== null) {
      for (const nested of Object.values(value)) collect(nested);
    }
  };
  collect(manifest.exports);
  collect(manifest.types);
  collect(manifest.bin);
  return [...targets].sort();
}

/** The entry files of a package that are not there: it needs `npm run build` first. */
export async function missingEntryFiles(kitPackage: KitPackage): Promise<string[]> {
  return entryFiles(kitPackage.manifest).filter(
    (file) => !existsSync(path.join(kitPackage.dir, file)),
  );
}

/**
 * `npm pack` of kit packages into `destination`: the tarballs `npm publish` would upload.
 * Resolves to their file names, by package name.
 */
export async function packKitPackages(
  kitRoot: string,
  names: readonly string[],
  destination: string,
): Promise<Map<string, string>> {
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', destination, ...names.flatMap((name) => ['-w', name])],
    { cwd: kitRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  const packed = JSON.parse(stdout) as { name: string; filename: string }[];
  return new Map(packed.map((entry) => [entry.name, entry.filename]));
}
