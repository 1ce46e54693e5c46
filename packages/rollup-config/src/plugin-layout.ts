import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IpkPluginFieldError, readIpkPluginField, type IpkPluginField } from '@ipk/plugin-probe';

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
  const { packageFile: packageFileName, name } = ipkPluginFieldOf(
    await readJson(manifestPath),
    manifestPath,
  );
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
    throw new PluginLayoutError(`${file}: cannot read it (${(error as Error).message}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PluginLayoutError(`${file}: not valid JSON (${(error as Error).message}).`);
  }
}

/** The field as `@ipk/plugin-probe` reads it for the branding tool too, as this package's error. */
function ipkPluginFieldOf(manifest: unknown, manifestPath: string): IpkPluginField {
  try {
    return readIpkPluginField(manifest, manifestPath);
  } catch (error) {
    if (error instanceof IpkPluginFieldError) throw new PluginLayoutError(error.message);
    throw error;
  }
}
