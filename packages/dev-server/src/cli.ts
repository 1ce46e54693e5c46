#!/usr/bin/env node
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startDevServer } from './dev-server.js';
import { startupBanner } from './startup-banner.js';

/** A stable address, so an open tab survives a restart; a free port when it is taken. */
const DEFAULT_PORT = 8787;

const USAGE = `Usage: ipk-dev [start|dev] [--port <n> (default ${DEFAULT_PORT}, else any free one)] [--host <addr>] [--no-simulate]

start  build the branding from every built plugin and serve it with the host app on a mock node
dev    the same, and rebuild a plugin when its source is saved, then reload the page
`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'no-simulate': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`ipk-dev: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  const mode = positionals[0] ?? 'start';
  const port = values.port === undefined ? undefined : Number(values.port);
  if (
    (mode !== 'start' && mode !== 'dev') ||
    positionals.length > 1 ||
    (port !== undefined && !Number.isInteger(port))
  ) {
    console.error(`ipk-dev: bad command line\n\n${USAGE}`);
    return 2;
  }
  const watching = mode === 'dev';
  const host = values.host ?? '127.0.0.1';
  const server = await startDevServer({
    watch: watching,
    port: port ?? ((await isPortFree(DEFAULT_PORT, host)) ? DEFAULT_PORT : 0),
    ...(values.host === undefined ? {} : { host: values.host }),
    simulate: values['no-simulate'] !== true,
    log: (text) => console.error(text),
  });
  console.log(startupBanner(server, watching));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.error('Stopping…');
  await server.close();
  return 0;
}

function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ipk-dev: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
