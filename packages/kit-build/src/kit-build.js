// @ts-check
// Plain JavaScript on purpose: this runs before anything in the kit is built (a fresh clone), so it
// cannot be TypeScript that needs a build itself. Types are checked from the JSDoc (checkJs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Progress Where progress goes (default: `process.stderr`).
 * @property {(text: string) => unknown} write
 * @property {boolean} [isTTY] one line rewritten in place; otherwise one line per package
 */

/**
 * @typedef {object} BuildOptions
 * @property {string} root the kit: the folder with `turbo.json` and the npm `workspaces`
 * @property {readonly string[]} filters turbo `--filter`s, e.g. `@ipk/dev-server...`, `./plugins/*`
 * @property {boolean} [continueOnError] build the rest when one fails (`npm start` leaves a
 *   plugin that does not build out, and says so)
 * @property {Progress} [progress]
 */

/**
 * @typedef {object} BuildResult
 * @property {boolean} ok every task built (or was up to date)
 * @property {string[]} built the packages built now
 * @property {string[]} failed the packages that did not build
 * @property {number} upToDate packages that needed nothing (turbo's cache)
 * @property {number} seconds
 */

/**
 * @typedef {object} PlannedTask
 * @property {string} packageName
 * @property {boolean} cached
 */

const TASK = 'build';
/** `@ipk/host-app:build: <output>` (turbo's prefix, `--log-order=grouped`: one block per task). */
const TASK_LINE = /^(\S+?):build: ?(.*)$/;
/** `@ipk/host-app#build:  ERROR  command (…) exited (1)` */
const TASK_FAILED = /^(\S+?)#build:\s+ERROR\b/;
/** What turbo and npm add around a task's own output: left out when a failure is shown. */
const TASK_NOISE = /^(cache (miss|hit|bypass)|> |npm (error|ERR!)|$)/;

/**
 * Runs `turbo run build` for the filters and reports progress as packages finish: one line that
 * updates itself in a terminal, one line per package otherwise. Says nothing when everything is up
 * to date. A package that fails has its own output shown (without turbo's and npm's noise).
 *
 * @param {BuildOptions} options
 * @returns {Promise<BuildResult>}
 */
export async function buildWorkspaces(options) {
  const progress = options.progress ?? process.stderr;
  const started = Date.now();
  const plan = await plannedTasks(options.root, options.filters);
  const toBuild = plan.filter((task) => !task.cached).length;
  const upToDate = plan.length - toBuild;
  if (toBuild > 0) {
    const rest =
      upToDate > 0 ? `; ${upToDate} up to date` : '; a fresh clone builds every one once';
    progress.write(`Building ${plural(toBuild, 'package')}${rest}…\n`);
  }

  /** @type {Map<string, string[]>} */
  const output = new Map();
  /** @type {Set<string>} */
  const failed = new Set();
  /** @type {string[]} */
  const built = [];
  /** @type {string[]} lines of turbo's own (not a task's), shown if turbo itself fails */
  const turboLines = [];
  const render = (/** @type {string} */ name) => {
    const line = `  [${built.length}/${toBuild}] ${name} (${elapsed(started)})`;
    progress.write(progress.isTTY === true ? `\r\x1b[2K${line}` : `${line}\n`);
  };

  const args = [
    'run',
    TASK,
    ...options.filters.map((filter) => `--filter=${filter}`),
    '--output-logs=new-only',
    '--log-order=grouped',
    '--no-color',
    // Going on builds the others, not what depends on the one that failed.
    ...(options.continueOnError === true ? ['--continue=dependencies-successful'] : []),
  ];
  const exitCode = await runTurbo(options.root, args, (line) => {
    const failure = TASK_FAILED.exec(line);
    if (failure?.[1] !== undefined) {
      failed.add(failure[1]);
      return;
    }
    const match = TASK_LINE.exec(line);
    if (match?.[1] === undefined) {
      turboLines.push(line);
      return;
    }
    const [, name, text = ''] = match;
    let lines = output.get(name);
    if (lines === undefined) {
      lines = [];
      output.set(name, lines);
      // Grouped logs: a task's block is printed when it has finished.
      if (!text.startsWith('cache hit')) {
        built.push(name);
        render(name);
      }
    }
    lines.push(text);
  });
  if (progress.isTTY === true && built.length > 0) progress.write('\n');

  const builtOk = built.filter((name) => !failed.has(name));
  for (const name of failed) {
    const lines = (output.get(name) ?? []).filter((line) => !TASK_NOISE.test(line));
    progress.write(`\n${name} did not build:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
  }
  if (exitCode !== 0 && failed.size === 0) {
    // turbo itself failed (a bad filter, a broken turbo.json): its own words say why.
    progress.write(`${turboLines.filter((line) => line.trim() !== '').join('\n')}\n`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (toBuild > 0 && exitCode === 0) {
    progress.write(`Built ${plural(builtOk.length, 'package')} in ${elapsed(started)}.\n`);
  }
  return {
    ok: exitCode === 0,
    built: builtOk,
    failed: [...failed],
    upToDate,
    seconds,
  };
}

/**
 * What a committed bin entry calls when its package's `dist/` is missing (a fresh clone): builds
 * that package and what it needs, then returns so the entry can load the CLI. Exits the process
 * with code 1 when the build fails (its error is shown).
 *
 * @param {URL} packageUrl the package folder (`new URL('..', import.meta.url)` in `bin/`)
 * @returns {Promise<void>}
 */
export async function buildBeforeFirstRun(packageUrl) {
  const packageDir = fileURLToPath(packageUrl);
  const { name } = /** @type {{name: string}} */ (
    JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  );
  const root = findKitRoot(packageDir);
  if (root === undefined) {
    process.stderr.write(
      `${name} has no build (dist/) and is not inside the kit to build it: reinstall ${name}.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`${name} is not built yet (a fresh clone): building it first.\n`);
  const result = await buildWorkspaces({ root, filters: [name] });
  if (!result.ok) {
    process.stderr.write(`${name} did not build: fix what is shown above and run it again.\n`);
    process.exit(1);
  }
}

/**
 * The kit around `start`: the nearest folder with a `turbo.json` and a package.json that declares
 * npm `workspaces`.
 *
 * @param {string} start
 * @returns {string | undefined}
 */
export function findKitRoot(start) {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'turbo.json')) && declaresWorkspaces(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** @param {string} dir */
function declaresWorkspaces(dir) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    return false;
  }
}

/**
 * The tasks a run would execute, and which of them turbo's cache already has (`--dry=json`, ~0.2 s).
 *
 * @param {string} root
 * @param {readonly string[]} filters
 * @returns {Promise<PlannedTask[]>}
 */
async function plannedTasks(root, filters) {
  /** @type {string[]} */
  const lines = [];
  const args = ['run', TASK, ...filters.map((filter) => `--filter=${filter}`), '--dry=json'];
  const exitCode = await runTurbo(root, args, (line, stream) => {
    if (stream === 'stdout') lines.push(line);
  });
  if (exitCode !== 0) return [];
  const text = lines.join('\n');
  const dry =
    /** @type {{tasks?: {package: string, command: string, cache?: {status?: string}}[]}} */ (
      JSON.parse(text.slice(text.indexOf('{')))
    );
  return (dry.tasks ?? [])
    .filter((task) => task.command !== '<NONEXISTENT>')
    .map((task) => ({ packageName: task.package, cached: task.cache?.status === 'HIT' }));
}

/**
 * Runs the kit's turbo with `args` in `root`, one callback per line of its output.
 *
 * @param {string} root
 * @param {string[]} args
 * @param {(line: string, stream: 'stdout' | 'stderr') => void} onLine
 * @returns {Promise<number>} the exit code
 */
function runTurbo(root, args, onLine) {
  const turbo = createRequire(import.meta.url).resolve('turbo');
  const child = spawn(process.execPath, [turbo, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stdout }).on('line', (line) => onLine(line, 'stdout'));
  createInterface({ input: child.stderr }).on('line', (line) => onLine(line, 'stderr'));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** @param {number} count @param {string} noun */
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** @param {number} since */
function elapsed(since) {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}
