import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileTree } from './zip-archive.js';

/** Every regular file under `dir`, by `/`-separated path relative to it. Symbolic links are not followed. */
export async function readDirTree(dir: string): Promise<FileTree> {
  const files: FileTree = new Map();
  await collect(dir, '', files);
  return files;
}

async function collect(root: string, relative: string, files: FileTree): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) await collect(root, path, files);
    else if (entry.isFile()) files.set(path, await readFile(join(root, path)));
  }
}

/** Writes every file of the tree under `dir`, creating folders as needed. */
export async function writeDirTree(dir: string, files: FileTree): Promise<void> {
  for (const [path, content] of files) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Total size in bytes of the files in a tree. */
export function treeSize(files: FileTree): number {
  let size = 0;
  for (const content of files.values()) size += content.byteLength;
  return size;
}

/** A file of the tree as text, or `undefined` when the tree has no such file. */
export function textAt(files: FileTree, path: string): string | undefined {
  const content = files.get(path);
  return content === undefined ? undefined : new TextDecoder().decode(content);
}
