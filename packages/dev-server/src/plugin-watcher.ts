import { watch } from 'chokidar';
import path from 'node:path';

/**
 * Editors' temporary files: a save that writes `x.tmp` and renames it over `x` (and vim's `.swp`
 * and `4913`, JetBrains' `___jb_tmp___`, emacs' `.#x` and `x~`). Not inputs: a report must name
 * the file that was saved, not the temporary that came and went in the same burst.
 */
const EDITOR_TEMPORARY = /(\.(tmp|swp|swx|swo)|~|___jb_(tmp|old)___)$|(^|\/)(\.#[^/]*|4913)$/;

/** Files of a plugin workspace whose change changes what it builds. */
export function isBuildInput(relativePath: string): boolean {
  const file = relativePath.split('\\').join('/');
  if (file.startsWith('dist/') || file.startsWith('node_modules/')) return false;
  if (file.endsWith('.test.ts') || file.endsWith('.spec.ts')) return false;
  if (EDITOR_TEMPORARY.test(file)) return false;
  return (
    file.startsWith('src/') ||
    file.startsWith('assets/') ||
    file.endsWith('.plugin.package.json') ||
    file === 'tsconfig.json'
  );
}

/** What the build writes or npm installs: never an input, and not worth a watch. */
const NOT_WATCHED = /(^|[\\/])(node_modules|dist|\.turbo)([\\/]|$)/;

/**
 * Longer than the 50 ms in which chokidar reports one change per file (it drops the others), so
 * the rebuild after the last report always reads what a second quick save wrote.
 */
export const QUIET_MS = 75;

export interface PluginFolderWatch {
  /** Resolves once the folder is being watched (chokidar has read it). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` once per burst of saves in a plugin folder (editors write a file in several
 * steps), only for build inputs. chokidar (see docs/decisions/0031): Node 20's recursive
 * `fs.watch` on Linux stops reporting a file once a save has replaced it (vim, JetBrains IDEs and
 * `sed -i` write a new file and rename it over the old one).
 */
export function watchPluginFolder(
  root: string,
  onChange: (changed: string) => void,
  quietMs = QUIET_MS,
): PluginFolderWatch {
  let timer: NodeJS.Timeout | undefined;
  let lastChanged = '';
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => NOT_WATCHED.test(path.relative(root, file)),
  });
  watcher.on('all', (_event, file) => {
    const changed = path.relative(root, file);
    if (!isBuildInput(changed)) return;
    lastChanged = changed;
    clearTimeout(timer);
    timer = setTimeout(() => onChange(lastChanged), quietMs);
  });
  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    close: () => {
      clearTimeout(timer);
      return watcher.close();
    },
  };
}
