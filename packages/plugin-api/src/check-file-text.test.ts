import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifestText, checkPluginPackageText, checkSettingsText } from './check-file-text.js';
import { formatIssue } from './validation-issue.js';
import { compareSettingsEntryWithPackage } from './validate-settings.js';

function realShape(name: string): string {
  return readFileSync(new URL(`../fixtures/real-shapes/${name}`, import.meta.url), 'utf8');
}

const twoPlacements = `{
  "id": "recording-plugin-1.0",
  "name": "recording",
  "description": "Record the conference",
  "version": 1.0,
  "srcURL": "recording.plugin.js",
  "allowUnload": true,
  "platforms": ["web"],
  "participantRoles": ["chair"],
  "menuItems": {
    "toolbar": [{ "icon": null, "label": null, "action": "recordConference" }],
    "conference": [{ "icon": null, "label": "Record", "action": "recordConference" }]
  }
}`;

describe('checkPluginPackageText', () => {
  it('places an issue at the key its JSON pointer names, and formats it for editors and CI logs', () => {
    const result = checkPluginPackageText(twoPlacements, 'plugins/rec/rec.plugin.package.json');
    expect(result.ok).toBe(false);
    expect(result.issues.map(formatIssue)).toEqual([
      'plugins/rec/rec.plugin.package.json:10:3 error /menuItems: menuItems may have only one of conference, toolbar, participants; found toolbar and conference',
    ]);
  });

  it('places an issue about a missing key at the object that lacks it', () => {
    const text = '{\n  "menuItems": {\n    "toolbar": [\n      { "icon": null }\n    ]\n  }\n}';
    const missingAction = checkPluginPackageText(text, 'p.json').issues.find((issue) =>
      issue.message.startsWith('action is required'),
    );
    expect(missingAction).toMatchObject({ pointer: '/menuItems/toolbar/0', line: 4, column: 7 });
  });

  it('says "did you mean" for a misspelt required field, at the misspelt key', () => {
    const withoutMenu = `${twoPlacements.slice(0, twoPlacements.indexOf(',\n  "menuItems"'))}\n}`;
    const text = withoutMenu.replace('"participantRoles"', '"particpantRoles"');
    expect(checkPluginPackageText(text, 'p.json').issues.map(formatIssue)).toEqual([
      'p.json:9:3 error /particpantRoles: participantRoles is required (e.g. ["chair", "guest"]); found "particpantRoles": did you mean "participantRoles"?',
      'p.json:1:1 warning (root): menuItems is missing: the plugin adds no button or menu item (write {} to say so)',
    ]);
  });

  it('says "did you mean" for a misspelt optional field, a placement and a menu item field', () => {
    const text =
      '{"id": "a", "name": "a", "description": "", "version": 1, "srcURL": "a.js",\n' +
      ' "allowUnload": true, "platforms": ["web"], "participantRoles": ["chair"],\n' +
      ' "menuItem": {"toolbar": [{"icon": null, "labl": "Go", "action": "go"}]}}';
    expect(checkPluginPackageText(text, 'p.json').issues.map(formatIssue)).toEqual([
      'p.json:3:2 warning /menuItem: "menuItem" is not a package file field in the Pexip guide; webapp2 ignores it; did you mean "menuItems"?',
    ]);
    const placed = text.replace('"menuItem"', '"menuItems"').replace('"toolbar"', '"tolbar"');
    expect(checkPluginPackageText(placed, 'p.json').issues.map(formatIssue)).toEqual([
      'p.json:3:16 warning /menuItems/tolbar: menuItems has an unknown placement "tolbar" that webapp2 ignores; expected one of conference, toolbar, participants; did you mean "toolbar"?',
    ]);
    const item = text.replace('"menuItem"', '"menuItems"');
    expect(checkPluginPackageText(item, 'p.json').issues.map(formatIssue)).toEqual([
      'p.json:3:43 warning /menuItems/toolbar/0/labl: "labl" is not a menu item field in the Pexip guide; webapp2 ignores it; did you mean "label"?',
    ]);
  });

  it('reports a syntax error once, with its line and column, and no validation noise', () => {
    const result = checkPluginPackageText('{\n  "id": "x",\n}\n', 'p.json');
    expect(result.issues).toHaveLength(1);
    expect(formatIssue(result.issues[0]!)).toBe(
      "p.json:3:1 error (root): invalid JSON: expected a property name (trailing commas are not JSON), found '}'",
    );
  });

  it('hands back the typed value when the file has only warnings', () => {
    const result = checkPluginPackageText(
      realShape('webpack-template.plugin.package.json'),
      'p.json',
    );
    expect(result.ok).toBe(true);
    expect(result.value?.id).toBe('template-built-plugin');
  });
});

describe('package files shaped like the ones Pexip ships load without errors', () => {
  const expectations: Array<[string, string[]]> = [
    ['state-driven-toolbar.plugin.package.json', []],
    ['layout-switcher.plugin.package.json', []],
    [
      'webpack-template.plugin.package.json',
      ['warning /version 5:3', 'warning  1:1', 'warning /configuration 10:3'],
    ],
    ['listener-only.plugin.package.json', ['warning /menuItems 10:3']],
    ['empty-toolbar.plugin.package.json', ['warning /menuItems/toolbar 11:5']],
    ['unlabelled-participant-item.plugin.package.json', ['warning /menuItems/participants/0 12:7']],
    ['icon-without-id.plugin.package.json', ['warning /menuItems/participants/0/icon 13:9']],
  ];

  it.each(expectations)('%s', (name, warnings) => {
    const result = checkPluginPackageText(realShape(name), name);
    expect(result.ok).toBe(true);
    expect(
      result.issues.map(
        (issue) => `${issue.severity} ${issue.pointer} ${issue.line}:${issue.column}`,
      ),
    ).toEqual(warnings);
  });
});

describe('checkSettingsText and checkManifestText', () => {
  it('say "did you mean" for a misspelt settings entry field and manifest key', () => {
    const settings = '{"plugins": [\n  {"id": "a", "srcURL": "a.json", "enable": true}\n]}';
    expect(checkSettingsText(settings, 'settings.json').issues.map(formatIssue)).toEqual([
      'settings.json:2:35 error /plugins/0/enable: enabled is required (true: loaded by default); found "enable": did you mean "enabled"?',
    ]);
    const manifest =
      '{\n  "brandingID": "1",\n  "isSettingsBranded": true,\n  "isWatermarkbranded": false\n}';
    expect(checkManifestText(manifest, 'manifest.json').issues.map(formatIssue)).toEqual([
      'manifest.json:4:3 warning /isWatermarkbranded: "isWatermarkbranded" is not a manifest key webapp2 reads; did you mean "isWatermarkBranded"?',
    ]);
  });

  it('accept the branding-root files of a real-shaped package', () => {
    expect(checkSettingsText(realShape('settings.json'), 'settings.json')).toMatchObject({
      ok: true,
      issues: [],
    });
    expect(checkManifestText(realShape('manifest.json'), 'manifest.json')).toMatchObject({
      ok: true,
      issues: [],
    });
  });

  it('places a duplicate plugin id at the second entry', () => {
    const text =
      '{"plugins": [\n  {"id": "a", "srcURL": "a.json", "enabled": true},\n  {"id": "a", "srcURL": "b.json", "enabled": true}\n]}';
    expect(checkSettingsText(text, 'settings.json').issues).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/plugins/1/id', line: 3, column: 4 }),
    ]);
  });

  it('warns when a settings id differs from its package file id, as layout-switcher does', () => {
    const settings = checkSettingsText(realShape('settings.json'), 'settings.json').value;
    const pkg = checkPluginPackageText(
      realShape('layout-switcher.plugin.package.json'),
      'p.json',
    ).value;
    expect(settings && pkg).toBeTruthy();
    const issues = compareSettingsEntryWithPackage(
      settings!.plugins[0]!,
      pkg!,
      'settings.json',
      '/plugins/0',
    );
    expect(issues.map((issue) => issue.severity)).toEqual(['warning']);
  });

  it('says why a manifest without isSettingsBranded keeps plugins out', () => {
    const result = checkManifestText('{"brandingID": 1}', 'manifest.json');
    expect(result.issues.map(formatIssue)).toEqual([
      'manifest.json:1:1 error (root): isSettingsBranded is required and must be true, or webapp2 ignores settings.json and its plugins',
    ]);
  });
});

describe('formatIssue', () => {
  it('leaves out a position it does not know', () => {
    expect(
      formatIssue({ severity: 'warning', file: 'a.json', pointer: '/version', message: 'm' }),
    ).toBe('a.json warning /version: m');
  });
});
