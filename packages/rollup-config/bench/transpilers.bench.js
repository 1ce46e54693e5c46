// Measures the TypeScript step of a plugin build: rollup-plugin-esbuild (what definePluginConfig
// uses) against @rollup/plugin-typescript 12, on the same generated plugin, minified output both.
// Prints median wall time per full build and the ratio. Run: npm run bench (after npm run build).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { definePluginConfig } from '../dist/index.js';

const MODULES = 40;
const RUNS = 5;

async function writePlugin() {
  const root = await mkdtemp(path.join(tmpdir(), 'ipk-rollup-bench-'));
  await mkdir(path.join(root, 'src'));
  await writeFile(
    path.join(root, 'package.json'),
    JSON.stringify({ type: 'module', ipkPlugin: { packageFile: 'bench.plugin.package.json' } }),
  );
  await writeFile(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2020',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        skipLibCheck: true,
      },
      include: ['src'],
    }),
  );
  await writeFile(
    path.join(root, 'bench.plugin.package.json'),
    JSON.stringify({
      id: 'bench-plugin-1.0',
      name: 'bench',
      description: 'bench',
      version: 1,
      srcURL: 'bench.plugin.js',
      allowUnload: true,
      platforms: ['web'],
      participantRoles: ['chair'],
      menuItems: { conference: [{ icon: null, label: 'Bench', action: 'run' }] },
    }),
  );
  const imports = [];
  for (let i = 0; i < MODULES; i += 1) {
    await writeFile(
      path.join(root, 'src', `part-${i}.ts`),
      `export interface Row${i} { readonly id: number; readonly name: string; readonly tags: readonly string[] }\n` +
        `export function summarise${i}(rows: readonly Row${i}[]): string {\n` +
        `  const byTag = new Map<string, number>();\n` +
        `  for (const row of rows) for (const tag of row.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);\n` +
        `  return [...byTag].map(([tag, count]) => \`\${tag}=\${count}\`).join(',') + '${i}';\n}\n`,
    );
    imports.push(`import { summarise${i} } from './part-${i}';`);
  }
  await writeFile(
    path.join(root, 'src', 'index.ts'),
    `${imports.join('\n')}\ndeclare const PEX: { pluginAPI: { registerPlugin(p: object): void } };\n` +
      `const all = [${Array.from({ length: MODULES }, (_, i) => `summarise${i}`).join(', ')}];\n` +
      `PEX.pluginAPI.registerPlugin({ id: 'bench-plugin-1.0', load() {}, unload() {}, run() { return all.map((f) => f([])); } });\n`,
  );
  return root;
}

async function timeBuild(config) {
  const started = performance.now();
  const bundle = await rollup({ ...config, onLog: () => undefined });
  await bundle.generate(config.output);
  await bundle.close();
  return performance.now() - started;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function compare(root, minify) {
  const esbuildConfig = await definePluginConfig({ root, minify, onBundleSize: () => undefined });
  const typescriptConfig = {
    ...esbuildConfig,
    plugins: esbuildConfig.plugins.map((plugin) =>
      plugin.name === 'esbuild'
        ? typescript({
            tsconfig: path.join(root, 'tsconfig.json'),
            include: ['src/**/*.ts'],
            filterRoot: root,
            outputToFilesystem: false,
          })
        : plugin,
    ),
  };
  const results = {};
  for (const [name, config] of [
    ['rollup-plugin-esbuild', esbuildConfig],
    ['@rollup/plugin-typescript', typescriptConfig],
  ]) {
    await timeBuild(config); // warm-up
    const times = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await timeBuild(config));
    results[name] = median(times);
    console.log(
      `${minify ? 'minified' : 'unminified'} build with ${name}: median ${results[name].toFixed(0)} ms (${RUNS} runs, ${MODULES + 1} modules)`,
    );
  }
  const ratio = results['@rollup/plugin-typescript'] / results['rollup-plugin-esbuild'];
  console.log(
    `  ratio: @rollup/plugin-typescript takes ${ratio.toFixed(1)}x as long as rollup-plugin-esbuild`,
  );
}

const root = await writePlugin();
try {
  await compare(root, false);
  await compare(root, true);
} finally {
  await rm(root, { recursive: true, force: true });
}
