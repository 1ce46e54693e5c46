import { formatBeyondTheGuide, formatIssue } from '@ipk/plugin-api';
import { formatBytes } from './byte-size.js';
import { displayPath } from './display-path.js';
import { columns, linesOf } from './text-columns.js';
import type { BuildResult } from './build-branding.js';
import type { CheckReport } from './check-branding.js';

/**
 * Human-readable check output: issues first (errors, then warnings) as `file:line:column severity
 * pointer: message` lines editors and CI logs link; then one row per plugin; then what each plugin
 * uses beyond the plugin guide; then the verdict.
 */
export function formatCheckReport(report: CheckReport, target: string): string {
  const lines: string[] = [];
  const ordered = [...report.issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  for (const issue of ordered) lines.push(formatIssue(issue));
  if (ordered.length > 0) lines.push('');
  if (report.plugins.length > 0) {
    const table = columns('', ['left', 'left', 'left', 'left']);
    for (const plugin of report.plugins) {
      const failed = report.issues.some(
        (issue) => issue.severity === 'error' && belongsTo(issue.file, plugin.packageFile),
      );
      table.push([
        failed ? '✗' : '✓',
        plugin.id ?? plugin.settingsId,
        plugin.packageFile,
        plugin.menuActions.length > 0 ? `actions: ${plugin.menuActions.join(', ')}` : '',
      ]);
    }
    lines.push(...linesOf(table));
  }
  const beyond = report.plugins.filter((plugin) => plugin.beyondTheGuide.length > 0);
  if (beyond.length > 0) {
    lines.push(
      '',
      'Beyond the plugin guide (works with this webapp2, may break at an Infinity upgrade; found by running each plugin in the probe host):',
    );
    for (const plugin of beyond) {
      lines.push(`  ${plugin.id ?? plugin.settingsId}`);
      for (const finding of plugin.beyondTheGuide) {
        lines.push(`    - ${formatBeyondTheGuide(finding)}`);
      }
    }
  }
  if (report.brandingID !== undefined) lines.push(`brandingID: ${report.brandingID}`);
  const counts = `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}`;
  lines.push(
    report.ok
      ? `${target}: ${counts}. Ready to upload (Services > Web App Customization).`
      : `${target}: ${counts}. Fix the errors before uploading.`,
  );
  return lines.join('\n');
}

/** The summary printed after a build: plugins, sizes, brandingID, paths, and what to do next. */
export function formatBuildSummary(result: BuildResult, cwd: string): string {
  const lines: string[] = [];
  for (const issue of result.check.issues) lines.push(formatIssue(issue));
  if (!result.ok) {
    lines.push(
      `Build stopped: ${plural(result.check.errorCount, 'error')} in the package; nothing was written.`,
    );
    return lines.join('\n');
  }
  if (lines.length > 0) lines.push('');
  lines.push('Branding package ready');
  const plugins = columns('  ', ['left', 'left', 'right', 'left']);
  for (const plugin of result.plugins) {
    const kept = plugin.enabledBy === 'base' ? ' (as in the base package)' : '';
    plugins.push([
      plugin.id,
      `${plugin.enabled ? 'enabled' : 'disabled'}${kept}`,
      formatBytes(plugin.bytes),
      `webapp2/plugins/${plugin.name}/`,
    ]);
  }
  lines.push(...linesOf(plugins));
  const facts = columns('  ', ['left', 'left']);
  if (result.base) {
    const kind =
      result.base.kind === 'management-node-download'
        ? 'Management Node download'
        : 'Branding Portal package';
    facts.push([
      'base:',
      `${displayPath(cwd, result.base.path)} (${kind}, ${result.base.keptFiles} files)`,
    ]);
  }
  facts.push(['brandingID:', result.brandingID]);
  facts.push([
    'folder:',
    `${displayPath(cwd, result.webapp2Dir)}/ (${result.fileCount} files, ${formatBytes(result.folderBytes)})`,
  ]);
  facts.push(['zip:', `${displayPath(cwd, result.zipFile)} (${formatBytes(result.zipBytes)})`]);
  lines.push(...linesOf(facts));
  const keptDisabled = result.plugins.filter(
    (plugin) => plugin.enabledBy === 'base' && !plugin.enabled,
  );
  if (keptDisabled.length > 0) {
    lines.push(
      `Kept disabled as the base package has them: ${keptDisabled.map((plugin) => plugin.id).join(', ')} ` +
        `(switch one on with --enable <id>=true).`,
    );
  }
  lines.push('Upload the zip on the Management Node: Services > Web App Customization.');
  return lines.join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function belongsTo(file: string, packageFile: string): boolean {
  const folder = packageFile.slice(0, packageFile.lastIndexOf('/') + 1);
  return file === packageFile || (folder !== '' && file.startsWith(folder));
}
