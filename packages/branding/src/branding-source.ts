import { readFile, stat } from 'node:fs/promises';
import { readDirTree } from './file-tree-io.js';
import { readZip, type FileTree } from './zip-archive.js';

/** The folder that holds settings.json, manifest.json and plugins/ (Pexip developer docs, "Create a branding package"). */
export const WEBAPP2_FOLDER = 'webapp2';

/** A branding package read into memory, from a folder or a ZIP. */
export interface BrandingSource {
  files: FileTree;
  /** `'webapp2/'` when the files sit in a webapp2 folder (the uploaded layout), `''` when the root is that folder. */
  webapp2Prefix: string;
}

/** Reads a branding folder or ZIP. A ZIP is recognised by its content, not its name. */
export async function readBrandingSource(path: string): Promise<BrandingSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new Error(`${path}: no such file or folder`);
  const files = info.isDirectory() ? await readDirTree(path) : readZip(await readFile(path), path);
  return { files, webapp2Prefix: webapp2PrefixOf(files) };
}

/** `'webapp2/'` if any file lives under a webapp2 folder, else `''`. */
export function webapp2PrefixOf(files: FileTree): string {
  for (const path of files.keys()) {
    if (path.startsWith(`${WEBAPP2_FOLDER}/`)) return `${WEBAPP2_FOLDER}/`;
  }
  return '';
}
