import { Command, CommanderError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPlugin, PluginExistsError } from './create-plugin.js';
import { EjectError, ejectPlugin } from './eject-plugin.js';
import { PLACEMENTS, PluginNameError, type Placement } from './plugin-names.js';

export interface CliIo {
  /** Where relative paths start (npm run passes the folder it was typed in as INIT_CWD). */
  readonly cwd: string;
  out(line: string): void;
  err(line: string): void;
}

interface NewOptions {
  placement: Placement;
  description?: string;
  dir?: string;
}

/**
 * Runs the CLI (commander: `new` and `eject` each have their own `--help`; a misspelt option or
 * command gets a "did you mean"). Resolves to the exit code: 0 done (or help shown), 2 a bad
 * command line, name or folder (the message says which), and nothing was written.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let work: (() => Promise<number>) | undefined;
  const program = new Command('ipk-create-plugin')
    .description(
      "Infinity Plugin Kit's plugin workspaces: a new one from the template, or one copied out of the kit.",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    .showHelpAfterError();

  program
    .command('new', { isDefault: true })
    .description(
      'create <plugins folder>/<name>/: a webapp2 plugin with its package file, source, icon, README, unit test and e2e test (npm run new-plugin)',
    )
    .argument('<name>', 'lower-case words joined by single hyphens, e.g. hello-world')
    .addOption(
      new Option('--placement <where>', 'where the menu item goes')
        .choices(PLACEMENTS)
        .default('toolbar'),
    )
    .option('--description <text>', "the package file's description")
    .option(
      '--dir <folder>',
      'the plugins folder (default: plugins/ of the repo around the current folder)',
    )
    .action((name: string, options: NewOptions) => {
      work = () => newPlugin(name, options, io);
    });

  program
    .command('eject')
    .description(
      'copy a plugin of the kit into <dir>, standing alone: the kit packages it needs vendored, its own lint, the same build (npm run eject)',
    )
    .argument('<plugin>', 'a folder name under plugins/ (dtmf) or the path of a plugin folder')
    .argument('<dir>', 'a new or empty folder outside the kit')
    .action((plugin: string, dir: string) => {
      work = () => eject(plugin, dir, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  if (work === undefined) return 2;
  try {
    return await work();
  } catch (error) {
    // A bad name, an existing folder, a plugin that cannot be ejected: nothing was written.
    if (
      error instanceof PluginNameError ||
      error instanceof PluginExistsError ||
      error instanceof EjectError
    ) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}

async function newPlugin(name: string, options: NewOptions, io: CliIo): Promise<number> {
  const repoRoot = await findWorkspaceRoot(io.cwd);
  const pluginsDir =
    options.dir !== undefined
      ? path.resolve(io.cwd, options.dir)
      : path.join(repoRoot ?? io.cwd, 'plugins');
  const created = await createPlugin({
    name,
    pluginsDir,
    placement: options.placement,
    ...(options.description === undefined ? {} : { description: options.description }),
  });
  const shown = path.relative(io.cwd, created.dir) || '.';
  io.out(`Created ${shown} (plugin id ${created.id}, ${options.placement}):`);
  for (const file of created.files) io.out(`  ${file}`);
  io.out('\nNext:');
  io.out('  npm install        # links the new workspace');
  io.out('  npm run dev        # it appears in the host app; saving its source reloads the page');
  io.out(`  npm test -w ${shown}`);
  return 0;
}

async function eject(plugin: string, dir: string, io: CliIo): Promise<number> {
  const kitRoot = await findWorkspaceRoot(io.cwd);
  if (kitRoot === undefined) {
    io.err('Run this inside Infinity Plugin Kit (no package.json with "workspaces" above here).');
    return 2;
  }
  const ejected = await ejectPlugin({
    kitRoot,
    plugin: plugin.includes('/') ? path.resolve(io.cwd, plugin) : plugin,
    outDir: path.resolve(io.cwd, dir),
  });
  const shown = path.relative(io.cwd, ejected.dir) || '.';
  io.out(
    `Ejected ${ejected.name} into ${shown}, with ${ejected.vendored.size} kit packages in vendor/:`,
  );
  for (const [name, tarball] of ejected.vendored) io.out(`  ${name}: vendor/${tarball}`);
  io.out(`\nThere (only the public npm registry is needed):`);
  io.out(`  cd ${shown}`);
  io.out('  npm install && npm run build && npm test && npm run lint && npm run typecheck');
  io.out('What was vendored and how to update it: vendor/README.md');
  return 0;
}

/** The nearest folder (from `start` up) whose package.json declares npm workspaces. */
export async function findWorkspaceRoot(start: string): Promise<string | undefined> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    // An unreadable or broken package.json declares nothing.
    const manifest: unknown = await readFile(path.join(dir, 'package.json'), 'utf8')
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
