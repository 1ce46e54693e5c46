import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  isKitPackageName,
  kitClosure,
  missingEntryFiles,
  packKitPackages,
  readKitPackages,
  readManifest,
  type KitManifest,
  type KitPackage,
} from './kit-packages.js';

const run = promisify(execFile);

/** Files the ejected folder gets besides the plugin's own (`eject/`: its ESLint config). */
export const EJECT_TEMPLATE_DIR = fileURLToPath(new URL('../eject/', import.meta.url));

/** What the kit has that a plugin folder does not need, and what a build or an install writes. */
const LEFT_OUT = new Set([
  'node_modules',
  'dist',
  '.turbo',
  'coverage',
  'test-results',
  'playwright-report',
]);

/** The dev dependencies of the kit's root that the plugin's own lint needs, with the root's ranges. */
const LINT_TOOLS = [
  '@eslint/js',
  'eslint',
  'eslint-config-prettier',
  'eslint-plugin-lit',
  'globals',
  'prettier',
  'typescript-eslint',
];

export const VENDOR_FOLDER = 'vendor';

export interface EjectOptions {
  /** The kit (the folder with `plugins/` and `packages/`). */
  readonly kitRoot: string;
  /** The plugin: its folder name under `plugins/` (`dtmf`) or a path to its folder. */
  readonly plugin: string;
  /** The folder to write: must not exist or be empty, and must be outside the kit. */
  readonly outDir: string;
}

export interface EjectedPlugin {
  readonly dir: string;
  /** The npm name of the plugin (`@ipk/plugin-dtmf`). */
  readonly name: string;
  /** The kit packages in `vendor/`, by name, with their tarball's file name. */
  readonly vendored: ReadonlyMap<string, string>;
}

/** The plugin cannot be ejected as asked; nothing was written. The message says why and what to do. */
export class EjectError extends Error {
  override name = 'EjectError';
}

interface Manifest extends KitManifest {
  scripts?: Record<string, string>;
  overrides?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  engines?: Record<string, string>;
}

/**
 * Writes a standalone copy of one `plugins/*` workspace: its files; the kit packages it needs (the
 * whole transitive set) as `npm pack` tarballs in `vendor/`, referenced with `file:` specifiers
 * (`overrides` for those it needs only through another); the kit's ESLint and Prettier setup;
 * a lockfile with the kit's versions of everything else, so its build is byte for byte the
 * kit's; and `vendor/README.md` saying what was vendored and how to update it. There, with only
 * the public registry, `npm install && npm run build && npm test && npm run lint && npm run
 * typecheck` pass. The kit packages must be built (`npm run eject` builds them first).
 */
export async function ejectPlugin(options: EjectOptions): Promise<EjectedPlugin> {
  const kitRoot = path.resolve(options.kitRoot);
  const pluginDir = resolvePluginDir(kitRoot, options.plugin);
  const manifest = (await readManifest(pluginDir).catch(() => undefined)) as Manifest | undefined;
  if (manifest === undefined) {
    throw new EjectError(
      `${pluginDir} has no package.json: name a plugin of the kit (${await pluginNames(kitRoot)})`,
    );
  }
  if (manifest.ipkPlugin === undefined) {
    throw new EjectError(
      `${pluginDir} is not a plugin workspace (no "ipkPlugin" in its package.json)`,
    );
  }
  const outDir = path.resolve(options.outDir);
  if (!path.relative(kitRoot, outDir).startsWith('..')) {
    throw new EjectError(
      `${outDir} is inside the kit: choose a folder outside it (npm would treat it as part of the kit)`,
    );
  }
  await requireEmpty(outDir);

  const packages = await readKitPackages(kitRoot);
  const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
    isKitPackageName,
  );
  const closure = kitClosure(direct, packages);
  for (const name of closure) {
    const kitPackage = packages.get(name);
    const missing = kitPackage === undefined ? [] : await missingEntryFiles(kitPackage);
    if (missing.length > 0) {
      const shown =
        missing.length > 2 ? `${missing[0]} and ${missing.length - 1} more` : missing.join(', ');
      throw new EjectError(
        `${name} is not built (${shown} missing): run npm run build first (npm run eject does)`,
      );
    }
  }

  try {
    await mkdir(path.join(outDir, VENDOR_FOLDER), { recursive: true });
    const tarballs = await packKitPackages(kitRoot, closure, path.join(outDir, VENDOR_FOLDER));
    await cp(pluginDir, outDir, {
      recursive: true,
      filter: (source) => !LEFT_OUT.has(path.basename(source)),
    });
    const vendoredSpec = (name: string) => `file:${VENDOR_FOLDER}/${tarballs.get(name)}`;
    const rootManifest = (await readManifest(kitRoot)) as Manifest;
    const ejected = standaloneManifest(manifest, rootManifest, direct, closure, vendoredSpec);
    await writeJson(path.join(outDir, 'package.json'), ejected);
    await rewriteSchemaPaths(outDir, manifest);
    await copyLintSetup(kitRoot, outDir);
    await writeVendorReadme(kitRoot, outDir, ejected, { closure, direct, packages, tarballs });
    await appendStandaloneSection(outDir, manifest);
    await writeLockfile(kitRoot, outDir, ejected, closure, packages, tarballs);
    return { dir: outDir, name: manifest.name, vendored: tarballs };
  } catch (error) {
    // Half a copy is worse than none: the folder was new or empty, so empty it again.
    const written = await readdir(outDir).catch(() => []);
    await Promise.all(
      written.map((entry) => rm(path.join(outDir, entry), { recursive: true, force: true })),
    );
    throw error;
  }
}

function resolvePluginDir(kitRoot: string, plugin: string): string {
  const isName = !plugin.includes('/') && !plugin.includes(path.sep);
  return isName ? path.join(kitRoot, 'plugins', plugin) : path.resolve(plugin);
}

async function pluginNames(kitRoot: string): Promise<string> {
  const names = await readdir(path.join(kitRoot, 'plugins')).catch(() => []);
  return names.sort().join(', ') || 'none in plugins/';
}

async function requireEmpty(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new EjectError(`${dir} is not empty: eject into a new or empty folder`);
  }
}

/**
 * The plugin's package.json, standing alone: kit packages from `vendor/`, its own lint (ESLint and
 * Prettier, as the kit's root runs them), the kit's Node and install-script settings.
 */
function standaloneManifest(
  manifest: Manifest,
  root: Manifest,
  direct: readonly string[],
  closure: readonly string[],
  vendoredSpec: (name: string) => string,
): Manifest {
  const vendor = (dependencies: Readonly<Record<string, string>> | undefined) =>
    dependencies === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(dependencies).map(([name, range]) => [
            name,
            isKitPackageName(name) ? vendoredSpec(name) : range,
          ]),
        );
  const devDependencies: Record<string, string> = { ...vendor(manifest.devDependencies) };
  for (const tool of LINT_TOOLS) {
    const range = root.devDependencies?.[tool];
    if (range !== undefined) devDependencies[tool] = range;
  }
  const indirect = closure.filter((name) => !direct.includes(name));
  const dependencies = vendor(manifest.dependencies);
  return {
    ...manifest,
    scripts: {
      ...manifest.scripts,
      lint: 'eslint . && prettier --check .',
      format: 'prettier --write . && eslint --fix .',
    },
    ...(dependencies === undefined ? {} : { dependencies }),
    devDependencies: sortKeys(devDependencies),
    // Needed only through another vendored package: without this npm would look for it on the registry.
    ...(indirect.length === 0
      ? {}
      : { overrides: Object.fromEntries(indirect.map((name) => [name, vendoredSpec(name)])) }),
    ...(root.engines === undefined ? {} : { engines: root.engines }),
    ...(root.allowScripts === undefined ? {} : { allowScripts: root.allowScripts }),
  };
}

/**
 * The package file's `$schema` points into `node_modules` from where the plugin sits in the kit
 * (`../../node_modules/…`); standing alone, its own `node_modules` is next to it.
 */
async function rewriteSchemaPaths(outDir: string, manifest: Manifest): Promise<void> {
  const packageFile = (manifest.ipkPlugin as { packageFile?: unknown }).packageFile;
  if (typeof packageFile !== 'string') return;
  const file = path.join(outDir, packageFile);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  await writeFile(
    file,
    text.replace(/("\$schema"\s*:\s*")(?:\.\.\/)+node_modules\//, '$1./node_modules/'),
  );
}

async function copyLintSetup(kitRoot: string, outDir: string): Promise<void> {
  await cp(
    // Not named eslint.config.js in the kit, where ESLint would take it for the config of eject/.
    path.join(EJECT_TEMPLATE_DIR, 'eslint-config.js'),
    path.join(outDir, 'eslint.config.js'),
  );
  await cp(path.join(kitRoot, '.prettierrc.json'), path.join(outDir, '.prettierrc.json'));
  const ignored = await readFile(path.join(kitRoot, '.prettierignore'), 'utf8');
  await writeFile(path.join(outDir, '.prettierignore'), `${ignored.trimEnd()}\n${VENDOR_FOLDER}\n`);
  await writeFile(path.join(outDir, '.gitignore'), 'node_modules/\ndist/\n');
  await cp(path.join(kitRoot, 'LICENSE'), path.join(outDir, 'LICENSE')).catch(() => undefined);
}

async function kitVersion(kitRoot: string): Promise<string> {
  const commit = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: kitRoot }).then(
    ({ stdout }) => stdout.trim(),
    () => undefined,
  );
  return commit === undefined ? 'Infinity Plugin Kit' : `Infinity Plugin Kit at commit ${commit}`;
}

interface Vendored {
  readonly closure: readonly string[];
  readonly direct: readonly string[];
  readonly packages: ReadonlyMap<string, KitPackage>;
  readonly tarballs: ReadonlyMap<string, string>;
}

async function writeVendorReadme(
  kitRoot: string,
  outDir: string,
  ejected: Manifest,
  { closure, direct, packages, tarballs }: Vendored,
): Promise<void> {
  const plugin = path.basename(outDir);
  const neededBy = (name: string) =>
    closure.filter((other) => packages.get(other)?.manifest.dependencies?.[name] !== undefined);
  const why = (name: string) =>
    ejected.dependencies?.[name] !== undefined
      ? 'dependency: bundled into the plugin'
      : direct.includes(name)
        ? 'dev dependency: build, types or unit tests'
        : `needed by ${neededBy(name).join(', ')} (\`overrides\`)`;
  const rows = closure.map((name) => `| \`${name}\` | \`${tarballs.get(name)}\` | ${why(name)} |`);
  const text = `# Vendored packages of Infinity Plugin Kit

This plugin was ejected from ${await kitVersion(kitRoot)} (\`npm run eject -- ${ejected.name.replace('@ipk/plugin-', '')} <dir>\`).
The kit's packages are not on a public registry, so the ones it needs, all of them, are here as
the tarballs \`npm pack\` makes (exactly what \`npm publish\` would upload), and \`package.json\`
refers to them with \`file:\` specifiers:

| package | tarball | why |
| --- | --- | --- |
${rows.join('\n')}

Everything else comes from the public npm registry, at the versions \`package-lock.json\` names:
the kit's own, so \`npm run build\` writes the same \`dist/*.plugin.js\`, byte for byte, as the kit.

## Updating them

1. In a newer checkout of the kit, eject the plugin again into a new folder:
   \`npm run eject -- ${ejected.name.replace('@ipk/plugin-', '')} /tmp/${plugin}-new\`.
2. Replace this \`vendor/\` folder with the new one, and take the new \`package.json\`'s \`file:\`
   specifiers and \`overrides\` and its \`package-lock.json\` (keep your own source changes).
3. \`npm install\`, then \`npm run build && npm test\`.

## Once the packages are published

If your organisation publishes the kit's packages to a registry (the kit's
\`docs/publishing.md\` says how), replace each \`file:vendor/…\` specifier by a version range
(\`^0.1.0\`), delete \`overrides\` and this folder, and run \`npm install\`.
`;
  await writeFile(path.join(outDir, VENDOR_FOLDER, 'README.md'), text);
}

async function appendStandaloneSection(outDir: string, manifest: Manifest): Promise<void> {
  const file = path.join(outDir, 'README.md');
  const readme = await readFile(file, 'utf8').catch(() => '');
  const section = `

## This copy stands alone

Ejected from Infinity Plugin Kit: the kit packages it needs are in \`vendor/\` (what they are and
how to update them: [vendor/README.md](vendor/README.md)), everything else comes from the public
npm registry.

\`\`\`sh
npm install
npm run build      # dist/: the plugin, byte for byte what the kit builds
npm test
npm run lint       # ESLint and Prettier, as in the kit
npm run typecheck
\`\`\`

\`tests/*.spec.ts\` is the plugin's end-to-end test: it runs in the kit's Playwright suite
(\`@ipk/e2e\` is not vendored), so keep it for when ${manifest.name} goes back into a kit.
`;
  await writeFile(file, `${readme.trimEnd()}${section}`);
}

/**
 * A lockfile made from the kit's: the same version of every registry package (the bundle's bytes
 * depend on them: Lit, RxJS, Rollup, esbuild, terser), the vendored tarballs with their
 * integrity, then pruned to what this plugin needs by `npm install --package-lock-only`
 * (offline: everything it needs is in the lockfile already).
 */
async function writeLockfile(
  kitRoot: string,
  outDir: string,
  ejected: Manifest,
  closure: readonly string[],
  packages: ReadonlyMap<string, KitPackage>,
  tarballs: ReadonlyMap<string, string>,
): Promise<void> {
  const kitLock = JSON.parse(await readFile(path.join(kitRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const entries: Record<string, unknown> = {
    '': {
      name: ejected.name,
      version: ejected.version,
      license: ejected.license,
      dependencies: ejected.dependencies,
      devDependencies: ejected.devDependencies,
    },
  };
  for (const [key, entry] of Object.entries(kitLock.packages)) {
    if (key.startsWith('node_modules/') && !isKitPackageName(key.slice('node_modules/'.length))) {
      entries[key] = entry;
    }
  }
  for (const name of closure) {
    const kitPackage = packages.get(name);
    const tarball = tarballs.get(name);
    if (kitPackage === undefined || tarball === undefined) continue;
    const bytes = await readFile(path.join(outDir, VENDOR_FOLDER, tarball));
    const { version, license, dependencies, peerDependencies } = kitPackage.manifest;
    entries[`node_modules/${name}`] = {
      version,
      resolved: `file:${VENDOR_FOLDER}/${tarball}`,
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      license,
      ...(dependencies === undefined ? {} : { dependencies }),
      ...(peerDependencies === undefined ? {} : { peerDependencies }),
    };
  }
  await writeJson(path.join(outDir, 'package-lock.json'), {
    name: ejected.name,
    version: ejected.version,
    lockfileVersion: 3,
    requires: true,
    packages: entries,
  });
  await run(
    'npm',
    ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: outDir },
  );
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
