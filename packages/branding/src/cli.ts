#!/usr/bin/env node
// The `ipk-branding` executable: everything lives in run-cli.ts so tests call it in-process.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
