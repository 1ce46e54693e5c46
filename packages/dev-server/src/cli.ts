#!/usr/bin/env node
import { findRepoRoot } from '@ipk/branding';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { DEFAULT_PORT, parseCommandLine, type ServeRequest } from './command-line.js';
import { startDevServer } from './dev-server.js';
import { startupBanner } from './startup-banner.js';

/** Where the media library's lines go (they are for debugging a call, not the kit's progress). */
const MEDIA_LOG = path.join('dist', 'dev-server-media.log');

async function main(): Promise<number> {
  const request = await parseCommandLine(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  if (typeof request === 'number') return request;
  const repoRoot = await findRepoRoot(process.cwd());
  if (repoRoot === undefined) {
    throw new Error('no workspace root (a package.json with "workspaces") above this folder');
  }
  const mediaLog = openMediaLog(path.join(repoRoot, MEDIA_LOG), request.verbose);
  const watching = request.mode === 'dev';
  const server = await startDevServer({
    repoRoot,
    watch: watching,
    port: request.port ?? ((await isPortFree(DEFAULT_PORT, request.host)) ? DEFAULT_PORT : 0),
    host: request.host,
    simulate: request.simulate,
    upstream: request.upstream,
    allowedHosts: request.allowHost,
    log: (text) => console.error(text),
    mediaLog: mediaLog.write,
  });
  console.log(startupBanner(server, watching, { mediaLog: MEDIA_LOG }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.error('Stopping…');
  await server.close();
  mediaLog.close();
  return 0;
}

/** The debug log, emptied at each start; with `--verbose` its lines are also printed. */
function openMediaLog(file: string, verbose: ServeRequest['verbose']) {
  mkdirSync(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: 'w' });
  return {
    write: (text: string) => {
      stream.write(`${new Date().toISOString()} ${text}\n`);
      if (verbose) console.error(`media: ${text}`);
    },
    close: () => stream.end(),
  };
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
