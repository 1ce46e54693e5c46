/**
 * Save-to-reload time of `npm run dev`: for a new plugin from the template and for a copy of the
 * kit's `chat-watcher` plugin (more modules), saves a source file N times and measures
 * from the write to the page hearing `reload` on the live-reload channel (what a browser tab acts
 * on), split into the Rollup rebuild and the branding rebuild; and from the write to the type
 * check's result, which runs beside the rebuild on its own thread and does not hold up the reload
 * (its errors follow in the overlay). One save per plugin comes first and is not counted: it waits
 * for the server's first (cold) type check of that plugin, which a developer's first save, seconds
 * after `npm run dev` starts, does not. Goal: save to reload under 1 s.
 *
 * Run: npm run bench -w @ipk/dev-server (after npm run build).
 */
import { createPlugin } from '@ipk/create-plugin';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer, type RebuildReport, type TypeCheckReport } from '../dev-server.js';
import { EVENTS_PATH } from '../live-reload-channel.js';
import { openDevEvents } from '../test-support/event-stream-reader.js';

const SAVES = 10;
const GOAL_MS = 1000;
/** A bound, not a goal: a dev server that stops reporting type checks fails the bench. */
const CHECK_BOUND_MS = 120_000;
const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const kitRoot = path.resolve(packageDir, '../..');

interface Subject {
  plugin: string;
  file: string;
}

async function prepareRepo(): Promise<{ root: string; subjects: Subject[] }> {
  const root = await mkdtemp(path.join(packageDir, '.bench-'));
  await writeFile(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'bench-repo', private: true, workspaces: ['plugins/*'] }),
  );
  const created = await createPlugin({ name: 'hello', pluginsDir: path.join(root, 'plugins') });
  const chatWatcher = path.join(root, 'plugins', 'chat-watcher');
  await mkdir(chatWatcher, { recursive: true });
  await cp(path.join(kitRoot, 'plugins', 'chat-watcher'), chatWatcher, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  const app = path.join(root, 'app');
  await mkdir(app);
  await writeFile(path.join(app, 'index.html'), '<!doctype html><head></head><body></body>');
  return {
    root,
    subjects: [
      { plugin: 'hello', file: path.join(created.dir, 'src', 'hello-plugin.ts') },
      { plugin: 'chat-watcher', file: path.join(chatWatcher, 'src', 'chat-watcher-plugin.ts') },
    ],
  };
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const worst = sorted[sorted.length - 1] ?? 0;
  return `mean ${mean.toFixed(0)} ms, median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const { root, subjects } = await prepareRepo();
  const app = path.join(root, 'app');
  const server = await startDevServer({
    repoRoot: root,
    watch: true,
    appDir: app,
    simulate: false,
    media: false,
  });
  const events = await openDevEvents(`${server.url}${EVENTS_PATH}`);
  const reports: RebuildReport[] = [];
  server.onRebuild((report) => reports.push(report));
  // Type-check reports, with when they came: a save waits for its own plugin's next one.
  const checked: { report: TypeCheckReport; at: number }[] = [];
  // Every waiter is woken by each report (the cold checks of both plugins are awaited together:
  // a single slot woke only the last, and the bench waited for ever).
  const waiting = new Set<() => void>();
  server.onTypeCheck((report) => {
    checked.push({ report, at: performance.now() });
    for (const wake of waiting) wake();
    waiting.clear();
  });
  async function checkAfter(plugin: string, since: number): Promise<TypeCheckReport> {
    const deadline = performance.now() + CHECK_BOUND_MS;
    for (;;) {
      const found = checked.find((entry) => entry.report.plugin === plugin && entry.at > since);
      if (found !== undefined) return found.report;
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new Error(`no type check of ${plugin} reported within ${CHECK_BOUND_MS / 1000} s`);
      }
      await new Promise<void>((resolve) => {
        waiting.add(resolve);
        setTimeout(resolve, left).unref();
      });
    }
  }
  try {
    // Every plugin's cold check (started with the server) is done before anything is measured.
    await Promise.all(subjects.map((subject) => checkAfter(subject.plugin, 0)));
    console.log(`Save to reload, ${SAVES} saves per plugin (goal < ${GOAL_MS} ms)`);
    for (const subject of subjects) {
      const original = await readFile(subject.file, 'utf8');
      const totals: number[] = [];
      const warm = events.next('reload');
      const warmSavedAt = performance.now();
      await writeFile(subject.file, `${original}\n// warm-up save\n`);
      await warm;
      await checkAfter(subject.plugin, warmSavedAt);
      reports.length = 0;
      const checks: number[] = [];
      for (let save = 0; save < SAVES; save++) {
        const reload = events.next('reload');
        const savedAt = performance.now();
        await writeFile(subject.file, `${original}\n// save ${save}\n`);
        await reload;
        totals.push(performance.now() - savedAt);
        await checkAfter(subject.plugin, savedAt);
        checks.push(performance.now() - savedAt);
      }
      await writeFile(subject.file, original);
      await events.next('reload');
      const mean = totals.reduce((sum, value) => sum + value, 0) / totals.length;
      console.log(
        `  ${subject.plugin.padEnd(13)} save → reload: ${summary(totals)} (${(mean / GOAL_MS).toFixed(2)}× the goal)`,
      );
      console.log(
        `  ${''.padEnd(13)}   of which Rollup rebuild: ${summary(reports.slice(0, SAVES).map((r) => r.buildMs))}`,
      );
      console.log(
        `  ${''.padEnd(13)}   of which branding:       ${summary(reports.slice(0, SAVES).map((r) => r.brandingMs))}`,
      );
      console.log(`  ${''.padEnd(13)} save → type check done (after it):  ${summary(checks)}`);
    }
  } finally {
    events.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
