import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BuildInputError, buildBranding } from './build-branding.js';
import { formatBytes, parseByteSize } from './byte-size.js';
import { checkBranding } from './check-branding-path.js';
import { formatBuildSummary, formatCheckReport } from './report-text.js';
import { columns, linesOf } from './text-columns.js';
import { DEFAULT_ZIP_LIMITS, RATIO_EXEMPT_BYTES, type ZipLimits } from './zip-archive.js';

/** Where the CLI writes and which folder it works in; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd?: string;
}

const EXIT_CODES =
  'Exit codes: 0 ok, 1 the package has errors, 2 bad command line or unreadable input.';

const ZIP_LIMITS_NOTE = [
  "Checked from the ZIP's headers before anything is inflated, and again while inflating.",
  'Raise a limit with its flag, e.g. --zip-max-total 1GiB (sizes: 500k, 200MB, 1.5GiB; binary units).',
];

/** The ZIP limits, for the top-level help: a --base, --previous or checked ZIP. */
function zipLimitsHelp(): string {
  const table = columns('  ', ['left', 'left']);
  table.push(
    [`at most ${DEFAULT_ZIP_LIMITS.maxEntries} entries`, '--zip-max-entries <n>'],
    [
      `at most ${formatBytes(DEFAULT_ZIP_LIMITS.maxEntryBytes)} expanded per entry`,
      '--zip-max-entry <size>',
    ],
    [
      `at most ${formatBytes(DEFAULT_ZIP_LIMITS.maxTotalBytes)} expanded in all`,
      '--zip-max-total <size>',
    ],
    [
      `at most ${DEFAULT_ZIP_LIMITS.maxRatio}-fold expansion of an entry over ${formatBytes(RATIO_EXEMPT_BYTES)}`,
      '--zip-max-ratio <n>',
    ],
  );
  return [
    'ZIP limits (a --base, --previous or checked ZIP; a branding package is a few MB):',
    ...linesOf(table),
    ...ZIP_LIMITS_NOTE.map((line) => `  ${line}`),
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Output goes through `out`/`err` so tests can read it. */
export async function runCli(
  argv: string[],
  io: CliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    io.out(program.helpInformation().trimEnd());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}

/** The `ipk-branding` program (commander 14): each subcommand has its own `--help`. */
export function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const cwd = io.cwd ?? process.cwd();
  const program = new Command('ipk-branding')
    .description(
      'Package webapp2 plugins for upload to Pexip Infinity, and check a package before upload.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpCommand(false)
    // A function: the table is built only when the help is shown, not at every start.
    .addHelpText('after', () => `\n${zipLimitsHelp()}\n\n${EXIT_CODES}`);

  addZipLimitOptions(
    program
      .command('build')
      .description(
        "Copy each plugin's build into webapp2/plugins/<name>/, write settings.json and manifest.json " +
          '(a new brandingID), check the result, then write <out>/webapp2/ and the ZIP. Without plugin ' +
          'dirs: every plugins/* workspace whose package.json has "ipkPlugin".',
      )
      .argument(
        '[plugin dirs...]',
        'workspaces (their dist/ is used) or ready-made webapp2 plugin folders',
      )
      .option('--out <dir>', 'the folder written (default: <repo root>/dist/branding)')
      .option('--zip <file>', 'the ZIP to upload (default: <out>/../branding.zip)')
      .option(
        '--base <zip>',
        'start from an existing package (Management Node download or Branding Portal package)',
      )
      .addOption(
        new Option(
          '--enable <id=true|false>',
          "a plugin's enabled in settings.json, by package id or folder name (repeatable). Without it, a plugin the --base package lists keeps its enabled there",
        )
          .argParser(collectEnable)
          .default({}, 'ipkPlugin.enabled, or as in --base'),
      )
      .addOption(
        new Option(
          '--previous <zip|dir|id>',
          'the new brandingID must be greater than these (repeatable)',
        )
          .argParser(collect)
          .default([], 'the last build in <out>, and the base'),
      )
      .option('-q, --quiet', 'no progress lines'),
  ).action(async (pluginDirs: string[], options: BuildCliOptions) => {
    try {
      const result = await buildBranding({
        pluginDirs,
        cwd,
        outDir: options.out,
        zipFile: options.zip,
        base: options.base,
        enable: options.enable,
        previous: options.previous,
        zipLimits: zipLimitsOf(options),
        ...(options.quiet ? {} : { onProgress: (line: string) => io.err(`• ${line}`) }),
      });
      io.out(formatBuildSummary(result, cwd));
      setExitCode(result.ok ? 0 : 1);
    } catch (error) {
      if (!(error instanceof BuildInputError)) throw error;
      io.err(`ipk-branding build: ${error.message}`);
      setExitCode(2);
    }
  });

  addZipLimitOptions(
    program
      .command('check')
      .description(
        'Check a branding folder (dist/branding, or its webapp2/) or ZIP before upload: the JSON files, ' +
          'every plugin (run in the probe host as a call would), what this host or webapp2 would stumble on, ' +
          'and what each plugin uses beyond the plugin guide. Exit 1 when anything is wrong.',
      )
      .argument('<dir|zip>', 'the branding folder or ZIP')
      .addOption(
        new Option(
          '--previous <zip|dir|id>',
          "the package (or brandingID) uploaded last time: this one's brandingID must differ (repeatable)",
        )
          .argParser(collect)
          .default([]),
      )
      .option(
        '--json',
        'the report as JSON: {target, ok, errorCount, warningCount, brandingID, plugins, issues}',
      )
      .option('--strict', 'warnings fail too'),
  ).action(async (target: string, options: CheckCliOptions) => {
    let report;
    try {
      report = await checkBranding(resolve(cwd, target), {
        previous: options.previous.map((entry) =>
          /^\d+$/.test(entry) ? entry : resolve(cwd, entry),
        ),
        zipLimits: zipLimitsOf(options),
      });
    } catch (error) {
      io.err(`ipk-branding check: ${(error as Error).message}`);
      setExitCode(2);
      return;
    }
    const failed = !report.ok || (options.strict === true && report.warningCount > 0);
    io.out(
      options.json
        ? JSON.stringify({ target, ...report, ok: !failed }, null, 2)
        : formatCheckReport(report, target),
    );
    setExitCode(failed ? 1 : 0);
  });

  return program;
}

interface ZipLimitCliOptions {
  zipMaxEntries: number;
  zipMaxEntry: number;
  zipMaxTotal: number;
  zipMaxRatio: number;
}

interface BuildCliOptions extends ZipLimitCliOptions {
  out?: string;
  zip?: string;
  base?: string;
  enable: Record<string, boolean>;
  previous: string[];
  quiet?: boolean;
}

interface CheckCliOptions extends ZipLimitCliOptions {
  previous: string[];
  json?: boolean;
  strict?: boolean;
}

/** The ZIP limit flags of a subcommand, and the note and exit codes at the end of its help. */
function addZipLimitOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--zip-max-entries <n>', 'most entries a ZIP may hold')
        .argParser(wholeNumber)
        .default(DEFAULT_ZIP_LIMITS.maxEntries),
    )
    .addOption(
      new Option('--zip-max-entry <size>', 'most bytes one ZIP entry may expand to')
        .argParser(byteSize)
        .default(DEFAULT_ZIP_LIMITS.maxEntryBytes, formatBytes(DEFAULT_ZIP_LIMITS.maxEntryBytes)),
    )
    .addOption(
      new Option('--zip-max-total <size>', 'most bytes all ZIP entries may expand to')
        .argParser(byteSize)
        .default(DEFAULT_ZIP_LIMITS.maxTotalBytes, formatBytes(DEFAULT_ZIP_LIMITS.maxTotalBytes)),
    )
    .addOption(
      new Option(
        '--zip-max-ratio <n>',
        `highest expansion of one entry over ${formatBytes(RATIO_EXEMPT_BYTES)}`,
      )
        .argParser(wholeNumber)
        .default(DEFAULT_ZIP_LIMITS.maxRatio),
    )
    .addHelpText('after', `\nZIP limits: ${ZIP_LIMITS_NOTE.join('\n')}\n\n${EXIT_CODES}`);
}

function zipLimitsOf(options: ZipLimitCliOptions): ZipLimits {
  return {
    maxEntries: options.zipMaxEntries,
    maxEntryBytes: options.zipMaxEntry,
    maxTotalBytes: options.zipMaxTotal,
    maxRatio: options.zipMaxRatio,
  };
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError('expected a whole number of at least 1.');
  }
  return number;
}

function byteSize(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined)
    throw new InvalidArgumentError('expected a size such as 500k, 200MB or 1GiB.');
  return bytes;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--enable recording=false` → `{recording: false}`, added to the earlier ones. */
function collectEnable(value: string, previous: Record<string, boolean>): Record<string, boolean> {
  const match = /^(.+)=(true|false)$/.exec(value);
  if (!match || match[1] === undefined) {
    throw new InvalidArgumentError(`--enable ${value}: expected <plugin id or name>=true|false`);
  }
  return { ...previous, [match[1]]: match[2] === 'true' };
}
