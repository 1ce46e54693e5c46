// A plugin's `npm run bench`: where the bytes of its bundle go, per package and per module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { generateChunk } from './bundle-plugin.js';
import { definePluginConfig, type PluginConfigOptions } from './define-plugin-config.js';

/** The bytes one source module (or one package) takes in the minified bundle. */
export interface SizeShare {
  /** `lit-html`, `@ipk/dialogs`, or `(this plugin)` for the plugin's own sources. */
  readonly owner: string;
  /** The module's path inside its package (`dist/dialog.js`); empty for a package total. */
  readonly module: string;
  readonly bytes: number;
  /**
   * Estimated gzipped bytes: this share's bytes gzipped alone, scaled so that all shares add up to
   * the bundle's real gzipped size (gzip compresses across module boundaries, so an exact split
   * does not exist; the estimate ranks the shares the way removing them would).
   */
  readonly gzipBytes: number;
}

export interface BundleSizeReport {
  readonly fileName: string;
  /** Minified bytes and gzipped bytes (level 9) of the whole bundle, as the build prints them. */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Largest first. Bytes no source maps to (the IIFE wrapper, glue) are `(unmapped)`. */
  readonly packages: readonly SizeShare[];
  readonly modules: readonly SizeShare[];
}

const THIS_PLUGIN = '(this plugin)';
const UNMAPPED = '(unmapped)';

/**
 * Builds the plugin as `rollup -c` does (minified, same config) in memory and attributes every
 * byte of the output to the source module its source map points at.
 */
export async function measureBundleSize(
  options: PluginConfigOptions = {},
): Promise<BundleSizeReport> {
  const root = path.resolve(options.root ?? process.cwd());
  // The type check changes no byte: it is the build's and the typecheck task's job, not this one's.
  const config = await definePluginConfig({
    typeCheck: false,
    ...options,
    root,
    onBundleSize: () => undefined,
  });
  const chunk = await generateChunk(config, { sourcemap: true });
  if (!chunk.map) throw new Error(`${chunk.fileName}: Rollup produced no source map to analyse.`);
  const ownerOf = packageOwners(root);
  // The map's sources are relative to the folder the config writes to.
  const output = Array.isArray(config.output) ? config.output[0] : config.output;
  const outDir = output?.dir ?? path.join(root, 'dist');
  const texts = textBySource(chunk.code, chunk.map.mappings, chunk.map.sources);
  const modules = [...texts].map(([source, text]) => {
    if (source === UNMAPPED) return { owner: UNMAPPED, module: '', text };
    return { ...ownerOf(path.resolve(outDir, source)), text };
  });
  const gzipBytes = gzipSync(chunk.code, { level: 9 }).length;
  const packages = new Map<string, string>();
  for (const { owner, text } of modules) packages.set(owner, (packages.get(owner) ?? '') + text);
  return {
    fileName: chunk.fileName,
    bytes: Buffer.byteLength(chunk.code),
    gzipBytes,
    packages: shares(
      [...packages].map(([owner, text]) => ({ owner, module: '', text })),
      gzipBytes,
    ),
    modules: shares(modules, gzipBytes),
  };
}

/**
 * The generated text each source maps to (source-map columns count UTF-16 units, as JS does). A
 * line with no segment, or the start of a line before its first one, continues the previous
 * segment: the inside of a multi-line template literal (a component's CSS or HTML) has none.
 */
function textBySource(
  code: string,
  mappings: string,
  sources: readonly string[],
): Map<string, string> {
  const texts = new Map<string, string>();
  let current = UNMAPPED;
  const add = (text: string): void => {
    if (text !== '') texts.set(current, (texts.get(current) ?? '') + text);
  };
  const lines = code.split('\n');
  const decoded = decode(mappings);
  lines.forEach((line, lineIndex) => {
    const segments = decoded[lineIndex] ?? [];
    add((lineIndex === 0 ? '' : '\n') + line.slice(0, segments[0]?.[0] ?? line.length));
    segments.forEach((segment, index) => {
      current = segment.length > 1 ? (sources[segment[1] ?? -1] ?? UNMAPPED) : UNMAPPED;
      add(line.slice(segment[0], segments[index + 1]?.[0] ?? line.length));
    });
  });
  return texts;
}

function shares(
  parts: readonly { owner: string; module: string; text: string }[],
  totalGzip: number,
): SizeShare[] {
  const alone = parts.map((part) => gzipSync(part.text, { level: 9 }).length);
  const sum = alone.reduce((total, bytes) => total + bytes, 0) || 1;
  return parts
    .map((part, index) => ({
      owner: part.owner,
      module: part.module,
      bytes: Buffer.byteLength(part.text),
      gzipBytes: Math.round(((alone[index] ?? 0) * totalGzip) / sum),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Names a file by the package.json nearest above it: workspace packages resolve to their folders. */
function packageOwners(pluginRoot: string): (file: string) => { owner: string; module: string } {
  const names = new Map<string, string | undefined>();
  return (file) => {
    for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (!names.has(dir)) names.set(dir, packageNameIn(dir));
      const name = names.get(dir);
      if (name === undefined) continue;
      const owner = path.resolve(dir) === pluginRoot ? THIS_PLUGIN : name;
      return { owner, module: path.relative(dir, file).split(path.sep).join('/') };
    }
    return { owner: UNMAPPED, module: file };
  };
}

function packageNameIn(dir: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name?: unknown;
    };
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The report as printed by `ipk-bundle-report`: totals, then per package, then per module. */
export function formatBundleSizeReport(report: BundleSizeReport, topModules = 15): string {
  const row = (share: SizeShare): string => {
    const name = share.module === '' ? share.owner : `${share.owner} ${share.module}`;
    const percent = ((100 * share.gzipBytes) / report.gzipBytes).toFixed(0).padStart(3);
    return `  ${String(share.bytes).padStart(7)} B  ${String(share.gzipBytes).padStart(6)} B gz ${percent} %  ${name}`;
  };
  return [
    `${report.fileName}: ${report.bytes} B minified, ${report.gzipBytes} B gzipped (level 9)`,
    'By package (minified bytes, estimated gzip share):',
    ...report.packages.map(row),
    `Largest modules (${Math.min(topModules, report.modules.length)} of ${report.modules.length}):`,
    ...report.modules.slice(0, topModules).map(row),
  ].join('\n');
}

/**
 * Measures the plugin in `root` (default: the current directory) and prints the report; a plugin's
 * `bench` script: `node -e "import('@ipk/rollup-config').then((m) => m.printBundleSizeReport())"`.
 */
export async function printBundleSizeReport(root = process.cwd()): Promise<void> {
  try {
    console.log(formatBundleSizeReport(await measureBundleSize({ root })));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
