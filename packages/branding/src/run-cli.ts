import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BuildInputError, buildBranding } from './build-branding.js';
import { checkBranding } from './check-branding-path.js';
import { formatBuildSummary, formatCheckReport } from './report-text.js';

export const USAGE = `ipk-branding: package webapp2 plugins for upload to Pexip Infinity

Usage:
  ipk-branding build [plugin dirs...] [--out dist/branding] [--zip <file>] [--base <zip>]
                     [--enable <id|name>=true|false ...] [--previous <zip|dir|id> ...] [--quiet]
  ipk-branding check <dir|zip> [--previous <zip|dir|id> ...] [--json] [--strict]
  ipk-branding --help

build   Copies each plugin's build into webapp2/plugins/<name>/, writes settings.json and
        manifest.json (new brandingID), checks the result and writes <out>/webapp2/ and
        <out>/../branding.zip. Without plugin dirs: every plugins/* workspace with "ipkPlugin".
check   Checks a branding folder or ZIP before upload. Exit 1 when anything is wrong.

Exit codes: 0 ok, 1 the package has errors, 2 bad command line or unreadable input.`;

/** Where the CLI writes and which folder it works in; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd?: string;
}

/** Runs the CLI; returns the exit code. Output goes through `out`/`err` so tests can read it. */
export async function runCli(
  argv: string[],
  io: CliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    if (command === 'build') return await runBuild(rest, io);
    if (command === 'check') return await runCheck(rest, io);
    io.err(`ipk-branding: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  } catch (error) {
    io.err(`ipk-branding ${command}: ${(error as Error).message}`);
    return 2;
  }
}

async function runBuild(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      zip: { type: 'string' },
      base: { type: 'string' },
      enable: { type: 'string', multiple: true },
      previous: { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const cwd = io.cwd ?? process.cwd();
  try {
    const result = await buildBranding({
      pluginDirs: positionals,
      cwd,
      outDir: values.out,
      zipFile: values.zip,
      base: values.base,
      enable: parseEnable(values.enable ?? []),
      previous: values.previous ?? [],
      ...(values.quiet ? {} : { onProgress: (line: string) => io.err(`• ${line}`) }),
    });
    io.out(formatBuildSummary(result, cwd));
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof BuildInputError) {
      io.err(`ipk-branding build: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      previous: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1 || positionals[0] === undefined) {
    io.err(`ipk-branding check: give exactly one branding folder or ZIP\n\n${USAGE}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const target = positionals[0];
  const report = await checkBranding(resolve(cwd, target), {
    previous: (values.previous ?? []).map((entry) =>
      /^\d+$/.test(entry) ? entry : resolve(cwd, entry),
    ),
  });
  const failed = !report.ok || (values.strict === true && report.warningCount > 0);
  io.out(
    values.json
      ? JSON.stringify({ target, ...report, ok: !failed }, null, 2)
      : formatCheckReport(report, target),
  );
  return failed ? 1 : 0;
}

/** `--enable recording=false` → `{recording: false}`. */
export function parseEnable(values: string[]): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const value of values) {
    const match = /^(.+)=(true|false)$/.exec(value);
    if (!match || match[1] === undefined) {
      throw new Error(`--enable ${value}: expected <plugin id or name>=true|false`);
    }
    result[match[1]] = match[2] === 'true';
  }
  return result;
}
