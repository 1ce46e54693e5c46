#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadMockMedia } from './call-media.js';
import { parseAllowedOrigin } from './control-request-policy.js';
import { loadConfigFile, type MockConfig } from './mock-config.js';
import { DEFAULT_LIMITS, startMockNode, type MockNode, type MockNodeOptions } from './mock-node.js';
import { parseUpstreamUrl } from './upstream-proxy.js';

/** A command line that cannot be used: printed with the usage hint, exit code 2. */
class UsageError extends Error {}

/** The flags as commander reads them (before files and folders are checked). */
interface Flags {
  port?: number;
  host: string;
  config?: string;
  app?: string;
  branding?: string;
  upstream?: string;
  simulate: boolean;
  allowOrigin?: string[];
  allowHost?: string[];
}

type Limit = keyof typeof DEFAULT_LIMITS;

/** The numeric limits (README: Limits): their flag, option, meaning and least value. */
const LIMIT_FLAGS: ReadonlyArray<{ flag: string; option: Limit; what: string; min: number }> = [
  {
    flag: '--pin-attempts <n>',
    option: 'pinFailureLimit',
    what: 'wrong PINs per conference within --pin-window before it is blocked (0: no limit)',
    min: 0,
  },
  {
    flag: '--pin-window <seconds>',
    option: 'pinFailureWindowSeconds',
    what: 'window for --pin-attempts, and how long a block lasts',
    min: 1,
  },
  {
    flag: '--chat-history <n>',
    option: 'chatHistoryLimit',
    what: 'chat messages kept per conference for /_mock/state',
    min: 0,
  },
  {
    flag: '--chat-message-bytes <n>',
    option: 'chatMessageMaxBytes',
    what: 'the largest chat message (UTF-8 bytes)',
    min: 1,
  },
  {
    flag: '--headers-timeout <ms>',
    option: 'headersTimeoutMs',
    what: 'time a client has to send request headers',
    min: 1,
  },
  {
    flag: '--request-timeout <ms>',
    option: 'requestTimeoutMs',
    what: 'time a client has to send a whole request',
    min: 1,
  },
];

/** The command line: every option with its default in `--help`; bad values exit 2. */
function createProgram(): Command {
  const program = new Command('ipk-mock-node')
    .description(
      'A mock Pexip Infinity Conferencing Node: client REST API v2, event stream, simulated ' +
        'people, and the host app at /webapp2/ with a branding folder at ' +
        '/webapp2/custom_configuration/.',
    )
    .option('--port <n>', 'port to listen on (default: 0, any free port)', portNumber)
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option(
      '--config <file>',
      'conferences and simulated people, JSON (default: the embedded config)',
    )
    .option(
      '--app <dir>',
      "the host app build served at /webapp2/ (default: @ipk/host-app's dist/)",
    )
    .option(
      '--branding <dir>',
      'branding folder served at /webapp2/custom_configuration/ ' +
        '(default: dist/branding/webapp2 in the current directory, if present)',
    )
    .option(
      '--upstream <url>',
      'forward /api/client/v2/ to a real Conferencing Node (no /_mock/ API)',
      upstreamUrl,
    )
    .option('--no-simulate', 'no simulated people')
    .option(
      '--allow-origin <origin>',
      'an origin (http://localhost:5173) whose pages may call /_mock/ besides the node itself; repeat for more',
      collect(allowedOrigin),
    )
    .option(
      '--allow-host <name>',
      'a Host name to answer besides localhost, loopback and the listen address ' +
        '(DNS-rebinding protection); repeat for more',
      collect((value) => value),
    )
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nA bad option, config file or folder exits with code 2. The limits, the /_mock/ test API\n' +
        'and the deviations from a real node are described in the README of @ipk/mock-node.',
    )
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`ipk-mock-node: ${text.replace(/^error: /, '')}`),
    });
  // Listed in --help after the allow-lists.
  for (const limit of LIMIT_FLAGS) program.addOption(limitOption(limit));
  return program;
}

/** A numeric limit whose default shows in `--help` but is left to the library when not given. */
function limitOption({ flag, option, what, min }: (typeof LIMIT_FLAGS)[number]): Option {
  const description = `${what} (default: ${DEFAULT_LIMITS[option]})`;
  return new Option(flag, description).argParser((value: string) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min) {
      throw new InvalidArgumentError(`It must be a whole number, ${min} or more.`);
    }
    return number;
  });
}

function collect(parse: (value: string) => string) {
  return (value: string, previous: string[] | undefined): string[] => [
    ...(previous ?? []),
    parse(value),
  ];
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError(`--port must be a number from 0 to 65535 (got "${value}").`);
  }
  return port;
}

function upstreamUrl(value: string): string {
  try {
    parseUpstreamUrl(value);
  } catch (error) {
    throw new InvalidArgumentError(`--upstream: ${(error as Error).message}.`);
  }
  return value;
}

function allowedOrigin(value: string): string {
  try {
    return parseAllowedOrigin(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

/** Reads the command line; resolves undefined when `--help` was printed. */
export async function parseCommandLine(
  argv: string[],
  cwd: string,
): Promise<MockNodeOptions | undefined> {
  const program = createProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.helpDisplayed') {
      return undefined;
    }
    // Commander has printed what is wrong (with "did you mean" for a near miss).
    if (error instanceof CommanderError) throw new UsageError('');
    throw error;
  }
  const flags = program.opts<Flags>();
  const options: MockNodeOptions = {
    host: flags.host,
    simulate: flags.simulate,
    allowedOrigins: flags.allowOrigin ?? [],
    allowedHosts: flags.allowHost ?? [],
  };
  if (flags.port !== undefined) options.port = flags.port;
  if (flags.upstream !== undefined) options.upstream = flags.upstream;
  if (flags.config !== undefined) options.config = await readConfig(resolve(cwd, flags.config));
  const limits: Partial<Record<Limit, number>> = {};
  for (const { flag, option } of LIMIT_FLAGS) {
    const value = program.getOptionValue(new Option(flag).attributeName()) as number | undefined;
    if (value !== undefined) limits[option] = value;
  }
  Object.assign(options, limits);
  const headersTimeout = limits.headersTimeoutMs ?? DEFAULT_LIMITS.headersTimeoutMs;
  const requestTimeout = limits.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs;
  if (headersTimeout > requestTimeout) {
    throw new UsageError(
      `--headers-timeout (${headersTimeout}) must not be longer than --request-timeout (${requestTimeout})`,
    );
  }
  const appDir =
    flags.app === undefined ? findHostAppDist(cwd) : existingDir(cwd, flags.app, '--app');
  if (appDir !== undefined) options.appDir = appDir;
  const brandingDir =
    flags.branding === undefined
      ? defaultBranding(cwd)
      : existingDir(cwd, flags.branding, '--branding');
  if (brandingDir !== undefined) options.brandingDir = brandingDir;
  return options;
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
  let options: MockNodeOptions | undefined;
  try {
    options = await parseCommandLine(process.argv.slice(2), process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message !== '') process.stderr.write(`ipk-mock-node: ${error.message}\n`);
    process.stderr.write('Run ipk-mock-node --help for usage.\n');
    process.exit(2);
  }
  if (options === undefined) return;
  let node: MockNode;
  try {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    // WebRTC media when @ipk/mock-media is installed; otherwise the node is API-only.
    const createCallMedia = options.upstream === undefined ? await loadMockMedia(log) : undefined;
    node = await startMockNode({
      ...options,
      log,
      ...(createCallMedia ? { createCallMedia } : {}),
    });
  } catch (error) {
    process.stderr.write(`ipk-mock-node: cannot start: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const lines = describeNode(node);
  if (options.upstream !== undefined)
    lines.push(`  forwarding /api/client/v2/ to ${options.upstream}`);
  if (node.hasMedia === false && options.upstream === undefined) {
    lines.push('  (no @ipk/mock-media: API-only, WebRTC calls are refused)');
  }
  lines.push(
    options.appDir === undefined
      ? '  (host app not found: /webapp2/ explains how to build it)'
      : `  host app: ${options.appDir}`,
  );
  if (options.brandingDir !== undefined) lines.push(`  branding: ${options.brandingDir}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    void node.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
