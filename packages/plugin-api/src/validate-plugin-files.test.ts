import { describe, expect, it } from 'vitest';
import { FILE_VALIDATORS } from './check-file-text.js';
import { pluginFileCases, seedRecordingPackage } from './fixtures/plugin-file-cases.js';
import { validatePluginPackage } from './validate-plugin-package.js';
import { compareSettingsEntryWithPackage, validateSettings } from './validate-settings.js';
import { validateManifest } from './validate-manifest.js';

function summary(issues: Array<{ severity: string; pointer: string }>): string[] {
  return issues.map((issue) => `${issue.severity} ${issue.pointer}`).sort();
}

describe.each(['plugin-package', 'settings', 'manifest'] as const)(
  'validating a %s file',
  (kind) => {
    const cases = pluginFileCases.filter((fixture) => fixture.kind === kind);

    it.each(cases.map((fixture) => [fixture.name, fixture] as const))(
      'reports exactly the expected issues: %s',
      (_, fixture) => {
        const result = FILE_VALIDATORS[kind](fixture.value, `fixtures/${kind}.json`);
        expect(summary(result.issues)).toEqual([...fixture.issues].sort());
        const hasError = fixture.issues.some((issue) => issue.startsWith('error'));
        expect(result.ok).toBe(!hasError);
        expect(result.value).toBe(hasError ? undefined : fixture.value);
      },
    );
  },
);

describe('every issue', () => {
  const all = pluginFileCases.flatMap(
    (fixture) => FILE_VALIDATORS[fixture.kind](fixture.value, 'some/file.json').issues,
  );

  it('names the file and says what is wrong in a sentence', () => {
    for (const issue of all) {
      expect(issue.file).toBe('some/file.json');
      expect(issue.message.length).toBeGreaterThan(15);
      expect(issue.message).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it('points with a valid JSON pointer', () => {
    for (const issue of all) expect(issue.pointer).toMatch(/^(\/[^/]*)*$/);
  });
});

describe('validatePluginPackage messages', () => {
  it('names both placements when a file has two, in the order of the file', () => {
    const result = validatePluginPackage(
      { ...seedRecordingPackage, menuItems: { toolbar: [], conference: [] } },
      'plugins/rec/rec.plugin.package.json',
    );
    expect(result.issues.find((issue) => issue.severity === 'error')?.message).toBe(
      'menuItems may have only one of conference, toolbar, participants; found toolbar and conference',
    );
  });

  it('names what it found when a type is wrong', () => {
    const result = validatePluginPackage({
      ...seedRecordingPackage,
      platforms: ['web', 'windows'],
    });
    expect(result.issues[0]?.message).toBe(
      'platforms may contain only web, electron, ios and android, found a string ("windows")',
    );
  });

  it('defaults the file name so issues are never anonymous', () => {
    expect(validatePluginPackage(null).issues[0]?.file).toBe('plugin.package.json');
    expect(validateSettings(null).issues[0]?.file).toBe('settings.json');
    expect(validateManifest(null).issues[0]?.file).toBe('manifest.json');
  });

  it('keeps a key named __proto__ as data instead of failing or polluting', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const result = validatePluginPackage(value);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('compareSettingsEntryWithPackage', () => {
  const entry = {
    id: 'change-layout-1.0',
    srcURL: 'plugins/change-layout/change-layout.plugin.package.json',
    enabled: true,
  };

  it('warns (and only warns) when the settings id differs from the package id, naming both', () => {
    const issues = compareSettingsEntryWithPackage(
      entry,
      { ...seedRecordingPackage, id: 'change-layout-plugin-1.0' },
      'settings.json',
      '/plugins/0',
    );
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: 'settings.json',
        pointer: '/plugins/0/id',
        message: expect.stringContaining(
          '"change-layout-1.0" differs from the package file id "change-layout-plugin-1.0"',
        ),
      },
    ]);
  });

  it('says nothing when the ids match', () => {
    expect(
      compareSettingsEntryWithPackage(
        { ...entry, id: seedRecordingPackage.id },
        seedRecordingPackage,
        'settings.json',
      ),
    ).toEqual([]);
  });
});
