import { readFile, stat } from 'node:fs/promises';
import { readDirTree, textAt } from './file-tree-io.js';
import { brandingIdOf } from './merge-branding-json.js';
import { DEFAULT_ZIP_LIMITS, readZip, type FileTree, type ZipLimits } from './zip-archive.js';

/** The folder that holds settings.json, manifest.json and plugins/ (Pexip developer docs, "Create a branding package"). */
export const WEBAPP2_FOLDER = 'webapp2';

/** A branding package read into memory, from a folder or a ZIP. */
export interface BrandingSource {
  files: FileTree;
  /** `'webapp2/'` when the files sit in a webapp2 folder (the uploaded layout), `''` when the root is that folder. */
  webapp2Prefix: string;
  /** Paths a ZIP holds more than one entry for (`files` has the last); none for a folder. */
  duplicates: readonly string[];
}

/** Reads a branding folder or ZIP. A ZIP is recognised by its content, not its name. */
export async function readBrandingSource(
  path: string,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<BrandingSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new Error(`${path}: no such file or folder`);
  const { files, duplicates } = info.isDirectory()
    ? { files: await readDirTree(path), duplicates: [] }
    : readZip(await readFile(path), path, zipLimits);
  const prefix = `${WEBAPP2_FOLDER}/`;
  const inWebapp2 = [...files.keys()].some((file) => file.startsWith(prefix));
  return { files, webapp2Prefix: inWebapp2 ? prefix : '', duplicates };
}

/**
 * The brandingID in the manifest.json of a branding folder or ZIP, or `undefined` when it has no
 * readable one: what the package was uploaded as, for a `--previous`. Whether that is an error is
 * the caller's call.
 */
export async function brandingIdOfSource(
  path: string,
  zipLimits: ZipLimits,
): Promise<string | number | undefined> {
  const source = await readBrandingSource(path, zipLimits);
  return brandingIdOf(textAt(source.files, `${source.webapp2Prefix}manifest.json`));
}
