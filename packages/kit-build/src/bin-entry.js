#!/usr/bin/env node
// The command npm links at install time: a committed file, since npm links no bin whose file is
// missing then, and the CLI itself (dist/cli.js) is built from TypeScript after the install. In a
// fresh clone of the kit it is not built yet: @ipk/kit-build builds it (and what it needs) first.
// Every CLI package of the kit carries this same file (docs/decisions/0030-committed-bin-entries.md).
import { existsSync } from 'node:fs';

// `ipk-branding --help | head` closes the pipe before the output ends: stop quietly, as Unix tools
// do, instead of an unhandled EPIPE's stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  const kit = await import('@ipk/kit-build').catch(() => undefined);
  if (kit === undefined) {
    console.error(`${cli.pathname} is missing: this package was installed without its build.`);
    process.exit(1);
  }
  await kit.buildBeforeFirstRun(new URL('..', import.meta.url));
}
await import(cli.href);
