import { unzipSync, zipSync, type Zippable } from 'fflate';
import { safeEntryPath, UnsafeZipEntryError } from './zip-entry-path.js';

/** Files by relative path (`/` separators), as read from or written to a ZIP or a folder. */
export type FileTree = Map<string, Uint8Array>;

/** Reads every file entry of a ZIP; directory entries are implied by the file paths and dropped. */
export function readZip(bytes: Uint8Array, zipName: string): FileTree {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new Error(`${zipName}: not a readable ZIP file (${(error as Error).message})`, {
      cause: error,
    });
  }
  const unsafe: string[] = [];
  const files: FileTree = new Map();
  for (const [name, content] of Object.entries(entries)) {
    const path = safeEntryPath(name);
    if (path === undefined) {
      unsafe.push(name);
      continue;
    }
    if (name.endsWith('/') || path === '') continue;
    files.set(path, content);
  }
  if (unsafe.length > 0) throw new UnsafeZipEntryError(zipName, unsafe);
  return files;
}

/**
 * Writes the files in sorted path order (a stable order: two builds of the same input list the same
 * entries in the same place), all stamped with `modified`.
 */
export function writeZip(files: FileTree, modified: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const path of [...files.keys()].sort(comparePaths)) {
    zippable[path] = [files.get(path) as Uint8Array, { level: 6, mtime: modified }];
  }
  return zipSync(zippable);
}

/** Byte order of the paths, not locale order, so the result is the same on every machine. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
