import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { E2E_DIR } from './paths.js';

const run = promisify(execFile);
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

interface JsonSuite {
  readonly title: string;
  readonly specs?: readonly {
    readonly title: string;
    readonly file: string;
    readonly line: number;
    readonly tests: readonly { readonly projectName: string }[];
  }[];
  readonly suites?: readonly JsonSuite[];
}

/** Every test (project × spec) `playwright test --list` gives for these arguments. */
async function listedTests(...args: string[]): Promise<string[]> {
  const env = { ...process.env };
  // The suite's own target, whatever the shell that runs the unit tests points at.
  delete env.PEXIP_NODE_URL;
  const { stdout } = await run(
    process.execPath,
    [playwrightCli, 'test', '--list', '--reporter=json', ...args],
    { cwd: E2E_DIR, env, maxBuffer: 64 * 1024 * 1024 },
  );
  const ids: string[] = [];
  const visit = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        ids.push(
          `[${test.projectName}] ${spec.file}:${spec.line} ${[...path, spec.title].join(' › ')}`,
        );
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const file of (JSON.parse(stdout) as { suites: JsonSuite[] }).suites) visit(file, []);
  return ids;
}

describe('sharding the suite with Playwright --shard', () => {
  it('two shards together run every test of the suite exactly once', async () => {
    // One after another: three Playwright processes at once race on its shared transform cache,
    // and one of them can read a half-written entry (its tests then carry other line numbers).
    const all = await listedTests();
    const first = await listedTests('--shard=1/2');
    const second = await listedTests('--shard=2/2');
    // The whole suite: four projects over every spec in e2e/tests and plugins/*/tests.
    expect(all.length).toBeGreaterThan(80);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((test) => second.includes(test))).toEqual([]);
    expect([...first, ...second].sort()).toEqual([...all].sort());
    // Three Playwright start-ups, each compiling the config and every spec: seconds when quiet,
    // well past Vitest's usual 30 s while CI runs other test tasks beside it.
  }, 180_000);
});
