import { describe, expect, it } from 'vitest';
import type { BuildResult, BuiltPlugin } from './build-branding.js';
import type { CheckReport } from './check-branding.js';
import { formatBuildSummary, formatCheckReport } from './report-text.js';

/** Terminal columns a line takes: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(character)
      ? 2
      : 1;
  return width;
}

/** The display column where `word` starts on `line`. */
function columnOf(line: string, word: string): number {
  return displayWidth(line.slice(0, line.indexOf(word)));
}

function plugin(id: string, name: string, enabled: boolean, bytes: number): BuiltPlugin {
  return {
    id,
    name,
    enabled,
    enabledBy: 'default',
    srcURL: `plugins/${name}/${name}.plugin.package.json`,
    files: 3,
    bytes,
  };
}

const check: CheckReport = { ok: true, errorCount: 0, warningCount: 0, plugins: [], issues: [] };

function buildResult(plugins: BuiltPlugin[]): BuildResult {
  return {
    ok: true,
    brandingID: '1796175270912',
    outDir: '/repo/dist/branding',
    webapp2Dir: '/repo/dist/branding/webapp2',
    zipFile: '/repo/dist/branding.zip',
    zipBytes: 2560,
    fileCount: 9,
    folderBytes: 1843,
    plugins,
    check,
  };
}

describe('formatBuildSummary', () => {
  it('aligns its columns by display width, also for ids with wide characters', () => {
    const summary = formatBuildSummary(
      buildResult([
        plugin('hello-plugin-1.0', 'hello', true, 821),
        plugin('会議メモ-1.0', 'notes', false, 12_345),
      ]),
      '/repo',
    );
    const [hello, notes] = summary.split('\n').filter((line) => line.includes('webapp2/plugins/'));
    expect(columnOf(hello ?? '', 'enabled')).toBe(columnOf(notes ?? '', 'disabled'));
    expect(columnOf(hello ?? '', 'webapp2/')).toBe(columnOf(notes ?? '', 'webapp2/'));
    expect(hello).toMatch(/ {3}821 B {2}webapp2\/plugins\/hello\/$/);
    expect(notes).toMatch(/ 12\.1 KiB {2}webapp2\/plugins\/notes\/$/);
  });

  it('lines up the labels of the package facts', () => {
    const summary = formatBuildSummary(buildResult([plugin('a-1.0', 'a', true, 1)]), '/repo');
    expect(summary).toContain(
      [
        '  brandingID:  1796175270912',
        '  folder:      dist/branding/webapp2/ (9 files, 1.8 KiB)',
        '  zip:         dist/branding.zip (2.5 KiB)',
      ].join('\n'),
    );
  });
});

describe('formatCheckReport', () => {
  it('gives each plugin one aligned row, then what each uses beyond the guide', () => {
    const report: CheckReport = {
      ...check,
      plugins: [
        {
          settingsId: 'a-1.0',
          id: 'a-1.0',
          packageFile: 'webapp2/plugins/a/a.plugin.package.json',
          registeredFunctions: ['load', 'unload', 'go'],
          menuActions: ['go'],
          beyondTheGuide: [],
        },
        {
          settingsId: '会議メモ-1.0',
          id: '会議メモ-1.0',
          packageFile: 'webapp2/plugins/notes/notes.plugin.package.json',
          registeredFunctions: ['load', 'unload'],
          menuActions: [],
          beyondTheGuide: [
            {
              kind: 'pex',
              name: 'PEX.selfUUID',
              what: 'reads PEX.selfUUID',
              reason: "the user's own participant uuid",
              where: ['load()'],
            },
          ],
        },
      ],
    };
    const lines = formatCheckReport(report, 'branding.zip').split('\n');
    const [a, notes] = lines.filter((line) => line.includes('.plugin.package.json'));
    expect(columnOf(a ?? '', 'webapp2/')).toBe(columnOf(notes ?? '', 'webapp2/'));
    expect(lines).toContain(
      "    - reads PEX.selfUUID (webapp2 internals, not in the plugin guide): the user's own participant uuid [load()]",
    );
    expect(lines.at(-1)).toBe(
      'branding.zip: 0 errors, 0 warnings. Ready to upload (Services > Web App Customization).',
    );
  });
});
