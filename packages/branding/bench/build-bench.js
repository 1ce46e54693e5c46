// Measures where a branding build spends its time: reading plugins, running sources in the probe
// host, the whole check, writing and reading the ZIP (fflate) and the full build; and how long the
// CLI takes to start. Prints figures and ratios; asserts nothing.
// Run with `npm run bench -w @ipk/branding` (needs `npm run build` first: it imports dist/).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probePlugin } from '@ipk/plugin-probe';
import { unzipSync } from 'fflate';
import {
  buildBranding,
  checkBrandingFiles,
  readDirTree,
  readZip,
  writeZip,
} from '../dist/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const ROUNDS = 20;

async function time(label, run) {
  await run();
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i += 1) await run();
  const ms = (performance.now() - start) / ROUNDS;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms`);
  return ms;
}

const root = await mkdtemp(join(tmpdir(), 'ipk-branding-bench-'));
try {
  await cp(join(fixtures, 'repo'), root, { recursive: true });
  for (const name of await readdir(join(root, 'plugins'))) {
    await rename(join(root, 'plugins', name, 'built'), join(root, 'plugins', name, 'dist')).catch(
      () => {},
    );
  }
  const gallery = ['contact-list', 'layout-switch', 'send-to-lobby', 'snapshot'].map((name) =>
    join(fixtures, 'gallery', name),
  );
  const pluginDirs = [join(root, 'plugins', 'hello'), join(root, 'plugins', 'quiet'), ...gallery];
  const source = (await readDirTree(gallery[1])).get('layout-switch.plugin.js');
  const sourceText = new TextDecoder().decode(source);

  let result;
  const build = await time(
    `full build, ${pluginDirs.length} plugins (write folder + zip)`,
    async () => {
      result = await buildBranding({ cwd: root, pluginDirs, onProgress: () => {} });
    },
  );
  // Where a full build spends its time: the gap before each progress line belongs to the step before it.
  const stages = new Map();
  for (let i = 0; i < ROUNDS; i += 1) {
    let last = performance.now();
    let step = 'start';
    await buildBranding({
      cwd: root,
      pluginDirs,
      onProgress: (line) => {
        const now = performance.now();
        stages.set(step, (stages.get(step) ?? 0) + now - last);
        step = line.startsWith('Writing') ? 'write folder + zip' : line.replace(/ .*/, '');
        last = now;
      },
    });
    stages.set(step, (stages.get(step) ?? 0) + performance.now() - last);
  }
  for (const [step, total] of stages) {
    console.log(`  build step ${step.padEnd(33)} ${(total / ROUNDS).toFixed(2).padStart(8)} ms`);
  }

  const tree = await readDirTree(join(root, 'dist', 'branding'));
  tree.delete('.ipk-branding-output');
  const check = await time(`check in memory, ${pluginDirs.length} plugins`, () =>
    checkBrandingFiles(tree, 'webapp2/'),
  );
  const vm = await time('probe one source, top level only', () =>
    probePlugin(sourceText, 'layout-switch.plugin.js', { exerciseTimeoutMs: 0 }),
  );
  const played = await time('probe one source, and play it a call', () =>
    probePlugin(sourceText, 'layout-switch.plugin.js', {
      menuItems: [{ placement: 'conference', action: 'openLayoutDialog' }],
    }),
  );
  const modified = new Date();
  let zip;
  const zipMs = await time(`writeZip, ${tree.size} files`, () => {
    zip = writeZip(tree, modified);
  });
  const unzipMs = await time('readZip (limits from headers, counted inflate)', () =>
    readZip(zip, 'bench.zip'),
  );
  const plainUnzipMs = await time('fflate unzipSync alone (no limits)', () => unzipSync(zip));
  const cliRuns = 5;
  const cli = join(here, '..', 'dist', 'cli.js');
  const started = (args) => {
    const start = performance.now();
    for (let i = 0; i < cliRuns; i += 1) spawnSync(process.execPath, args, { stdio: 'ignore' });
    return (performance.now() - start) / cliRuns;
  };
  const nodeOnly = started(['-e', '']);
  const help = started([cli, '--help']);
  const buildHelp = started([cli, 'build', '--help']);
  console.log(`${'node -e "" (no CLI)'.padEnd(44)} ${nodeOnly.toFixed(2).padStart(8)} ms`);
  console.log(`${'ipk-branding --help'.padEnd(44)} ${help.toFixed(2).padStart(8)} ms`);
  console.log(`${'ipk-branding build --help'.padEnd(44)} ${buildHelp.toFixed(2).padStart(8)} ms`);

  console.log('');
  console.log(`zip size: ${zip.byteLength} B for ${result.folderBytes} B of files`);
  console.log(
    `check per plugin: ${(check / pluginDirs.length).toFixed(2)} ms; probing one source: ${vm.toFixed(2)} ms top level, ${played.toFixed(2)} ms with a call played`,
  );
  console.log(
    `check is ${((check * 100) / build).toFixed(0)}% of a full build; zip ${((zipMs * 100) / build).toFixed(0)}%`,
  );
  console.log(`reading a ZIP is ${(zipMs / unzipMs).toFixed(1)}x faster than writing it`);
  console.log(
    `the limits cost ${(unzipMs / plainUnzipMs).toFixed(1)}x a plain unzipSync (${(unzipMs - plainUnzipMs).toFixed(2)} ms)`,
  );
  console.log(`the CLI starts in ${(help - nodeOnly).toFixed(0)} ms beyond node itself`);
} finally {
  await rm(root, { recursive: true, force: true });
}
