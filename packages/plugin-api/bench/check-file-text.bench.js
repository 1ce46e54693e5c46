// Measures the validators on this machine and prints figures and ratios (never asserted): their
// speed, and what they add to a browser bundle (the host app runs them).
// Run after a build: `npm run bench -w @ipk/plugin-api`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { checkPluginPackageText, checkSettingsText, validatePluginPackage } from '../dist/index.js';

const packageText = readFileSync(
  new URL('../fixtures/real-shapes/layout-switcher.plugin.package.json', import.meta.url),
  'utf8',
);
const bigSettingsText = JSON.stringify(
  {
    plugins: Array.from({ length: 1000 }, (_, index) => ({
      id: `plugin-${index}`,
      srcURL: `plugins/plugin-${index}/plugin-${index}.plugin.package.json`,
      enabled: index % 2 === 0,
    })),
  },
  null,
  2,
);

/**
 * Operations per second of `work`, from the fastest of many short runs: the machine is shared, and
 * the fastest run is the one least disturbed by other work.
 */
function opsPerSecond(work, batch = 50, runs = 40) {
  for (let warm = 0; warm < 4 * batch; warm += 1) work();
  let fastest = Infinity;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    for (let index = 0; index < batch; index += 1) work();
    fastest = Math.min(fastest, (performance.now() - start) / batch);
  }
  return 1000 / fastest;
}

function report(label, ops) {
  console.log(
    `${label.padEnd(58)} ${Math.round(ops).toLocaleString('en-US').padStart(10)} ops/s  ${(1e6 / ops).toFixed(1).padStart(8)} µs/op`,
  );
  return ops;
}

console.log(
  `package file: ${packageText.length} bytes; settings.json: ${bigSettingsText.length} bytes, 1000 plugins\n`,
);
const native = report(
  'JSON.parse + validatePluginPackage (no positions)',
  opsPerSecond(() => validatePluginPackage(JSON.parse(packageText), 'p.json')),
);
const located = report(
  'checkPluginPackageText (positions + line:column)',
  opsPerSecond(() => checkPluginPackageText(packageText, 'p.json')),
);
const settings = report(
  'checkSettingsText, 1000 plugins',
  opsPerSecond(() => checkSettingsText(bigSettingsText, 'settings.json'), 2),
);
console.log(
  `\nratio located / native parse for a package file: ${(native / located).toFixed(2)}× slower`,
);
console.log(`1000-plugin settings.json: ${(1000 / settings).toFixed(2)} ms per check`);

/** Bytes of `exports` from dist/index.js bundled and minified for a browser, raw and gzipped. */
async function bundledSize(exports) {
  const result = await build({
    stdin: {
      contents: `export { ${exports.join(', ')} } from './dist/index.js';`,
      resolveDir: new URL('..', import.meta.url).pathname,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  return `${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`;
}

console.log('\nbundled and minified for the browser (esbuild):');
const checkers = [
  'checkPluginPackageText',
  'checkSettingsText',
  'checkManifestText',
  'formatIssue',
];
console.log(`  the three checkers (parser + validators)  ${await bundledSize(checkers)}`);
console.log(
  `  the parser alone (parseLocatedJson)        ${await bundledSize(['parseLocatedJson'])}`,
);
