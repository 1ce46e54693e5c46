import { Unzip, UnzipInflate, unzipSync, zipSync, type UnzipFile, type Zippable } from 'fflate';
import { formatBytes } from './byte-size.js';
import { safeEntryPath, UnsafeZipEntryError } from './zip-entry-path.js';

/** Files by relative path (`/` separators), as read from or written to a ZIP or a folder. */
export type FileTree = Map<string, Uint8Array>;

/**
 * How much a ZIP may expand to before it is refused. A branding package is JSON, CSS, images,
 * fonts and plugin scripts: a Branding Portal package is a few MB, so the defaults leave a wide
 * margin and still stop a ZIP bomb long before it costs real memory. Pexip documents no upload
 * limit for a branding package: these are our own assumptions, and each has a CLI flag.
 */
export interface ZipLimits {
  /** Most entries (files and folders). */
  readonly maxEntries: number;
  /** Most bytes one entry may expand to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries together may expand to. */
  readonly maxTotalBytes: number;
  /** Highest expanded : compressed ratio of one entry larger than `RATIO_EXEMPT_BYTES`. */
  readonly maxRatio: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 50 * MIB,
  maxTotalBytes: 200 * MIB,
  maxRatio: 100,
};

/** Small entries may compress far better than 100:1 (a page of spaces); they cannot hurt. */
export const RATIO_EXEMPT_BYTES = MIB;

/**
 * The compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
 * slice can never produce more than ~16.5 MiB beyond a limit before the count stops it.
 */
const INFLATE_SLICE_BYTES = 16 * 1024;

/** A ZIP read into memory, with what a reader must be told. */
export interface ZipContents {
  readonly files: FileTree;
  /**
   * Paths that more than one entry names (after `\` → `/` and `./` are folded). Unzip tools keep
   * one of them, and which one is not defined; `files` holds the last.
   */
  readonly duplicates: readonly string[];
}

/** A ZIP beyond a limit, or one whose headers lie; nothing of it was used. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

interface EntryHeader {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
}

/**
 * Reads every file entry of a ZIP; directory entries are implied by the file paths and dropped.
 * The limits are checked from the central directory before anything is inflated, and again on
 * the bytes as they are inflated (a header can lie about an entry's size).
 */
export function readZip(
  bytes: Uint8Array,
  zipName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipContents {
  const headers = readHeaders(bytes, zipName);
  checkHeaders(headers, zipName, limits);
  const contents = inflateEntries(bytes, headers, zipName, limits);
  const files: FileTree = new Map();
  const duplicates = new Set<string>();
  headers.forEach((header, index) => {
    const path = safeEntryPath(header.name) ?? '';
    if (isDirectory(header) || path === '') return;
    if (files.has(path)) duplicates.add(path);
    files.set(path, contents[index] ?? new Uint8Array());
  });
  return { files, duplicates: [...duplicates].sort() };
}

/** The central directory's entries, in order, without inflating anything. */
function readHeaders(bytes: Uint8Array, zipName: string): EntryHeader[] {
  const headers: EntryHeader[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, size, originalSize }) => {
        headers.push({ name, size, originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new Error(`${zipName}: not a readable ZIP file (${(error as Error).message})`, {
      cause: error,
    });
  }
  return headers;
}

function checkHeaders(headers: EntryHeader[], zipName: string, limits: ZipLimits): void {
  const unsafe = headers.filter((header) => safeEntryPath(header.name) === undefined);
  if (unsafe.length > 0)
    throw new UnsafeZipEntryError(
      zipName,
      unsafe.map((header) => header.name),
    );
  const problems: string[] = [];
  if (headers.length > limits.maxEntries) {
    problems.push(
      `${headers.length} entries, more than the ${limits.maxEntries} allowed (--zip-max-entries)`,
    );
  }
  let total = 0;
  for (const header of headers) {
    total += header.originalSize;
    const ratio = header.originalSize / Math.max(header.size, 1);
    if (header.originalSize > limits.maxEntryBytes) {
      problems.push(
        `"${header.name}" expands to ${formatBytes(header.originalSize)}, more than the ${formatBytes(limits.maxEntryBytes)} one entry may (--zip-max-entry)`,
      );
    } else if (header.originalSize > RATIO_EXEMPT_BYTES && ratio > limits.maxRatio) {
      problems.push(
        `"${header.name}" expands ${Math.round(ratio)}-fold (${formatBytes(header.size)} to ${formatBytes(header.originalSize)}), more than the ${limits.maxRatio}-fold allowed (--zip-max-ratio)`,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    problems.push(
      `its entries expand to ${formatBytes(total)} in all, more than the ${formatBytes(limits.maxTotalBytes)} allowed (--zip-max-total)`,
    );
  }
  if (problems.length > 0) throw limitError(zipName, problems, 'before anything was inflated');
}

/**
 * Inflates entry by entry in small slices, counting bytes as they come: an entry that expands
 * beyond the size its header declares (already held to the limits) is stopped there.
 */
function inflateEntries(
  bytes: Uint8Array,
  headers: EntryHeader[],
  zipName: string,
  limits: ZipLimits,
): Uint8Array[] {
  const contents: Uint8Array[] = [];
  let index = 0;
  let total = 0;
  let problem: string | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    const entry = index;
    const header = headers[entry];
    index += 1;
    if (problem !== undefined) return;
    if (!header || header.name !== file.name) {
      problem = `its entries and its central directory disagree at entry ${entry + 1} ("${file.name}")`;
      return;
    }
    if (isDirectory(header)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (problem !== undefined) return;
      if (error) {
        problem = `"${file.name}" cannot be inflated (${error.message})`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > header.originalSize || total > limits.maxTotalBytes) {
        problem = `"${file.name}" expands beyond the ${formatBytes(header.originalSize)} its header declares`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) contents[entry] = chunks.length === 1 ? chunk : Buffer.concat(chunks, size);
    };
    try {
      file.start();
    } catch (error) {
      problem = `"${file.name}" cannot be inflated (${(error as Error).message})`;
    }
  });
  unzip.register(UnzipInflate);
  for (
    let offset = 0;
    offset < bytes.length && problem === undefined;
    offset += INFLATE_SLICE_BYTES
  ) {
    const end = Math.min(offset + INFLATE_SLICE_BYTES, bytes.length);
    try {
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    } catch (error) {
      problem ??= `it cannot be read (${(error as Error).message})`;
    }
  }
  const missing = headers.find(
    (header, entry) => !isDirectory(header) && contents[entry] === undefined,
  );
  if (missing !== undefined) problem ??= `"${missing.name}" is cut short`;
  if (problem !== undefined) throw limitError(zipName, [problem], 'while inflating');
  return contents;
}

function limitError(zipName: string, problems: string[], when: string): ZipLimitError {
  return new ZipLimitError(
    `${zipName}: refused ${when}: ${problems.join('; ')}. Nothing was written. ` +
      'A branding package this large is unusual: check the ZIP, or raise the limit with the flag named.',
  );
}

function isDirectory(header: EntryHeader): boolean {
  return header.name.endsWith('/') || header.name.endsWith('\\');
}

/**
 * Writes the files in sorted path order (a stable order: two builds of the same input list the same
 * entries in the same place), all stamped with `modified`. The default sort compares UTF-16 code
 * units, not the locale, so the order is the same on every machine.
 */
export function writeZip(files: FileTree, modified: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    zippable[path] = [files.get(path) as Uint8Array, { level: 6, mtime: modified }];
  }
  return zipSync(zippable);
}
