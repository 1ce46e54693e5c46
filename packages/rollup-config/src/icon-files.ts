import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { optimize, type Config } from 'svgo';

/** One SVG icon of a plugin, optimised (the plugin check reads its ids from this text). */
export interface IconFile {
  /** Path relative to the plugin root, as package files and sources refer to it: `assets/stop.svg`. */
  readonly path: string;
  readonly optimised: string;
}

/**
 * Pexip's plugin guide ("Menu item icons"): an icon is `file.svg#id`, and the SVG **must** carry that
 * `id`, so the optimiser must never rename or drop ids (svgo's `cleanupIds` would do both).
 */
const SVGO_CONFIG: Config = {
  multipass: true,
  plugins: [{ name: 'preset-default', params: { overrides: { cleanupIds: false } } }],
};

export const ICON_FOLDER = 'assets';

/** Reads and optimises every `*.svg` in the plugin's `assets/` folder (none is fine: icons are optional). */
export async function readIconFiles(assetsDir: string): Promise<IconFile[]> {
  const names = await svgNames(assetsDir);
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(assetsDir, name);
      const source = await readFile(file, 'utf8');
      return { path: `${ICON_FOLDER}/${name}`, optimised: optimiseSvg(source, file) };
    }),
  );
}

/** Thrown for an icon svgo cannot parse; the message names the file. */
export class IconFileError extends Error {
  override name = 'IconFileError';
}

export function optimiseSvg(source: string, file: string): string {
  try {
    return optimize(source, { ...SVGO_CONFIG, path: file }).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IconFileError(`${file} is not a valid SVG: ${reason}`);
  }
}

async function svgNames(assetsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(assetsDir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.svg'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
