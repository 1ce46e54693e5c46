/**
 * Zip-slip guard. A branding ZIP given as `--base` comes from elsewhere (a Management Node download,
 * the Branding Portal, a colleague): an entry named `../../.bashrc` or `/etc/passwd` must never be
 * written outside the output folder, so such entries are refused before anything is written.
 */
export class UnsafeZipEntryError extends Error {
  override name = 'UnsafeZipEntryError';

  constructor(
    zipName: string,
    readonly entries: readonly string[],
  ) {
    super(
      `${zipName}: refusing ${entries.length === 1 ? 'an entry' : `${entries.length} entries`} that would be written outside the target folder ` +
        `(absolute path or ".."): ${entries.map((entry) => JSON.stringify(entry)).join(', ')}. ` +
        'Nothing was written; re-create the ZIP with relative paths only.',
    );
  }
}

/**
 * The entry's path with `/` separators, or `undefined` when it is absolute (`/x`, `C:\x`, `\\host\x`)
 * or has a `..` segment. Backslashes count as separators because ZIPs made on Windows use them.
 */
export function safeEntryPath(name: string): string | undefined {
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return undefined;
  return segments.join('/');
}
