import {
  hasIpkPluginField,
  IpkPluginFieldError,
  isRecord,
  PACKAGE_FILE_SUFFIX,
  readIpkPluginField,
} from '@ipk/plugin-probe';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from './display-path.js';
import { readDirTree } from './file-tree-io.js';
import type { FileTree } from './zip-archive.js';

/** One plugin ready to be put into a branding package. */
export interface PluginInput {
  /** Folder name under `webapp2/plugins/`: from `<name>.plugin.package.json`, else the folder's. */
  name: string;
  /** The plugin's folder as given (a workspace, or a ready-made webapp2 plugin folder). */
  dir: string;
  /** The package file's name in `files`. */
  packageFileName: string;
  /** `ipkPlugin.enabled` (default `true`): the `enabled` written to settings.json. */
  enabledByDefault: boolean;
  /** The files copied: those of the workspace's `dist/`, or of `dir` itself. */
  files: FileTree;
}

/** A plugin folder that cannot be used, with what to do about it. */
export class PluginInputError extends Error {
  override name = 'PluginInputError';
}

/**
 * The repo root nearest to `from`: the first folder upwards whose package.json has `workspaces`.
 * `undefined` outside a monorepo.
 */
export async function findRepoRoot(from: string): Promise<string | undefined> {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = await readJsonObject(join(dir, 'package.json'));
    if (manifest && 'workspaces' in manifest) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every `plugins/*` workspace of the repo whose package.json has an `ipkPlugin` field, by folder name. */
export async function discoverWorkspacePlugins(repoRoot: string): Promise<string[]> {
  const pluginsDir = join(repoRoot, 'plugins');
  const entries = await readdir(pluginsDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const found: string[] = [];
  for (const name of names.sort()) {
    const manifest = await readJsonObject(join(pluginsDir, name, 'package.json'));
    if (hasIpkPluginField(manifest)) found.push(join(pluginsDir, name));
  }
  return found;
}

/**
 * Reads a plugin folder: either a workspace whose package.json has
 * `"ipkPlugin": {"packageFile": "<name>.plugin.package.json", "enabled": true}` (its `dist/` is
 * used), or a folder that already has the webapp2 shape, used as it is: one `*.plugin.package.json`
 * beside its source (Pexip's gallery plugins), or else one top-level JSON file shaped as a
 * package file, with an `id` and a `srcURL` (Pexip's webpack template writes `plugin.json`;
 * webapp2 reads whatever file settings.json's `srcURL` names).
 */
export async function readPluginInput(
  dir: string,
  cwd: string = process.cwd(),
): Promise<PluginInput> {
  const shown = displayPath(cwd, dir);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new PluginInputError(`${shown}: not a folder`);
  const manifest = await readJsonObject(join(dir, 'package.json'));
  if (hasIpkPluginField(manifest)) return readWorkspacePlugin(dir, shown, manifest);
  const names = await readdir(dir);
  const suffixed = names.filter((file) => file.endsWith(PACKAGE_FILE_SUFFIX));
  const { packageFiles, unreadable } =
    suffixed.length > 0
      ? { packageFiles: suffixed, unreadable: [] }
      : await packageShapedJsonFiles(dir, names);
  if (packageFiles.length === 1 && packageFiles[0]) {
    return pluginFrom(dir, dir, packageFiles[0], true);
  }
  if (packageFiles.length > 1) {
    throw new PluginInputError(
      `${shown}: ${packageFiles.length} package files (${packageFiles.join(', ')}); a plugin folder holds exactly one`,
    );
  }
  const invalid = unreadable.length > 0 ? ` (not valid JSON: ${unreadable.join(', ')})` : '';
  throw new PluginInputError(
    `${shown}: not a plugin: no "ipkPlugin" field in package.json, no *${PACKAGE_FILE_SUFFIX} file and no other JSON file with an "id" and a "srcURL"${invalid}`,
  );
}

/**
 * The top-level JSON files of `dir` (npm's and TypeScript's aside) that read as package files,
 * and those that are not JSON at all (for the error when none does).
 */
async function packageShapedJsonFiles(
  dir: string,
  names: readonly string[],
): Promise<{ packageFiles: string[]; unreadable: string[] }> {
  const packageFiles: string[] = [];
  const unreadable: string[] = [];
  for (const name of names.toSorted()) {
    if (!name.endsWith('.json') || /^(package(-lock)?|tsconfig.*)\.json$/.test(name)) continue;
    if (!(await stat(join(dir, name)).catch(() => undefined))?.isFile()) continue;
    const value = await readJsonObject(join(dir, name)).catch(() => {
      unreadable.push(name);
      return undefined;
    });
    if (typeof value?.['id'] === 'string' && typeof value['srcURL'] === 'string') {
      packageFiles.push(name);
    }
  }
  return { packageFiles, unreadable };
}

async function readWorkspacePlugin(
  dir: string,
  shown: string,
  manifest: Record<string, unknown>,
): Promise<PluginInput> {
  let field;
  try {
    field = readIpkPluginField(manifest, `${shown}/package.json`);
  } catch (error) {
    if (error instanceof IpkPluginFieldError) throw new PluginInputError(error.message);
    throw error;
  }
  const builtDir = join(dir, 'dist');
  if (!(await stat(join(builtDir, field.packageFile)).catch(() => undefined))?.isFile()) {
    const workspace = typeof manifest['name'] === 'string' ? manifest['name'] : shown;
    throw new PluginInputError(
      `${shown}: not built (dist/${field.packageFile} is missing). Run "npm run build -w ${workspace}" or "npm run build" at the repo root first.`,
    );
  }
  return pluginFrom(dir, builtDir, field.packageFile, field.enabled);
}

async function pluginFrom(
  dir: string,
  builtDir: string,
  packageFileName: string,
  enabledByDefault: boolean,
): Promise<PluginInput> {
  // `plugin.json` names no plugin: the folder does (Pexip's template builds into plugins/<name>/).
  const name = packageFileName.endsWith(PACKAGE_FILE_SUFFIX)
    ? basename(packageFileName, PACKAGE_FILE_SUFFIX) || basename(dir)
    : basename(dir);
  return {
    name,
    dir,
    packageFileName,
    enabledByDefault,
    files: await readDirTree(builtDir),
  };
}

async function readJsonObject(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    throw new PluginInputError(`${file}: invalid JSON`);
  }
}
