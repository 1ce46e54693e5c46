import type { ProbeOptions } from '@ipk/plugin-probe';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { displayPath } from './display-path.js';
import { nextBrandingId } from './branding-id.js';
import { brandingIdOfSource, readBrandingSource, WEBAPP2_FOLDER } from './branding-source.js';
import { checkBrandingFiles, type CheckReport, type PreviousBrandingId } from './check-branding.js';
import { textAt, treeSize, writeDirTree } from './file-tree-io.js';
import {
  brandingIdOf,
  jsonFieldOf,
  mergeManifest,
  mergeSettings,
  settingsEnabledOf,
  settingsPluginsOf,
} from './merge-branding-json.js';
import {
  discoverWorkspacePlugins,
  findRepoRoot,
  PluginInputError,
  readPluginInput,
  type PluginInput,
} from './plugin-input.js';
import {
  DEFAULT_ZIP_LIMITS,
  readZip,
  writeZip,
  type FileTree,
  type ZipLimits,
} from './zip-archive.js';

export interface BuildOptions {
  /** Plugin folders; none: every `plugins/*` workspace with an `ipkPlugin` field in the nearest repo root. */
  pluginDirs?: string[];
  /** Where relative paths start and the repo root is searched from. Default `process.cwd()`. */
  cwd?: string;
  /** Output folder; `<out>/webapp2/` is what the mock node serves. Default `<repo root>/dist/branding`. */
  outDir?: string;
  /** The ZIP to write. Default `<out>/../branding.zip`. */
  zipFile?: string;
  /** A branding ZIP to start from (Management Node download or Branding Portal package). */
  base?: string;
  /**
   * `enabled` overrides by package id or plugin name. Without one, a plugin the `--base` package
   * lists keeps its `enabled` there (an administrator's choice); a new one gets `ipkPlugin.enabled`.
   */
  enable?: Record<string, boolean>;
  /** Earlier packages (ZIP or folder) or brandingIDs the new brandingID must exceed. */
  previous?: string[];
  /** How much the `--base` and `--previous` ZIPs may expand to. */
  zipLimits?: ZipLimits;
  /** Time and memory limits for running each plugin in the probe host. */
  probe?: Omit<ProbeOptions, 'menuItems'>;
  /** Clock, for tests. */
  now?: () => number;
  /** One line per step. */
  onProgress?: (line: string) => void;
}

export interface BuiltPlugin {
  id: string;
  name: string;
  enabled: boolean;
  /** What decided `enabled`: `--enable`, the `--base` package's settings.json, or `ipkPlugin.enabled`. */
  enabledBy: 'option' | 'base' | 'default';
  srcURL: string;
  files: number;
  bytes: number;
}

/** What kind of base package was merged into (seed, "Deploying your plugins", step 1). */
export type BaseKind = 'management-node-download' | 'branding-portal-package';

export interface BuildResult {
  ok: boolean;
  brandingID: string;
  outDir: string;
  webapp2Dir: string;
  zipFile: string;
  zipBytes: number;
  fileCount: number;
  folderBytes: number;
  plugins: BuiltPlugin[];
  base?: { path: string; kind: BaseKind; keptFiles: number };
  /** The check of the result; when it has errors nothing was written. */
  check: CheckReport;
}

/** Problems with the inputs (options, plugin folders, base package); nothing was written. */
export class BuildInputError extends Error {
  override name = 'BuildInputError';
}

/** Marks a folder this tool wrote, so a rebuild may replace it and never replaces anything else. */
const OUTPUT_MARKER = '.ipk-branding-output';

/** Our own ZIP, just written from a tree in memory, is read back without limits. */
const UNLIMITED: ZipLimits = {
  maxEntries: Number.MAX_SAFE_INTEGER,
  maxEntryBytes: Number.MAX_SAFE_INTEGER,
  maxTotalBytes: Number.MAX_SAFE_INTEGER,
  maxRatio: Number.MAX_SAFE_INTEGER,
};

/**
 * Builds the branding package: plugins into `webapp2/plugins/<name>/`, settings.json and
 * manifest.json merged, everything checked in memory, then written to `<out>/` and the ZIP only if
 * the check has no errors. The output is written beside the target and swapped in when complete,
 * so a failure leaves the previous output (and its ownership marker) as it was.
 */
export async function buildBranding(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const progress = options.onProgress ?? (() => {});
  const repoRoot = await findRepoRoot(cwd);
  const outDir = resolve(cwd, options.outDir ?? join(repoRoot ?? cwd, 'dist', 'branding'));
  const zipFile = resolve(cwd, options.zipFile ?? join(dirname(outDir), 'branding.zip'));
  const zipLimits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  const plugins = await readPlugins(options, cwd, repoRoot, progress);

  const tree: FileTree = new Map();
  const base =
    options.base === undefined
      ? undefined
      : await loadBase(resolve(cwd, options.base), cwd, tree, zipLimits, progress);
  const enabled = resolveEnabled(plugins, options.enable ?? {}, tree);
  const previous = await previousBrandingIds(options.previous ?? [], cwd, outDir, tree, zipLimits);
  const brandingID = nextBrandingId(
    previous.map((entry) => entry.id),
    (options.now ?? Date.now)(),
  );

  const built = addPlugins(tree, plugins, enabled, progress);
  writeBrandingJson(tree, built, brandingID, options.base);

  progress(`Checking the package (${tree.size} files, ${built.length} plugins)`);
  const check = await checkBrandingFiles(tree, `${WEBAPP2_FOLDER}/`, {
    previous,
    ...(options.probe ? { probe: options.probe } : {}),
  });
  const result: BuildResult = {
    ok: check.ok,
    brandingID,
    outDir,
    webapp2Dir: join(outDir, WEBAPP2_FOLDER),
    zipFile,
    zipBytes: 0,
    fileCount: tree.size,
    folderBytes: treeSize(tree),
    plugins: built,
    ...(base ? { base } : {}),
    check,
  };
  if (!check.ok) return result;

  const zip = writeZip(tree, new Date((options.now ?? Date.now)()));
  verifyZip(zip, tree, zipFile);
  await assertOutDirIsOurs(outDir, cwd);
  progress(`Writing ${displayPath(cwd, result.webapp2Dir)}/ and ${displayPath(cwd, zipFile)}`);
  await writeOutput(outDir, zipFile, tree, zip, cwd);
  return { ...result, zipBytes: zip.byteLength };
}

async function readPlugins(
  options: BuildOptions,
  cwd: string,
  repoRoot: string | undefined,
  progress: (line: string) => void,
): Promise<PluginInput[]> {
  let dirs = (options.pluginDirs ?? []).map((dir) => resolve(cwd, dir));
  if (dirs.length === 0) {
    if (repoRoot === undefined) {
      throw new BuildInputError(
        'no plugin folders given and no repo root (a package.json with "workspaces") above ' + cwd,
      );
    }
    dirs = await discoverWorkspacePlugins(repoRoot);
    if (dirs.length === 0) {
      throw new BuildInputError(
        `no plugins: no workspace under ${join(repoRoot, 'plugins')} has an "ipkPlugin" field`,
      );
    }
  }
  const plugins: PluginInput[] = [];
  for (const dir of dirs) {
    progress(`Reading plugin ${displayPath(cwd, dir)}`);
    try {
      plugins.push(await readPluginInput(dir, cwd));
    } catch (error) {
      if (error instanceof PluginInputError)
        throw new BuildInputError(error.message, { cause: error });
      throw error;
    }
  }
  const byName = new Map<string, string>();
  for (const plugin of plugins) {
    const other = byName.get(plugin.name);
    if (other !== undefined) {
      throw new BuildInputError(
        `two plugins would both go to webapp2/plugins/${plugin.name}/: ${displayPath(cwd, other)} and ${displayPath(cwd, plugin.dir)}`,
      );
    }
    byName.set(plugin.name, plugin.dir);
  }
  return plugins;
}

interface EnabledChoice {
  enabled: boolean;
  by: BuiltPlugin['enabledBy'];
}

/**
 * `--enable id=false` beats everything; then the `--base` package's own settings.json entry for
 * the plugin (an administrator may have switched it off on purpose: a merge must not switch it
 * back on); then `ipkPlugin.enabled`. An override that names no plugin is a mistake.
 */
function resolveEnabled(
  plugins: PluginInput[],
  overrides: Record<string, boolean>,
  tree: FileTree,
): Map<PluginInput, EnabledChoice> {
  const enabled = new Map<PluginInput, EnabledChoice>();
  const used = new Set<string>();
  const basePlugins = settingsPluginsOf(textAt(tree, `${WEBAPP2_FOLDER}/settings.json`));
  for (const plugin of plugins) {
    const id = packageIdOf(plugin);
    const key = [id, plugin.name].find(
      (candidate) => candidate !== undefined && candidate in overrides,
    );
    if (key !== undefined) {
      used.add(key);
      enabled.set(plugin, { enabled: overrides[key] as boolean, by: 'option' });
      continue;
    }
    const inBase = settingsEnabledOf(basePlugins, {
      id: id ?? plugin.name,
      srcURL: srcUrlOf(plugin),
    });
    enabled.set(
      plugin,
      inBase === undefined
        ? { enabled: plugin.enabledByDefault, by: 'default' }
        : { enabled: inBase, by: 'base' },
    );
  }
  const unknown = Object.keys(overrides).filter((key) => !used.has(key));
  if (unknown.length > 0) {
    const known = plugins.map((plugin) => packageIdOf(plugin) ?? plugin.name).join(', ');
    throw new BuildInputError(
      `--enable names no plugin being packaged: ${unknown.join(', ')} (plugins: ${known})`,
    );
  }
  return enabled;
}

function srcUrlOf(plugin: PluginInput): string {
  return `plugins/${plugin.name}/${plugin.packageFileName}`;
}

function packageIdOf(plugin: PluginInput): string | undefined {
  const text = textAt(plugin.files, plugin.packageFileName);
  const id = jsonFieldOf(text, plugin.packageFileName, 'id');
  return typeof id === 'string' ? id : undefined;
}

/**
 * Copies the base ZIP into the tree. A base without a webapp2 folder is taken to be that folder's
 * content and moved under `webapp2/`, the layout Pexip's developer guide shows and this tool serves.
 */
async function loadBase(
  path: string,
  cwd: string,
  tree: FileTree,
  zipLimits: ZipLimits,
  progress: (line: string) => void,
): Promise<NonNullable<BuildResult['base']>> {
  let source;
  try {
    source = await readBrandingSource(path, zipLimits);
  } catch (error) {
    throw new BuildInputError(`--base ${displayPath(cwd, path)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (source.duplicates.length > 0) {
    throw new BuildInputError(
      `--base ${displayPath(cwd, path)}: the ZIP holds more than one entry for ${source.duplicates.join(', ')}; ` +
        'which one unzip tools keep is not defined, so it is not merged. Rebuild it with one entry per path. Nothing was written.',
    );
  }
  const prefix = source.webapp2Prefix === '' ? `${WEBAPP2_FOLDER}/` : '';
  for (const [file, content] of source.files) tree.set(`${prefix}${file}`, content);
  const hasSettings = tree.has(`${WEBAPP2_FOLDER}/settings.json`);
  const hasManifest = tree.has(`${WEBAPP2_FOLDER}/manifest.json`);
  const kind: BaseKind =
    hasSettings || hasManifest ? 'branding-portal-package' : 'management-node-download';
  progress(
    `Merging into ${displayPath(cwd, path)} (${source.files.size} files; ` +
      (kind === 'management-node-download'
        ? 'no settings.json or manifest.json, as downloaded from the Management Node: both will be created)'
        : 'has settings.json/manifest.json, as built by the Branding Portal: other keys and plugins kept)'),
  );
  return { path, kind, keptFiles: source.files.size };
}

async function previousBrandingIds(
  previous: string[],
  cwd: string,
  outDir: string,
  tree: FileTree,
  zipLimits: ZipLimits,
): Promise<PreviousBrandingId[]> {
  const found: PreviousBrandingId[] = [];
  const add = (id: string | number | undefined, source: string): void => {
    if (id !== undefined) found.push({ id: String(id), source });
  };
  add(brandingIdOf(textAt(tree, `${WEBAPP2_FOLDER}/manifest.json`)), 'the base package');
  const lastBuild = join(outDir, WEBAPP2_FOLDER, 'manifest.json');
  add(
    brandingIdOf(await readFile(lastBuild, 'utf8').catch(() => undefined)),
    displayPath(cwd, lastBuild),
  );
  for (const entry of previous) {
    if (/^\d+$/.test(entry)) {
      add(entry, '--previous');
      continue;
    }
    let id;
    try {
      id = await brandingIdOfSource(resolve(cwd, entry), zipLimits);
    } catch (error) {
      throw new BuildInputError(`--previous ${entry}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // A package without a readable brandingID bounds nothing here.
    add(id, entry);
  }
  return found;
}

function addPlugins(
  tree: FileTree,
  plugins: PluginInput[],
  enabled: Map<PluginInput, EnabledChoice>,
  progress: (line: string) => void,
): BuiltPlugin[] {
  return plugins.map((plugin) => {
    const folder = `${WEBAPP2_FOLDER}/plugins/${plugin.name}/`;
    const replaced = [...tree.keys()].filter((path) => path.startsWith(folder));
    for (const path of replaced) tree.delete(path);
    for (const [path, content] of plugin.files) tree.set(`${folder}${path}`, content);
    const id = packageIdOf(plugin) ?? plugin.name;
    const choice = enabled.get(plugin) ?? { enabled: true, by: 'default' };
    const why = {
      option: 'as --enable says',
      base: `kept from the base package; --enable ${id}=${String(!choice.enabled)} to change it`,
      default: 'by default',
    }[choice.by];
    progress(
      `Adding ${id} to ${folder} (${plugin.files.size} files${replaced.length > 0 ? `, replacing ${replaced.length}` : ''}, ` +
        `${choice.enabled ? 'enabled' : 'disabled'} ${why})`,
    );
    return {
      id,
      name: plugin.name,
      enabled: choice.enabled,
      enabledBy: choice.by,
      srcURL: srcUrlOf(plugin),
      files: plugin.files.size,
      bytes: treeSize(plugin.files),
    };
  });
}

function writeBrandingJson(
  tree: FileTree,
  built: BuiltPlugin[],
  brandingID: string,
  base: string | undefined,
): void {
  const settingsPath = `${WEBAPP2_FOLDER}/settings.json`;
  const manifestPath = `${WEBAPP2_FOLDER}/manifest.json`;
  const where = (path: string): string => (base === undefined ? path : `${base}: ${path}`);
  try {
    const encoder = new TextEncoder();
    tree.set(
      settingsPath,
      // mergeSettings writes each plugin's id, srcURL and enabled, nothing else of BuiltPlugin.
      encoder.encode(mergeSettings(textAt(tree, settingsPath), where(settingsPath), built)),
    );
    tree.set(
      manifestPath,
      encoder.encode(mergeManifest(textAt(tree, manifestPath), where(manifestPath), brandingID)),
    );
  } catch (error) {
    throw new BuildInputError((error as Error).message, { cause: error });
  }
}

/** Refuses an output folder this tool did not write (unless empty or new): nothing else is ever replaced. */
async function assertOutDirIsOurs(outDir: string, cwd: string): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory())
    throw new BuildInputError(`--out ${displayPath(cwd, outDir)}: exists and is not a folder`);
  const entries = await readdir(outDir);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new BuildInputError(
      `--out ${displayPath(cwd, outDir)}: the folder is not empty and was not written by ipk-branding; ` +
        'choose an empty or new folder (nothing was deleted)',
    );
  }
}

/**
 * Writes the folder and the ZIP beside their targets, then swaps them in: a failure on the way
 * leaves the previous output as it was, and removes what was staged.
 */
async function writeOutput(
  outDir: string,
  zipFile: string,
  tree: FileTree,
  zip: Uint8Array,
  cwd: string,
): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  await mkdir(dirname(outDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.staging-`));
  // A ZIP inside the output folder (`--zip <out>/branding.zip`) travels with the folder's swap.
  const zipInside = relative(outDir, zipFile);
  const zipTravels = zipInside !== '' && !zipInside.startsWith('..') && !isAbsolute(zipInside);
  const stagedZip = zipTravels ? join(staging, zipInside) : `${zipFile}.staging-${suffix}`;
  const previous = `${outDir}.previous-${suffix}`;
  let swapped = false;
  try {
    await writeDirTree(staging, tree);
    await writeFile(
      join(staging, OUTPUT_MARKER),
      'Written by ipk-branding; replaced on every build.\n',
    );
    await mkdir(dirname(stagedZip), { recursive: true });
    await writeFile(stagedZip, zip);
    const hadOutput = (await stat(outDir).catch(() => undefined)) !== undefined;
    if (hadOutput) await rename(outDir, previous);
    try {
      await rename(staging, outDir);
      swapped = true;
      if (!zipTravels) await rename(stagedZip, zipFile);
    } catch (error) {
      if (swapped) await rename(outDir, staging);
      if (hadOutput) await rename(previous, outDir);
      throw error;
    }
    if (hadOutput) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await rm(stagedZip, { force: true });
    throw new BuildInputError(
      `writing ${displayPath(cwd, outDir)} and ${displayPath(cwd, zipFile)} failed (${(error as Error).message}); ` +
        'the previous output is as it was',
      { cause: error },
    );
  }
}

/** Reads the ZIP back with the ZIP library: the same paths and bytes, or the build fails. */
function verifyZip(zip: Uint8Array, tree: FileTree, zipFile: string): void {
  const reread = readZip(zip, zipFile, UNLIMITED).files;
  const same =
    reread.size === tree.size &&
    [...tree].every(([path, content]) =>
      Buffer.from(content).equals(reread.get(path) ?? new Uint8Array()),
    );
  if (!same)
    throw new Error(`${zipFile}: reading the ZIP back did not give the files that were written`);
}
