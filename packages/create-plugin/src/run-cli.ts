import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPlugin, PluginExistsError } from './create-plugin.js';
import { isPlacement, PLACEMENTS, PluginNameError } from './plugin-names.js';

export const USAGE = `Usage: ipk-create-plugin <name> [--placement ${PLACEMENTS.join('|')}] [--description <text>] [--dir <plugins folder>]

Creates <plugins folder>/<name>/ (default: plugins/ of the repo around the current folder): a
webapp2 plugin with its package file, source, icon, README, unit test and e2e test.
`;

export interface CliIo {
  readonly cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the CLI; resolves to the exit code (0 created, 2 bad command line, name or folder). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        placement: { type: 'string', default: 'toolbar' },
        description: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(USAGE);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    io.err(`Give exactly one plugin name.\n\n${USAGE}`);
    return 2;
  }
  if (!isPlacement(values.placement)) {
    io.err(`--placement must be one of ${PLACEMENTS.join(', ')} (got "${values.placement}")`);
    return 2;
  }
  const repoRoot = await findWorkspaceRoot(io.cwd);
  const pluginsDir =
    values.dir !== undefined
      ? path.resolve(io.cwd, values.dir)
      : path.join(repoRoot ?? io.cwd, 'plugins');
  try {
    const created = await createPlugin({
      name,
      pluginsDir,
      placement: values.placement,
      ...(values.description === undefined ? {} : { description: values.description }),
    });
    const shown = path.relative(io.cwd, created.dir) || '.';
    io.out(`Created ${shown} (plugin id ${created.id}, ${values.placement}):`);
    for (const file of created.files) io.out(`  ${file}`);
    io.out('\nNext:');
    io.out('  npm install        # links the new workspace');
    io.out('  npm run dev        # it appears in the host app; saving its source reloads the page');
    io.out(`  npm test -w ${shown}`);
    return 0;
  } catch (error) {
    if (error instanceof PluginNameError || error instanceof PluginExistsError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}

/** The nearest folder (from `start` up) whose package.json declares npm workspaces. */
export async function findWorkspaceRoot(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest !== undefined && hasWorkspaces(manifest)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function hasWorkspaces(manifestText: string): boolean {
  try {
    const manifest: unknown = JSON.parse(manifestText);
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    return false;
  }
}
