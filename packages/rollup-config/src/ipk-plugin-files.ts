import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk, Plugin, PluginContext } from 'rollup';
import { checkPluginPackageText, formatIssue } from '@ipk/plugin-api';
import { iconReferencesInCode, readIconFiles, type IconFile } from './icon-files.js';
import { checkPluginConsistency, packageFactsFrom } from './plugin-consistency.js';
import type { PluginLayout } from './plugin-layout.js';
import { probeRegistration } from './registration-probe.js';

/** One line of the size report printed after a build. */
export interface BundleSize {
  readonly fileName: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface IpkPluginFilesOptions {
  /** Receives the size of each emitted bundle; the default prints one line per bundle. */
  readonly onBundleSize?: (size: BundleSize) => void;
}

const PLUGIN_NAME = 'ipk-plugin-files';

/**
 * The webapp2 side of a plugin build. Before bundling: validates the package file (with
 * `@ipk/plugin-api`, the one validator path the whole kit uses) and optimises the icons. After
 * bundling: runs the bundle against a recording fake `PEX`, cross-checks ids, actions and icons,
 * and emits the package file and icons next to the bundle. Any mismatch fails the build.
 */
export function ipkPluginFiles(layout: PluginLayout, options: IpkPluginFilesOptions = {}): Plugin {
  const onBundleSize = options.onBundleSize ?? printBundleSize;
  let packageText = '';
  let packageFile: unknown;
  let icons: IconFile[] = [];

  return {
    name: PLUGIN_NAME,

    async buildStart() {
      this.addWatchFile(layout.packageFilePath);
      packageText = await readPackageText(this, layout);
      packageFile = validatePackageText(this, packageText, layout);
      try {
        icons = await readIconFiles(layout.assetsDir);
      } catch (error) {
        this.error(`${layout.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const icon of icons) this.addWatchFile(path.join(layout.root, icon.path));
    },

    generateBundle(_options, bundle) {
      const chunk = entryChunk(this, bundle, layout);
      const report = checkPluginConsistency({
        packageFileName: layout.packageFileName,
        bundleFileName: layout.bundleFileName,
        packageFacts: packageFactsFrom(packageFile),
        probe: probeRegistration(chunk.code, chunk.fileName),
        icons,
        iconReferencesInBundle: iconReferencesInCode(chunk.code),
      });
      for (const warning of report.warnings) this.warn(warning);
      if (report.errors.length > 0) {
        this.error(
          `${layout.name}: the plugin does not hold together:\n  - ${report.errors.join('\n  - ')}`,
        );
      }
      this.emitFile({ type: 'asset', fileName: layout.packageFileName, source: packageText });
      for (const icon of icons) {
        this.emitFile({ type: 'asset', fileName: icon.path, source: icon.optimised });
      }
      onBundleSize({
        fileName: chunk.fileName,
        bytes: Buffer.byteLength(chunk.code),
        gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      });
    },
  };
}

async function readPackageText(context: PluginContext, layout: PluginLayout): Promise<string> {
  try {
    return await readFile(layout.packageFilePath, 'utf8');
  } catch (error) {
    return context.error(
      `${layout.packageFilePath}: cannot read the plugin package file (${String(error)}). ` +
        'Create it or fix ipkPlugin.packageFile in package.json.',
    );
  }
}

function validatePackageText(context: PluginContext, text: string, layout: PluginLayout): unknown {
  const result = checkPluginPackageText(text, layout.packageFileName);
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  for (const issue of result.issues) {
    if (issue.severity === 'warning') context.warn(formatIssue(issue));
  }
  if (!result.ok || errors.length > 0) {
    context.error(
      `${layout.name}: the package file is not valid:\n  - ${errors.map(formatIssue).join('\n  - ')}`,
    );
  }
  return result.value;
}

function entryChunk(
  context: PluginContext,
  bundle: OutputBundle,
  layout: PluginLayout,
): OutputChunk {
  const chunks = Object.values(bundle).filter(
    (output): output is OutputChunk => output.type === 'chunk',
  );
  const [chunk, ...others] = chunks;
  if (!chunk || others.length > 0 || !chunk.isEntry) {
    return context.error(
      `${layout.name}: expected exactly one entry chunk, got ${chunks.map((c) => c.fileName).join(', ') || 'none'}. ` +
        'webapp2 loads one classic script per plugin: avoid dynamic import().',
    );
  }
  return chunk;
}

export function formatBundleSize(size: BundleSize): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return `${size.fileName}: ${kb(size.bytes)} minified, ${kb(size.gzipBytes)} gzipped`;
}

function printBundleSize(size: BundleSize): void {
  console.log(formatBundleSize(size));
}
