import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { optimize, type Config } from 'svgo';

/** One SVG icon of a plugin, optimised, with the element ids a `file.svg#id` reference can name. */
export interface IconFile {
  /** Path relative to the plugin root, as package files and sources refer to it: `assets/stop.svg`. */
  readonly path: string;
  readonly optimised: string;
  readonly ids: ReadonlySet<string>;
}

/** A `file.svg#id` icon reference split into its parts. */
export interface IconReference {
  readonly file: string;
  readonly id: string;
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

export function parseIconReference(reference: string): IconReference | undefined {
  const match = /^([^#\s]+\.svg)#([^#\s]+)$/.exec(reference);
  if (!match?.[1] || !match[2]) return undefined;
  return { file: match[1], id: match[2] };
}

/** Every id attribute in an SVG document, in document order. */
export function svgElementIds(svg: string): Set<string> {
  const ids = new Set<string>();
  for (const match of svg.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const id = match[1] ?? match[2];
    if (id) ids.add(id);
  }
  return ids;
}

/** Reads and optimises every `*.svg` in the plugin's `assets/` folder (none is fine: icons are optional). */
export async function readIconFiles(assetsDir: string): Promise<IconFile[]> {
  const names = await svgNames(assetsDir);
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(assetsDir, name);
      const source = await readFile(file, 'utf8');
      const optimised = optimiseSvg(source, file);
      return { path: `${ICON_FOLDER}/${name}`, optimised, ids: svgElementIds(optimised) };
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

/**
 * Icon references written as string literals in the bundle (`state$.next({icon: 'assets/stop.svg#stop'})`).
 * Only `assets/…` strings are taken: a bare `icons.svg#mic-off` names the app's own sprite, not ours.
 */
export function iconReferencesInCode(code: string): string[] {
  const found = new Set<string>();
  const pattern = new RegExp(`["'\`](${ICON_FOLDER}/[^"'\`\\s#]+\\.svg#[^"'\`\\s#]+)["'\`]`, 'g');
  for (const match of code.matchAll(pattern)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}
