import type { ValidationIssue } from '@ipk/plugin-api';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  brandingTreeOf,
  galleryBrandingTree,
  HOSTILE,
  json,
  readJson,
  readText,
  text,
  WILD,
} from '../test/fixture-trees.js';
import { checkBrandingFiles, type CheckReport } from './check-branding.js';
import type { FileTree } from './zip-archive.js';

const SETTINGS = 'webapp2/settings.json';
const MANIFEST = 'webapp2/manifest.json';
const LAYOUT = 'webapp2/plugins/layout-switch';
const WILD_PLUGINS = [
  'blank-button',
  'call-walker',
  'join-muter',
  'old-path',
  'quiet-redirect',
  'sidebar-opener',
  'slow-loader',
  'sprite-icon',
  'waiting-mover',
];
const LAYOUT_PACKAGE = `${LAYOUT}/layout-switch.plugin.package.json`;
const LAYOUT_SOURCE = `${LAYOUT}/layout-switch.plugin.js`;

let tree: FileTree;
beforeEach(async () => {
  tree = await galleryBrandingTree();
});

function check(
  files: FileTree = tree,
  options: Parameters<typeof checkBrandingFiles>[2] = {},
): Promise<CheckReport> {
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
  it('passes Pexip-gallery-shaped plugins without errors', async () => {
    const report = await check();
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

  it('warns, without failing, when a settings id differs from the package id (as pexip/plugin-change-layout ships)', async () => {
    const report = await check();
    const warning = report.issues.find(
      (issue) => issue.file === SETTINGS && issue.pointer === '/plugins/1/id',
    );
    expect(warning).toMatchObject({ severity: 'warning', line: expect.any(Number) });
    expect(warning?.message).toContain('layout-switch-plugin-1.0');
  });

  it('accepts a folder whose root is the webapp2 folder itself', async () => {
    const unprefixed: FileTree = new Map(
      [...tree].map(([path, bytes]) => [path.replace(/^webapp2\//, ''), bytes]),
    );
    expect((await checkBrandingFiles(unprefixed, '')).ok).toBe(true);
  });
});

describe('checkBrandingFiles finds each mistake', () => {
  it('a JSON syntax error in settings.json, with file, line and column', async () => {
    editText(SETTINGS, (value) => value.replace('"enabled": true', '"enabled": true,,'));
    const [issue] = errors(await check());
    expect(issue).toMatchObject({ file: SETTINGS, line: 6, column: 23 });
    expect(issue?.message).toContain('invalid JSON');
  });

  it('a missing manifest.json (a Management Node download as it comes)', async () => {
    tree.delete(MANIFEST);
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: MANIFEST, pointer: '' }),
    ]);
  });

  it('a manifest that does not switch settings branding on (schema of @ipk/plugin-api)', async () => {
    editJson(MANIFEST, (value) => {
      value['isSettingsBranded'] = false;
    });
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: MANIFEST, pointer: '/isSettingsBranded', line: 3 }),
    ]);
  });

  it('a missing settings.json', async () => {
    tree.delete(SETTINGS);
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: SETTINGS, pointer: '' }),
    ]);
  });

  it('a settings srcURL that does not resolve to a file in the package', async () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[2]!['srcURL'] =
        'plugins/send-to-lobby/lobby.plugin.package.json';
    });
    expect(errors(await check())).toEqual([
      expect.objectContaining({
        file: SETTINGS,
        pointer: '/plugins/2/srcURL',
        line: expect.any(Number),
      }),
    ]);
  });

  it('a settings srcURL that climbs out of the package', async () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[2]!['srcURL'] =
        '../../elsewhere.plugin.package.json';
    });
    expect(errors(await check())[0]?.message).toContain('points outside the branding package');
  });

  it('only a warning for a srcURL on another server, which the check does not fetch', async () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[0]!['srcURL'] =
        'https://plugins.example.com/x.plugin.package.json';
    });
    const report = await check();
    expect(report.ok).toBe(true);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        file: SETTINGS,
        pointer: '/plugins/0/srcURL',
      }),
    );
  });

  it('a package file that breaks the @ipk/plugin-api schema (two menu placements)', async () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      (value['menuItems'] as Record<string, unknown>)['toolbar'] = [
        { icon: null, label: 'x', action: 'openLayoutDialog' },
      ];
    });
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/menuItems' }),
    ]);
  });

  it('a package srcURL that does not resolve', async () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      value['srcURL'] = 'layout.plugin.js';
    });
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/srcURL', line: 6 }),
    ]);
  });

  it('a package id that differs from the id the source registers', async () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      value['id'] = 'layout-switch-plugin-2.0';
    });
    const found = errors(await check());
    expect(found).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/id', line: 2 }),
    ]);
    expect(found[0]?.message).toBe(
      'plugin id mismatch: the package file\'s id is "layout-switch-plugin-2.0" but layout-switch.plugin.js calls registerPlugin with id "layout-switch-plugin-1.0"; webapp2 would never load it. Use the same id in both.',
    );
  });

  it('a menu action that the source does not register', async () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      layoutMenuItem(value)['action'] = 'openLayoutPicker';
    });
    const found = errors(await check());
    expect(found).toEqual([
      expect.objectContaining({
        file: LAYOUT_PACKAGE,
        pointer: '/menuItems/conference/0/action',
        line: expect.any(Number),
      }),
    ]);
    expect(found[0]?.message).toBe(
      'action "openLayoutPicker" is not passed to registerPlugin (registered actions: openLayoutDialog)',
    );
  });

  it('a menu action that is registered but is not a function', async () => {
    editJson(LAYOUT_PACKAGE, (value) => {
      layoutMenuItem(value)['action'] = 'state$';
    });
    expect(errors(await check())[0]?.message).toContain('registered as a object, not a function');
  });

  it('an icon file that is not in the package', async () => {
    tree.delete(`${LAYOUT}/assets/images/tiles.svg`);
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: LAYOUT_PACKAGE, pointer: '/menuItems/conference/0/icon' }),
    ]);
  });

  it('an icon file without the referenced id', async () => {
    editText(`${LAYOUT}/assets/images/tiles.svg`, (value) =>
      value.replace('id="tiles"', 'id="grid"'),
    );
    expect(errors(await check())[0]?.message).toBe(
      'icon "assets/images/tiles.svg#tiles": assets/images/tiles.svg has no element with id="tiles" (its ids: grid)',
    );
  });

  it('two plugins with the same package id under different settings ids', async () => {
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
    const found = errors(await check());
    expect(found).toEqual([
      expect.objectContaining({
        file: 'webapp2/plugins/layout-copy/layout-switch.plugin.package.json',
        pointer: '/id',
      }),
    ]);
    expect(found[0]?.message).toContain('duplicate plugin id "layout-switch-plugin-1.0"');
  });

  it('two settings entries with the same id', async () => {
    editJson(SETTINGS, (value) => {
      (value['plugins'] as Record<string, unknown>[])[3]!['id'] = 'contact-list-plugin-1.0';
    });
    expect(errors(await check())).toEqual([
      expect.objectContaining({ file: SETTINGS, pointer: '/plugins/3/id' }),
    ]);
  });

  it('a brandingID equal to the previous upload', async () => {
    const report = await check(tree, {
      previous: [{ id: '1521829718679', source: 'last-week.zip' }],
    });
    expect(errors(report)).toEqual([
      expect.objectContaining({ file: MANIFEST, pointer: '/brandingID', line: 2 }),
    ]);
    expect(errors(report)[0]?.message).toContain('the same as in last-week.zip');
  });

  it('a source with a syntax error, at its line', async () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'var role = ;'));
    expect(errors(await check())).toEqual([
      expect.objectContaining({
        file: LAYOUT_SOURCE,
        line: 4,
        message: expect.stringContaining('cannot be parsed: SyntaxError'),
      }),
    ]);
  });

  it('a source that never calls registerPlugin', async () => {
    editText(LAYOUT_SOURCE, (value) =>
      value.replace('PEX.pluginAPI.registerPlugin(', 'console.log('),
    );
    expect(errors(await check())[0]).toMatchObject({
      file: LAYOUT_SOURCE,
      message: expect.stringContaining('never calls'),
    });
  });

  it('a source that throws before it registers', async () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'var role = undefinedThing.x;'));
    expect(errors(await check())).toEqual([
      expect.objectContaining({
        file: LAYOUT_SOURCE,
        line: 4,
        message: expect.stringContaining('ReferenceError'),
      }),
    ]);
  });

  it('a source that never finishes loading', async () => {
    editText(LAYOUT_SOURCE, (value) => value.replace('var role;', 'while (true) {}'));
    expect(errors(await check(tree, { probe: { timeoutMs: 50 } }))[0]?.message).toContain(
      'was stopped: did not finish within 50 ms',
    );
  });
});

/** fixtures/wild checked once: the two describes below read the same report. */
let wildCheck: Promise<CheckReport> | undefined;
function checkWild(): Promise<CheckReport> {
  wildCheck ??= brandingTreeOf(WILD, WILD_PLUGINS).then((files) =>
    checkBrandingFiles(files, 'webapp2/'),
  );
  return wildCheck;
}

describe('checkBrandingFiles: what this host or webapp2 would stumble on (fixtures/wild)', () => {
  let wild: CheckReport;
  beforeAll(async () => {
    wild = await checkWild();
  });

  function issuesOf(name: string): string[] {
    return wild.issues
      .filter((issue) => issue.file.startsWith(`webapp2/plugins/${name}/`))
      .map((issue) => `${issue.severity} ${issue.pointer}: ${issue.message}`);
  }

  it('loads every one of them: warnings, no errors', () => {
    expect(wild.errorCount).toBe(0);
    expect(wild.plugins.map((plugin) => plugin.id)).toEqual(
      WILD_PLUGINS.map((name) => `${name}-1.0`),
    );
  });

  it('a menu item with nothing to show (icon and label null, no state$ sets them)', () => {
    expect(issuesOf('blank-button')).toEqual([
      'warning /menuItems/toolbar/0: the toolbar item "press" has no icon and no label in the package file and the plugin registers no state$ to set one: it shows as an empty item',
    ]);
  });

  it('not a participant item whose nulls state$ fills in per participant (as mtw ships it)', () => {
    expect(issuesOf('waiting-mover')).toEqual([]);
  });

  it('an icon in the older configuration/plugins/… form, with the path to write instead', () => {
    expect(issuesOf('old-path')).toEqual([
      'warning /menuItems/conference/0/icon: icon "configuration/plugins/old-path/assets/images/bell.svg#bell": the path is relative to the web app page: it resolves only where the branding is served at /webapp2/configuration/ (older Infinity versions). Write it relative to the plugin folder: assets/images/bell.svg#bell',
    ]);
  });

  it("an icon from webapp2's own sprite sheet", () => {
    expect(issuesOf('sprite-icon')).toEqual([
      expect.stringMatching(
        /^warning \/menuItems\/toolbar\/0\/icon: icon "icons\.svg#video" names webapp2's own sprite sheet/,
      ),
    ]);
  });

  it('a load() that never settles', () => {
    expect(issuesOf('slow-loader')).toContainEqual(
      expect.stringContaining(
        'load() returned a promise that had not settled when the probe ended',
      ),
    );
  });
});

describe('checkBrandingFiles: what each plugin uses beyond the plugin guide (fixtures/wild)', () => {
  let wild: CheckReport;
  beforeAll(async () => {
    wild = await checkWild();
  });

  function beyond(name: string): [string, readonly string[]][] {
    const plugin = wild.plugins.find((checked) => checked.id === `${name}-1.0`);
    return (plugin?.beyondTheGuide ?? []).map((finding) => [finding.what, finding.where]);
  }

  it('NgRx action strings and PEX.dispatchAction, and when (start-muted)', () => {
    expect(beyond('join-muter')).toEqual([
      ["uses the action '[Conference] Connect Success'", ['load()']],
      ['calls PEX.dispatchAction', ["on '[Conference] Connect Success'"]],
      ["uses the action '[Conference] Mute Camera'", ["on '[Conference] Connect Success'"]],
      ["uses the action '[Conference] Mute Microphone'", ["on '[Conference] Connect Success'"]],
    ]);
  });

  it('the end of the call by its NgRx string (survey)', () => {
    expect(beyond('quiet-redirect')).toEqual([
      ["uses the action '[Conference] Connect Success'", ['load()']],
      ["uses the action '[Conference] Disconnect Success'", ['load()']],
    ]);
  });

  it("webapp2's page and keyboard shortcut, on a chat message (chat-notify)", () => {
    const chat = ["on '[Conference] Receive Chat Message'"];
    expect(beyond('sidebar-opener')).toEqual([
      ['reads #conference-container', chat],
      ['reads #pex-sidebar-container', chat],
      ['reads pex-roster-list', chat],
      ["sends the key 's' to the window", chat],
    ]);
  });

  it('a window walk for PexRTC, PEX.pexrtc, PEX.selfUUID and getPluginMenuItem (older plugins)', () => {
    expect(beyond('call-walker')).toEqual([
      ['looks for the PexRTC class', ['load()', 'menu action whoAmI']],
      ['uses PEX.pexrtc', ['load()', 'menu action whoAmI']],
      ['reads PEX.selfUUID', ['menu action whoAmI']],
      ['calls PEX.pluginAPI.getPluginMenuItem', ['source text']],
    ]);
  });

  it('nothing for plugins that keep to the guide', () => {
    for (const name of [
      'blank-button',
      'sprite-icon',
      'old-path',
      'slow-loader',
      'waiting-mover',
    ]) {
      expect(beyond(name)).toEqual([]);
    }
  });
});

describe('checkBrandingFiles: hostile sources are stopped with a clear error (fixtures/hostile)', () => {
  it('a thrown value whose message getter never returns, and a source that allocates without end', async () => {
    const report = await checkBrandingFiles(
      await brandingTreeOf(HOSTILE, ['looping-message']),
      'webapp2/',
      { probe: { timeoutMs: 500, memoryLimitMb: 64 } },
    );
    // A time limit the allocation cannot outlast even on a loaded machine: the memory limit is
    // what stops it.
    const hog = await checkBrandingFiles(
      await brandingTreeOf(HOSTILE, ['memory-hog']),
      'webapp2/',
      { probe: { timeoutMs: 20_000, memoryLimitMb: 64 } },
    );
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        file: 'webapp2/plugins/looping-message/looping-message.plugin.js',
        message:
          'throws while loading: threw a value that could not be described within 500 ms (a looping getter or toString?)',
      }),
    );
    expect(hog.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'webapp2/plugins/memory-hog/memory-hog.plugin.js',
        message:
          'was stopped: used more than 64 MB (allocating without end?); the probe was stopped',
      }),
    );
  });
});
