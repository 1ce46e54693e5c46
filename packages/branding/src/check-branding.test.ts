import type { ValidationIssue } from '@ipk/plugin-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { galleryBrandingTree, json, readJson, readText, text } from '../test/fixture-trees.js';
import { checkBrandingFiles, type CheckReport } from './check-branding.js';
import type { FileTree } from './zip-archive.js';

const SETTINGS = 'webapp2/settings.json';
const MANIFEST = 'webapp2/manifest.json';
const LAYOUT = 'webapp2/plugins/layout-switch';
const LAYOUT_PACKAGE = `${LAYOUT}/layout-switch.plugin.package.json`;
const LAYOUT_SOURCE = `${LAYOUT}/layout-switch.plugin.js`;

let tree: FileTree;
beforeEach(async () => {
  tree = await galleryBrandingTree();
});

function check(
  files: FileTree = tree,
  options: Parameters<typeof checkBrandingFiles>[2] = {},
): CheckReport {
  return checkBrandingFiles(files, 'webapp2/', options);
}

function errors(report: CheckReport): ValidationIssue[] {
  return report.issues.filter((issue) => issue.severity === 'error');
}

function editJson(path: string, edit: (value: Record<string, unknown>) => void): void {
  const value = readJson(tree, path) as Record<string, unknown>;
  edit(value);
  tree.set(path, json(value));
}

function editText(path: string, edit: (value: string) => string): void {
  tree.set(path, text(edit(readText(tree, path))));
}

/** The layout-switch package file's menu item, for edits. */
function layoutMenuItem(value: Record<string, unknown>): Record<string, unknown> {
  return (
    (value['menuItems'] as Record<string, unknown[]>)['conference'] as Record<string, unknown>[]
  )[0] as Record<string, unknown>;
}

describe('checkBrandingFiles on gallery-shaped plugins', () => {
  it('passes Pexip-gallery-shaped plugins without errors', () => {
    const report = check();
    expect(errors(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.brandingID).toBe('1521829718679');
    expect(report.plugins.map((plugin) => [plugin.id, plugin.registeredFunctions])).toEqual([
      ['contact-list-plugin-1.0', ['load', 'unload', 'showContacts']],
      ['layout-switch-plugin-1.0', ['load', 'unload', 'openLayoutDialog']],
      ['send-to-lobby-plugin-1.0', ['load', 'unload', 'sendToLobby']],
      ['snapshot-plugin-1.0', ['load', 'unload', 'openSnapshotDialog']],
    ]);
  });

  it('warns, without failing, when a settings id differs from the package id (as pexip/plugin-change-layout ships)', () => {
    const report = check();
    const warning = report.issues.find(
      (issue) => issue.file === SETTINGS && issue.pointer === '/plugins/1/id',
    );
    expect(warning).toMatchObject({ severity: 'warning', line: expect.any(Number) });
    expect(warning?.message).toContain('layout-switch-plugin-1.0');
  });

  it('accepts a folder whose root is the webapp2 folder itself', () => {
    const unprefixed: FileTree = new Map(
      [...tree].map(([path, bytes]) => [path.replace(/^webapp2\//, ''), bytes]),
    );
    expect(checkBrandingFiles(unprefixed, '').ok).toBe(true);
  });
});

describe('checkBrandingFiles finds each mistake', () => {
  it('a JSON syntax error in settings.json, with file, line and column', () => {
    editText(SETTINGS, (value) => value.replace('"enabled": true', '"enabled": true,,'));
    const [issue] = errors(check());
    expect(issue).toMatchObject({ file: SETTINGS, line: 6, column: 23 });
    expect(issue?.message).toContain('invalid JSON');
  });

  it('a missing manifest.json (a Management Node download as it comes)', () => {
    tree.delete(MANIFEST);
    expect(errors(check())).toEqual([expect.objectContaining({ file: MANIFEST, pointer: '' })]);
  });

  it('a manifest that does not switch settings branding on (schema of @ipk/plugin-api)', () => {
    editJson(MANIFEST, (value) => {
      value['isSettingsBranded'] = false;
    });
    expect(errors(check())).toEqual([
      expect.objectContaining({ file: MANIFEST, pointer: '/isSettingsBranded', line: 3 }),
    ]);
  });

  it('a missing settings.json', () => {
    tree.delete(SETTINGS);
    expect(errors(check())).toEqual([expect.objectContaining({ file: SETTINGS, pointer: '' })]);
  });

  it('a settings srcURL that does not resolve to a file in the package', () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[2]!['srcURL'] =
        'plugins/send-to-lobby/lobby.plugin.package.json';
    });
    expect(errors(check())).toEqual([
      expect.objectContaining({
        file: SETTINGS,
        pointer: '/plugins/2/srcURL',
        line: expect.any(Number),
      }),
    ]);
  });

  it('a settings srcURL that climbs out of the package', () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[2]!['srcURL'] =
        '../../elsewhere.plugin.package.json';
    });
    expect(errors(check())[0]?.message).toContain('points outside the branding package');
  });

  it('only a warning for a srcURL on another server, which the check does not fetch', () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[0]!['srcURL'] =
        'https://plugins.example.com/x.plugin.package.json';
    });
    const report = check();
    expect(report.ok).toBe(true);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: SETTINGS,
        pointer: '/plugins/0/srcURL',
      }),
    );
  });

  it('a package file that breaks the @ipk/plugin-api schema (two menu placements)', () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      (value['menuItems'] as Record<string, unknown>)['toolbar'] = [
        { icon: null, label: 'x', action: 'openLayoutDialog' },
      ];
    });
    expect(errors(check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/menuItems' }),
    ]);
  });

  it('a package srcURL that does not resolve', () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      value['srcURL'] = 'layout.plugin.js';
    });
    expect(errors(check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/srcURL', line: 6 }),
    ]);
  });

  it('a package id that differs from the id the source registers', () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      value['id'] = 'layout-switch-plugin-2.0';
    });
    const found = errors(check());
    expect(found).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/id', line: 2 }),
    ]);
    expect(found[0]?.message).toContain('the source registers "layout-switch-plugin-1.0"');
  });

  it('a menu action that the source does not register', () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      layoutMenuItem(value)['action'] = 'openLayoutPicker';
    });
    const found = errors(check());
    expect(found).toEqual([
      expect.objectContaining({
        file: LAYOUT_PACKAGE,
        pointer: '/menuItems/conference/0/action',
        line: expect.any(Number),
      }),
    ]);
    expect(found[0]?.message).toBe(
      'action "openLayoutPicker" is not passed to registerPlugin (registered functions: load, unload, openLayoutDialog)',
    );
  });

  it('a menu action that is registered but is not a function', () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      layoutMenuItem(value)['action'] = 'state$';
    });
    expect(errors(check())[0]?.message).toContain('registered as a object, not a function');
  });

  it('an icon file that is not in the package', () => {
    tree.delete(`${LAYOUT}/assets/images/tiles.svg`);
    expect(errors(check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/menuItems/conference/0/icon' }),
    ]);
  });

  it('an icon file without the referenced id', () => {
    editText(`${LAYOUT}/assets/images/tiles.svg`, (value) =>
      value.replace('id="tiles"', 'id="grid"'),
    );
    expect(errors(check())[0]?.message).toBe(
      'icon "assets/images/tiles.svg#tiles": webapp2/plugins/layout-switch/assets/images/tiles.svg has no element with id="tiles"',
    );
  });

  it('two plugins with the same package id under different settings ids', () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as unknown[]).push({
        id: 'layout-switch-copy',
        srcURL: 'plugins/layout-copy/layout-switch.plugin.package.json',
        enabled: true,
      });
    });
    for (const [path, bytes] of [...tree]) {
      if (path.startsWith(`${LAYOUT}/`))
        tree.set(path.replace(LAYOUT, 'webapp2/plugins/layout-copy'), bytes);
    }
    const found = errors(check());
    expect(found).toEqual([
      expect.objectContaining({
        file: 'webapp2/plugins/layout-copy/layout-switch.plugin.package.json',
        pointer: '/id',
      }),
    ]);
    expect(found[0]?.message).toContain('duplicate plugin id "layout-switch-plugin-1.0"');
  });

  it('two settings entries with the same id', () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[3]!['id'] = 'contact-list-plugin-1.0';
    });
    expect(errors(check())).toEqual([
      expect.objectContaining({ file: SETTINGS, pointer: '/plugins/3/id' }),
    ]);
  });

  it('a brandingID equal to the previous upload', () => {
    const report = check(tree, { previous: [{ id: '1521829718679', source: 'last-week.zip' }] });
    expect(errors(report)).toEqual([
      expect.objectContaining({ file: MANIFEST, pointer: '/brandingID', line: 2 }),
    ]);
    expect(errors(report)[0]?.message).toContain('the same as in last-week.zip');
  });

  it('a source with a syntax error, at its line', () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'var role = ;'));
    expect(errors(check())).toEqual([
      expect.objectContaining({
        file: LAYOUT_SOURCE,
        line: 4,
        message: expect.stringContaining('cannot be parsed: SyntaxError'),
      }),
    ]);
  });

  it('a source that never calls registerPlugin', () => {
    editText(LAYOUT_SOURCE, (value) =>
      value.replace('PEX.pluginAPI.registerPlugin(', 'console.log('),
    );
    expect(errors(check())[0]).toMatchObject({
      file: LAYOUT_SOURCE,
      message: expect.stringContaining('never calls'),
    });
  });

  it('a source that throws before it registers', () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'var role = undefinedThing.x;'));
    expect(errors(check())).toEqual([
      expect.objectContaining({
        file: LAYOUT_SOURCE,
        line: 4,
        message: expect.stringContaining('ReferenceError'),
      }),
    ]);
  });

  it('a source that never finishes loading', () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'while (true) {}'));
    expect(errors(check(tree, { sourceTimeoutMs: 50 }))[0]?.message).toContain(
      'was stopped: did not finish within 50 ms',
    );
  });
});
