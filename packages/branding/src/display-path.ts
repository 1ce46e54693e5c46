import { isAbsolute, relative } from 'node:path';

/** `path` relative to `cwd` when it lies inside it (`dist/branding.zip`), else absolute. */
export function displayPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  if (shown === '') return '.';
  return shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
