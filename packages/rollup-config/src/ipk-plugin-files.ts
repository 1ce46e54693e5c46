import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk, Plugin, PluginContext } from 'rollup';
import {
  checkPluginPackageText,
  formatBeyondTheGuide,
  formatIssue,
  type ValidationIssue,
} from '@ipk/plugin-api';
import { checkPlugin } from '@ipk/plugin-probe';
import { readIconFiles, type IconFile } from './icon-files.js';
import type { PluginLayout } from './plugin-layout.js';

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

/**
 * The webapp2 side of a plugin build. Before bundling: stops at a package file with errors (with
 * `@ipk/plugin-api`'s validator, so you learn it before a bundle is made) and optimises the icons.
 * After bundling: `@ipk/plugin-probe`'s `checkPlugin` (the same check `ipk-branding check` runs)
 * over exactly what `dist/` will hold, and emits the package file and icons next to the bundle.
 * Its errors fail the build, its warnings and what the plugin uses beyond the guide are printed.
 */
export function ipkPluginFiles(layout: PluginLayout, options: IpkPluginFilesOptions = {}): Plugin {
  const onBundleSize =
    options.onBundleSize ?? ((size: BundleSize) => console.log(formatBundleSize(size)));
  let packageText = '';
  let icons: IconFile[] = [];

  return {
    name: 'ipk-plugin-files',

    async buildStart() {
      this.addWatchFile(layout.packageFilePath);
      try {
        packageText = await readFile(layout.packageFilePath, 'utf8');
      } catch (error) {
        this.error(
          `${layout.packageFilePath}: cannot read the plugin package file (${String(error)}). ` +
            'Create it or fix ipkPlugin.packageFile in package.json.',
        );
      }
      // The validator's errors before bundling; its warnings come with the plugin check after it.
      const packageIssues = checkPluginPackageText(packageText, layout.packageFileName).issues;
      stopAtErrors(this, `${layout.name}: the package file is not valid:`, packageIssues);
      try {
        icons = await readIconFiles(layout.assetsDir);
      } catch (error) {
        this.error(`${layout.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const icon of icons) this.addWatchFile(path.join(layout.root, icon.path));
    },

    async generateBundle(_options, bundle) {
      const chunk = entryChunk(this, bundle, layout);
      const files = new Map<string, string>([
        [layout.packageFileName, packageText],
        [chunk.fileName, chunk.code],
        ...icons.map((icon): [string, string] => [icon.path, icon.optimised]),
      ]);
      const check = await checkPlugin({
        files,
        packageFile: layout.packageFileName,
        mode: 'build',
      });
      for (const issue of check.issues) {
        if (issue.severity === 'warning') this.warn(formatIssue(issue));
      }
      for (const finding of check.beyondTheGuide) {
        this.warn(`${chunk.fileName} ${formatBeyondTheGuide(finding)}`);
      }
      stopAtErrors(this, `${layout.name}: the plugin does not hold together:`, check.issues);
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

/**
 * Fails the build when there are errors, with one `file:line:column severity pointer: message`
 * line per error and no stack trace: the stack would point into this plugin, not at the user's file.
 */
function stopAtErrors(context: PluginContext, title: string, issues: ValidationIssue[]): void {
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return;
  context.error({ message: `${title}\n  - ${errors.map(formatIssue).join('\n  - ')}`, stack: '' });
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
