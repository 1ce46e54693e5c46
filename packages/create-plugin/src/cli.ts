#!/usr/bin/env node
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  // `npm run new-plugin -- …` runs in the kit's root; INIT_CWD is the folder it was typed in, where
  // relative paths (--dir, eject's <dir>) start.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
