import { watch, type FSWatcher } from 'node:fs';

/** Files of a plugin workspace whose change changes what it builds. */
export function isBuildInput(relativePath: string): boolean {
  const file = relativePath.split('\\').join('/');
  if (file.startsWith('dist/') || file.startsWith('node_modules/')) return false;
  if (file.endsWith('.test.ts') || file.endsWith('.spec.ts')) return false;
  return (
    file.startsWith('src/') ||
    file.startsWith('assets/') ||
    file.endsWith('.plugin.package.json') ||
    file === 'tsconfig.json'
  );
}

/**
 * Calls `onChange` once per burst of saves in a plugin folder (editors write a file in several
 * steps: truncate, write, rename), only for build inputs. `fs.watch` with `recursive`, which Node
 * supports on Linux since 20: no dependency, and events arrive within milliseconds.
 */
export function watchPluginFolder(
  root: string,
  onChange: (changed: string) => void,
  quietMs = 25,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  let lastChanged = '';
  const watcher = watch(root, { recursive: true }, (_event, fileName) => {
    if (fileName === null || !isBuildInput(fileName.toString())) return;
    lastChanged = fileName.toString();
    clearTimeout(timer);
    timer = setTimeout(() => onChange(lastChanged), quietMs);
  });
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}
