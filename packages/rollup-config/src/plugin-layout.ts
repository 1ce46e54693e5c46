import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a plugin workspace keeps each file the build reads, derived from its package.json. */
export interface PluginLayout {
  /** The plugin workspace folder (where `package.json` and the package file live). */
  readonly root: string;
  /** `recording` for `recording.plugin.package.json`. */
  readonly name: string;
  /** Absolute path of the webapp2 package file, the source of truth for id and menu items. */
  readonly packageFilePath: string;
  /** `recording.plugin.package.json`: the package file's name, in the plugin root and in `dist/`. */
  readonly packageFileName: string;
  /** `recording.plugin.js`: what the package file's `srcURL` must say. */
  readonly bundleFileName: string;
  /** Absolute path of the TypeScript entry (the IIFE body that calls `registerPlugin`). */
  readonly input: string;
  /** Absolute path of the folder holding the SVG icons. */
  readonly assetsDir: string;
  /** Absolute path of the output folder. */
  readonly outDir: string;
}

const PACKAGE_FILE_SUFFIX = '.plugin.package.json';

/** Thrown for a plugin workspace the build cannot work with; the message says what to change. */
export class PluginLayoutError extends Error {
  override name = 'PluginLayoutError';
}

/**
 * Reads `<root>/package.json` and its `ipkPlugin.packageFile` entry (the layout agreed between this
 * config, the plugins and the branding tool) and derives every other path from it.
 */
export async function readPluginLayout(
  root: string,
  input = 'src/index.ts',
): Promise<PluginLayout> {
  const manifestPath = path.join(root, 'package.json');
  const packageFileName = packageFileNameFrom(await readJson(manifestPath), manifestPath);
  const name = packageFileName.slice(0, -PACKAGE_FILE_SUFFIX.length);
  return {
    root,
    name,
    packageFilePath: path.join(root, packageFileName),
    packageFileName,
    bundleFileName: `${name}.plugin.js`,
    input: path.resolve(root, input),
    assetsDir: path.join(root, 'assets'),
    outDir: path.join(root, 'dist'),
  };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PluginLayoutError(`${file}: cannot read it (${describe(error)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PluginLayoutError(`${file}: not valid JSON (${describe(error)}).`);
  }
}

function packageFileNameFrom(manifest: unknown, manifestPath: string): string {
  const ipkPlugin = isRecord(manifest) ? manifest['ipkPlugin'] : undefined;
  const packageFile = isRecord(ipkPlugin) ? ipkPlugin['packageFile'] : undefined;
  if (typeof packageFile !== 'string') {
    throw new PluginLayoutError(
      `${manifestPath}: needs "ipkPlugin": {"packageFile": "<name>${PACKAGE_FILE_SUFFIX}", "enabled": true} ` +
        'so the build knows which webapp2 package file describes this plugin.',
    );
  }
  if (!packageFile.endsWith(PACKAGE_FILE_SUFFIX) || packageFile.includes('/')) {
    throw new PluginLayoutError(
      `${manifestPath}: ipkPlugin.packageFile is "${packageFile}"; it must be a file name in the plugin ` +
        `folder ending in "${PACKAGE_FILE_SUFFIX}", such as "recording${PACKAGE_FILE_SUFFIX}".`,
    );
  }
  return packageFile;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An error's message; also for errors thrown inside a `node:vm` context (not `instanceof Error` here). */
export function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}
