// Measures the validators on this machine and prints figures and ratios (never asserted).
// Run after a build: `npm run bench -w @ipk/plugin-api`.
import { readFileSync } from 'node:fs';
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

/** Runs `work` repeatedly for about `milliseconds` and answers operations per second. */
function opsPerSecond(work, milliseconds = 400) {
  for (let warm = 0; warm < 200; warm += 1) work();
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < milliseconds) {
    for (let batch = 0; batch < 50; batch += 1) work();
    operations += 50;
    elapsed = performance.now() - start;
  }
  return (operations * 1000) / elapsed;
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
  opsPerSecond(() => checkSettingsText(bigSettingsText, 'settings.json'), 800),
);
console.log(
  `\nratio located / native parse for a package file: ${(native / located).toFixed(2)}× slower`,
);
console.log(`1000-plugin settings.json: ${(1000 / settings).toFixed(2)} ms per check`);
