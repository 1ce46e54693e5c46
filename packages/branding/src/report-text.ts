import { formatIssue } from '@ipk/plugin-api';
import { displayPath } from './display-path.js';
import type { BuildResult } from './build-branding.js';
import type { CheckReport } from './check-branding.js';

/** Human-readable check output: issues first (errors, then warnings), then one line per plugin and a verdict. */
export function formatCheckReport(report: CheckReport, target: string): string {
  const lines: string[] = [];
  const ordered = [...report.issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  for (const issue of ordered) lines.push(formatIssue(issue));
  if (ordered.length > 0) lines.push('');
  for (const plugin of report.plugins) {
    const mark = report.issues.some(
      (issue) => issue.severity === 'error' && belongsTo(issue.file, plugin.packageFile),
    )
      ? '✗'
      : '✓';
    const actions =
      plugin.menuActions.length > 0 ? `, actions: ${plugin.menuActions.join(', ')}` : '';
    lines.push(`${mark} ${plugin.id ?? plugin.settingsId}  ${plugin.packageFile}${actions}`);
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
  const width = Math.max(...result.plugins.map((plugin) => plugin.id.length), 2);
  for (const plugin of result.plugins) {
    lines.push(
      `  ${plugin.id.padEnd(width)}  ${(plugin.enabled ? 'enabled' : 'disabled').padEnd(8)}  ` +
        `${formatBytes(plugin.bytes).padStart(8)}  webapp2/plugins/${plugin.name}/`,
    );
  }
  if (result.base) {
    const kind =
      result.base.kind === 'management-node-download'
        ? 'Management Node download'
        : 'Branding Portal package';
    lines.push(
      `  base:       ${displayPath(cwd, result.base.path)} (${kind}, ${result.base.keptFiles} files)`,
    );
  }
  lines.push(`  brandingID: ${result.brandingID}`);
  lines.push(
    `  folder:     ${displayPath(cwd, result.webapp2Dir)}/ (${result.fileCount} files, ${formatBytes(result.folderBytes)})`,
  );
  lines.push(`  zip:        ${displayPath(cwd, result.zipFile)} (${formatBytes(result.zipBytes)})`);
  lines.push('Upload the zip on the Management Node: Services > Web App Customization.');
  return lines.join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function belongsTo(file: string, packageFile: string): boolean {
  const folder = packageFile.slice(0, packageFile.lastIndexOf('/') + 1);
  return file === packageFile || (folder !== '' && file.startsWith(folder));
}
