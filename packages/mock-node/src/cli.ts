#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadMockMedia } from './call-media.js';
import { loadConfigFile, type MockConfig } from './mock-config.js';
import { startMockNode, type MockNode, type MockNodeOptions } from './mock-node.js';
import { parseUpstreamUrl } from './upstream-proxy.js';

const USAGE = `Usage: ipk-mock-node [options]

A mock Pexip Infinity Conferencing Node: client REST API v2, event stream, simulated people,
and the host app at /webapp2/ with a branding folder at /webapp2/custom_configuration/.

Options:
  --port <n>         port to listen on (default 0: any free port)
  --host <addr>      address to listen on (default 127.0.0.1)
  --config <file>    conferences and simulated people, JSON (default: the embedded config)
  --app <dir>        the host app build served at /webapp2/ (default: @ipk/host-app's dist/)
  --branding <dir>   branding folder served at /webapp2/custom_configuration/
                     (default: dist/branding/webapp2 in the current directory, if present)
  --upstream <url>   forward /api/client/v2/ to a real Conferencing Node (no /_mock/ API)
  --no-simulate      no simulated people
  --help             show this help
`;

/** A command line that cannot be used: printed with the usage hint, exit code 2. */
class UsageError extends Error {}

interface CliOptions extends MockNodeOptions {
  help: boolean;
}

export async function parseCommandLine(argv: string[], cwd: string): Promise<CliOptions> {
  let values: ReturnType<typeof parseFlags>['values'];
  try {
    values = parseFlags(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const options: CliOptions = { help: false, host: values.host ?? '127.0.0.1' };
  if (values.port !== undefined) options.port = parsePort(values.port);
  if (values.config !== undefined) options.config = await readConfig(resolve(cwd, values.config));
  if (values.upstream !== undefined) {
    try {
      parseUpstreamUrl(values.upstream);
    } catch (error) {
      throw new UsageError(`--upstream: ${(error as Error).message}`);
    }
    options.upstream = values.upstream;
  }
  options.simulate = values['no-simulate'] !== true;
  const appDir =
    values.app === undefined ? findHostAppDist(cwd) : existingDir(cwd, values.app, '--app');
  if (appDir !== undefined) options.appDir = appDir;
  const brandingDir =
    values.branding === undefined
      ? defaultBranding(cwd)
      : existingDir(cwd, values.branding, '--branding');
  if (brandingDir !== undefined) options.brandingDir = brandingDir;
  return options;
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      app: { type: 'string' },
      branding: { type: 'string' },
      upstream: { type: 'string' },
      'no-simulate': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

async function readConfig(path: string): Promise<MockConfig> {
  try {
    return await loadConfigFile(path);
  } catch (error) {
    throw new UsageError(`--config: ${(error as Error).message}`);
  }
}

function existingDir(cwd: string, value: string, flag: string): string {
  const path = resolve(cwd, value);
  if (!existsSync(path)) throw new UsageError(`${flag}: no such directory "${path}"`);
  return path;
}

/**
 * `@ipk/host-app`'s `dist/` when the package is installed, found by walking up `node_modules`
 * from the current directory and from this file. Not a dependency: host-app's e2e uses this
 * package, so a dependency would be a cycle.
 */
export function findHostAppDist(cwd: string): string | undefined {
  const starts = [cwd, dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'node_modules', '@ipk', 'host-app', 'dist');
      if (existsSync(join(candidate, 'index.html'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function defaultBranding(cwd: string): string | undefined {
  const path = join(cwd, 'dist', 'branding', 'webapp2');
  return existsSync(path) ? path : undefined;
}

export function describeNode(node: MockNode): string[] {
  const lines = [`Mock node listening on ${node.url}`];
  for (const conference of node.conferences) {
    const pins = [
      conference.hostPin === undefined ? undefined : `host PIN ${conference.hostPin}`,
      conference.guestPin === undefined ? undefined : `guest PIN ${conference.guestPin}`,
    ].filter((pin) => pin !== undefined);
    const suffix = pins.length === 0 ? ' (no PIN)' : ` (${pins.join(', ')})`;
    lines.push(`  ${node.url}/webapp2/conference/${conference.alias}${suffix}`);
  }
  return lines;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = await parseCommandLine(process.argv.slice(2), process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ipk-mock-node: ${error.message}\nRun ipk-mock-node --help for usage.\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { help: _help, ...nodeOptions } = options;
  let node: MockNode;
  try {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    // WebRTC media when @ipk/mock-media is installed; otherwise the node is API-only.
    const createCallMedia = options.upstream === undefined ? await loadMockMedia(log) : undefined;
    node = await startMockNode({
      ...nodeOptions,
      log,
      ...(createCallMedia ? { createCallMedia } : {}),
    });
  } catch (error) {
    process.stderr.write(`ipk-mock-node: cannot start: ${(error as Error).message}\n`);
    process.exit(2);
  }
  process.stdout.write(`${describeNode(node).join('\n')}\n`);
  if (options.upstream !== undefined) {
    process.stdout.write(`  forwarding /api/client/v2/ to ${options.upstream}\n`);
  }
  if (node.hasMedia === false && options.upstream === undefined) {
    process.stdout.write('  (no @ipk/mock-media: API-only, WebRTC calls are refused)\n');
  }
  process.stdout.write(
    options.appDir === undefined
      ? '  (host app not found: /webapp2/ explains how to build it)\n'
      : `  host app: ${options.appDir}\n`,
  );
  if (options.brandingDir !== undefined)
    process.stdout.write(`  branding: ${options.brandingDir}\n`);
  const stop = () => {
    void node.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
