import { Command, CommanderError, InvalidArgumentError } from 'commander';

/** A stable address, so an open tab survives a restart; a free port when it is taken. */
export const DEFAULT_PORT = 8787;

/** What `ipk-dev start|dev [options]` asks for. */
export interface ServeRequest {
  readonly mode: 'start' | 'dev';
  /** Undefined: {@link DEFAULT_PORT} when free, else any free port. */
  readonly port?: number;
  readonly host: string;
  readonly simulate: boolean;
  readonly upstream?: string;
  /** `Host` names to answer besides localhost, loopback and the listen address (e.g. a LAN name). */
  readonly allowHost: readonly string[];
  /** The media library's lines in the terminal too (they always go to the debug log). */
  readonly verbose?: boolean;
}

export interface CommandLineIo {
  out(text: string): void;
  err(text: string): void;
}

const MODES = {
  start:
    'serve the host app with every built plugin on a mock Conferencing Node (what npm start runs)',
  dev: 'the same, and rebuild a plugin when its source is saved, then reload the page (npm run dev)',
} as const;

/**
 * Reads `ipk-dev`'s command line (commander: each subcommand has its own `--help`; a misspelt
 * option or command gets a "did you mean"). Resolves to what to serve, or to the exit code when
 * there is nothing to serve: 0 after `--help`, 2 for a bad command line (the message says why).
 */
export async function parseCommandLine(
  argv: readonly string[],
  io: CommandLineIo,
): Promise<ServeRequest | number> {
  let request: ServeRequest | undefined;
  const program = new Command('ipk-dev')
    .description(
      "Infinity Plugin Kit's developer loop: the host app and your plugins, on a mock Conferencing Node or in front of a real one.",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  for (const [mode, description] of Object.entries(MODES) as ['start' | 'dev', string][]) {
    program
      .command(mode, { isDefault: mode === 'start' })
      .description(description)
      .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}, else any free one)`, port)
      .option('--host <addr>', 'address to listen on', '127.0.0.1')
      .option('--no-simulate', 'no simulated people in the conferences')
      .option(
        '--upstream <url>',
        'a real Conferencing Node (https://node.example.com): its client API is forwarded there, your plugins are served here',
      )
      .option(
        '--allow-host <name>',
        'a Host name to answer besides localhost, loopback and the listen address (to open the page by a LAN name); repeat for more',
        (value: string, previous: readonly string[]) => [...previous, value],
        [] as readonly string[],
      )
      .option('--verbose', "also print the media library's lines (always in the debug log)")
      .action((options: Omit<ServeRequest, 'mode'>) => {
        request = { mode, ...options };
      });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return request ?? 2;
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535) {
    throw new InvalidArgumentError('a port is a number from 0 to 65535.');
  }
  return number;
}
