// How many gzipped bytes each component costs a plugin bundle. Each entry is bundled the way a
// plugin ships (esbuild, minified, one IIFE), gzipped at level 9, and compared with a baseline
// bundle of the shared part every component brings (the IpkElement base, the theme, defineElement).
// Run after `npm run build` (turbo's `bench` task depends on it): it reads dist/.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const baseline = `export { IpkElement, h } from './ipk-element.js'; export { themeTokens, focusRing } from './theme.js'; export { defineElement } from './define-element.js';`;

const entries = {
  'dialog + openDialog': ['open-dialog.js'],
  button: ['button.js'],
  'text-input': ['text-input.js'],
  select: ['select.js'],
  checkbox: ['checkbox.js'],
  'dtmf-keypad': ['dtmf-keypad.js'],
  'layout-picker': ['layout-picker.js'],
  'toast + showToast': ['toast.js'],
  'app classes CSS': ['app-classes.js'],
  'everything (index)': ['index.js'],
};

async function sizes(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: dist, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: 'plugin',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

function entrySource(files) {
  return baseline + '\n' + files.map((file) => `export * from './${file}';`).join('\n');
}

const started = performance.now();
const base = await sizes(baseline);
const rows = [];
for (const [name, files] of Object.entries(entries)) {
  const measured = await sizes(entrySource(files));
  rows.push({
    component: name,
    'minified B': measured.minified,
    'gzip B': measured.gzipped,
    'added gzip B': measured.gzipped - base.gzipped,
    'added / shared': ((measured.gzipped - base.gzipped) / base.gzipped).toFixed(2),
  });
}

console.log(
  `Shared part (IpkElement, theme, defineElement): ${base.minified} B minified, ${base.gzipped} B gzipped. ` +
    `"added" = bytes on top of it; "added / shared" = ratio to it.`,
);
console.table(rows);
console.log(`${rows.length + 1} bundles in ${(performance.now() - started).toFixed(0)} ms`);
