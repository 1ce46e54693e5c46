import type { ValidationIssue } from '@ipk/plugin-api';
import { describe, expect, it } from 'vitest';
import { checkPlugin, type PluginCheckMode } from './check-plugin.js';

const FOLDER = 'webapp2/plugins/bell';
const PACKAGE = `${FOLDER}/bell.plugin.package.json`;
const SOURCE = `${FOLDER}/bell.plugin.js`;

const BELL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="bell"><path d="M0 0"/></svg>';

function packageFile(change: (pkg: Record<string, unknown>) => void = () => {}): string {
  const pkg: Record<string, unknown> = {
    id: 'bell-plugin-1.0',
    name: 'bell',
    description: 'Rings a bell',
    version: 1,
    srcURL: 'bell.plugin.js',
    allowUnload: true,
    platforms: ['web'],
    participantRoles: ['chair'],
    menuItems: { toolbar: [{ icon: 'assets/bell.svg#bell', label: 'Ring', action: 'ring' }] },
  };
  change(pkg);
  return JSON.stringify(pkg, null, 2);
}

/** A gallery-shaped source: an IIFE that registers load, unload and `ring`. */
function source(body = '', registration = ''): string {
  return `(function () {
  ${body}
  PEX.pluginAPI.registerPlugin({
    id: 'bell-plugin-1.0',
    load: function () {},
    unload: function () {},
    ring: function () {},
    ${registration}
  });
})();`;
}

function files(
  entries: { pkg?: string; src?: string; extra?: Record<string, string> } = {},
): Map<string, string> {
  return new Map(
    Object.entries({
      'webapp2/settings.json': '{"plugins": []}',
      [PACKAGE]: entries.pkg ?? packageFile(),
      [SOURCE]: entries.src ?? source(),
      [`${FOLDER}/assets/bell.svg`]: BELL_SVG,
      ...entries.extra,
    }),
  );
}

async function check(
  entries: Parameters<typeof files>[0] = {},
  mode: PluginCheckMode = 'package',
): Promise<ValidationIssue[]> {
  const result = await checkPlugin({
    files: files(entries),
    packageFile: PACKAGE,
    brandingRoot: 'webapp2/',
    mode,
  });
  return result.issues;
}

function messages(issues: ValidationIssue[]): string[] {
  return issues.map((issue) => `${issue.severity} ${issue.file}${issue.pointer}: ${issue.message}`);
}

describe('checkPlugin: a plugin that holds together', () => {
  it('has no issues, and says what it registered and what its menu calls', async () => {
    const result = await checkPlugin({
      files: files(),
      packageFile: PACKAGE,
      brandingRoot: 'webapp2/',
      mode: 'package',
    });
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({
      packageId: 'bell-plugin-1.0',
      sourceFile: SOURCE,
      registeredFunctions: ['load', 'unload', 'ring'],
      menuActions: ['ring'],
      beyondTheGuide: [],
    });
    expect(result.package?.name).toBe('bell');
  });
});

describe('checkPlugin: the package file and the source disagree', () => {
  it('on the id: an error at /id with its position, in both modes', async () => {
    for (const mode of ['package', 'build'] as const) {
      const issues = await check({ pkg: packageFile((pkg) => (pkg['id'] = 'other-1.0')) }, mode);
      expect(issues).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: PACKAGE,
          pointer: '/id',
          line: 2,
          message:
            'plugin id mismatch: the package file\'s id is "other-1.0" but bell.plugin.js calls registerPlugin with id "bell-plugin-1.0"; webapp2 would never load it. Use the same id in both.',
        }),
      ]);
    }
  });

  it('on an action: an error naming what is registered', async () => {
    const issues = await check({
      src: source('', 'ding: 3,'),
      pkg: packageFile((pkg) => {
        pkg['menuItems'] = {
          toolbar: [
            { icon: 'assets/bell.svg#bell', label: 'Ding', action: 'ding' },
            { icon: 'assets/bell.svg#bell', label: 'Dong', action: 'dong' },
          ],
        };
      }),
    });
    expect(messages(issues)).toEqual([
      `error ${PACKAGE}/menuItems/toolbar/0/action: action "ding" is registered as a number, not a function (registered actions: ring)`,
      `error ${PACKAGE}/menuItems/toolbar/1/action: action "dong" is not passed to registerPlugin (registered actions: ring)`,
    ]);
  });

  it('on the source: srcURL names no file', async () => {
    const issues = await check({ pkg: packageFile((pkg) => (pkg['srcURL'] = 'bel.plugin.js')) });
    expect(messages(issues)).toEqual([
      `error ${PACKAGE}/srcURL: srcURL "bel.plugin.js" names no file beside the package file (scripts there: bell.plugin.js)`,
    ]);
  });

  it('without load or unload: a warning each, as the guide lists both as required', async () => {
    const src = `PEX.pluginAPI.registerPlugin({ id: 'bell-plugin-1.0', ring: function () {} });`;
    expect(messages(await check({ src }))).toEqual([
      `warning ${SOURCE}: registerPlugin is given no load function (the Pexip guide lists load and unload among the functions you must include)`,
      `warning ${SOURCE}: registerPlugin is given no unload function (the Pexip guide lists load and unload among the functions you must include)`,
    ]);
  });
});

describe('checkPlugin: the same finding, the severity of its mode', () => {
  const cases: [string, Parameters<typeof files>[0], RegExp][] = [
    [
      'a throw after registerPlugin',
      { src: `${source()}\nnull.boom();` },
      /throws while loading: TypeError/,
    ],
    [
      'leaked globals',
      { src: `var ringCount = 0;\n${source()}` },
      /leaves globals on window: ringCount/,
    ],
    [
      'a second registerPlugin',
      { src: `${source()}\nPEX.pluginAPI.registerPlugin({ id: 'again' });` },
      /calls PEX\.pluginAPI\.registerPlugin 2 times/,
    ],
  ];
  it.each(cases)(
    '%s: a warning in a branding package, an error in the build',
    async (_name, entries, message) => {
      const inPackage = await check(entries, 'package');
      const inBuild = await check(entries, 'build');
      expect(inPackage).toEqual([
        expect.objectContaining({ severity: 'warning', message: expect.stringMatching(message) }),
      ]);
      expect(inBuild).toEqual([
        expect.objectContaining({ severity: 'error', message: expect.stringMatching(message) }),
      ]);
    },
  );

  it("does not count Lit's shared registries as leaked globals", async () => {
    const src = `window.litHtmlVersions = ['3.3.1'];\n${source()}`;
    expect(await check({ src }, 'build')).toEqual([]);
  });

  it('a throw before registerPlugin: an error in both, at its line', async () => {
    const src = `null.boom();\n${source()}`;
    for (const mode of ['package', 'build'] as const) {
      expect(await check({ src }, mode)).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: SOURCE,
          line: 1,
          message: expect.stringContaining(
            "throws while loading: TypeError: Cannot read properties of null (reading 'boom')",
          ),
        }),
      ]);
    }
  });

  it('in the build only: an SVG without an id, or one nothing uses', async () => {
    const extra = {
      [`${FOLDER}/assets/plain.svg`]: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      [`${FOLDER}/assets/spare.svg`]: '<svg xmlns="http://www.w3.org/2000/svg" id="spare"/>',
    };
    expect(await check({ extra }, 'package')).toEqual([]);
    expect(messages(await check({ extra }, 'build'))).toEqual([
      `error ${FOLDER}/assets/plain.svg: has no id attribute; webapp2 shows an icon as file.svg#id, so add id="plain" to its <svg> element`,
      `warning ${FOLDER}/assets/spare.svg: is not used by the package file or the source (as assets/spare.svg#<id>)`,
    ]);
  });
});

describe('checkPlugin: icons', () => {
  function withIcon(icon: string | null, label: string | null = 'Ring'): string {
    return packageFile((pkg) => {
      pkg['menuItems'] = { toolbar: [{ icon, label, action: 'ring' }] };
    });
  }

  it('an id the SVG does not have, compared case-sensitively as SVG ids are', async () => {
    expect(messages(await check({ pkg: withIcon('assets/bell.svg#Bell') }))).toEqual([
      `error ${PACKAGE}/menuItems/toolbar/0/icon: icon "assets/bell.svg#Bell": assets/bell.svg has no element with id="Bell" (its ids: bell)`,
    ]);
  });

  it('a file that is not there', async () => {
    expect(messages(await check({ pkg: withIcon('images/bell.svg#bell') }))).toEqual([
      `error ${PACKAGE}/menuItems/toolbar/0/icon: icon "images/bell.svg#bell": there is no images/bell.svg in the package`,
    ]);
  });

  it("webapp2's own sprite is not a file of the plugin: left to the validator's warning", async () => {
    const issues = await check({ pkg: withIcon('icons.svg#mic-off') });
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '/menuItems/toolbar/0/icon',
        message: expect.stringContaining("webapp2's own sprite"),
      }),
    ]);
  });

  it('the older configuration/plugins/… form: resolved from the branding root, with a warning and the path to write', async () => {
    expect(
      messages(await check({ pkg: withIcon('configuration/plugins/bell/assets/bell.svg#bell') })),
    ).toEqual([
      `warning ${PACKAGE}/menuItems/toolbar/0/icon: icon "configuration/plugins/bell/assets/bell.svg#bell": the path is relative to the web app page: it resolves only where the branding is served at /webapp2/configuration/ (older Infinity versions). Write it relative to the plugin folder: assets/bell.svg#bell`,
    ]);
    expect(
      messages(await check({ pkg: withIcon('configuration/plugins/gong/assets/bell.svg#bell') })),
    ).toEqual([
      `error ${PACKAGE}/menuItems/toolbar/0/icon: icon "configuration/plugins/gong/assets/bell.svg#bell": there is no webapp2/plugins/gong/assets/bell.svg in the package`,
    ]);
  });

  it('an icon the source sets through state$, written in the source or seen on state$ while probing', async () => {
    const src = source(
      "var state$ = PEX.pluginAPI.createNewState({}); var name = 'assets/gong.svg' + '#gong';",
      "state$: state$, load: function () { state$.next({ icon: name, label: 'Gong' }); state$.next({ icon: 'assets/bell.svg#bel' }); },",
    );
    expect(messages(await check({ src }))).toEqual([
      `error ${SOURCE}: sets the icon "assets/bell.svg#bel" (for state$): assets/bell.svg has no element with id="bel" (its ids: bell)`,
      `error ${SOURCE}: sets the icon "assets/gong.svg#gong" (for state$): there is no assets/gong.svg in the package`,
    ]);
  });
});

describe('checkPlugin: what the host would show oddly, found by playing a call', () => {
  function menu(placement: string, item: Record<string, unknown>): string {
    return packageFile((pkg) => {
      pkg['menuItems'] = { [placement]: [{ action: 'ring', ...item }] };
    });
  }

  it('a toolbar item with no icon and no label, and no state$ to set them', async () => {
    expect(messages(await check({ pkg: menu('toolbar', { icon: null, label: null }) }))).toEqual([
      `warning ${PACKAGE}/menuItems/toolbar/0: the toolbar item "ring" has no icon and no label in the package file and the plugin registers no state$ to set one: it shows as an empty item`,
    ]);
  });

  it('nothing when state$ sets them once the plugin has a roster (as the recording plugin does)', async () => {
    const src = source(
      'var state$ = PEX.pluginAPI.createNewState({});',
      "state$: state$, load: function (participants$) { participants$.subscribe(function () { state$.next({ icon: 'assets/bell.svg#bell', label: 'Ring' }); }); },",
    );
    expect(await check({ src, pkg: menu('toolbar', { icon: null, label: null }) })).toEqual([]);
  });

  it('a participant menu entry without a label that state$ never sets per participant', async () => {
    const src = source('var state$ = PEX.pluginAPI.createNewState({});', 'state$: state$,');
    expect(
      messages(
        await check({
          src,
          pkg: menu('participants', { icon: 'assets/bell.svg#bell', label: null }),
        }),
      ),
    ).toEqual([
      `warning ${PACKAGE}/menuItems/participants/0: the participants item "ring" has no label in the package file and its state$ set none while the probe host played a call (a roster, the actions of a call): a menu entry without text`,
    ]);
    const labelled = source(
      'var state$ = PEX.pluginAPI.createNewState({});',
      "state$: state$, load: function (participants$) { participants$.subscribe(function (list) { var s = {}; list.forEach(function (p) { s[p.uuid] = { label: 'Ring ' + p.name }; }); state$.next(s); }); },",
    );
    expect(
      await check({
        src: labelled,
        pkg: menu('participants', { icon: 'assets/bell.svg#bell', label: null }),
      }),
    ).toEqual([]);
  });

  it('a load() that throws, or never settles: a warning with what the host does', async () => {
    const throwing = await check({
      src: source('', 'load: function () { null.x; },'),
    });
    expect(messages(throwing)).toEqual([
      expect.stringMatching(
        /^warning webapp2\/plugins\/bell\/bell\.plugin\.js: load\(\) throws when the probe host calls it with a roster: TypeError: .*This host marks the plugin failed/,
      ),
    ]);
    const pending = await check({
      src: source('', 'load: function () { return new Promise(function () {}); },'),
    });
    expect(messages(pending)).toEqual([
      expect.stringContaining('load() returned a promise that had not settled'),
    ]);
  });

  it('a handler that never returns: an error, the app would freeze', async () => {
    const src = source(
      '',
      'load: function () { PEX.actions$.subscribe(function () { for (;;) {} }); },',
    );
    const result = await checkPlugin({
      files: files({ src }),
      packageFile: PACKAGE,
      brandingRoot: 'webapp2/',
      mode: 'package',
      probe: { exerciseTimeoutMs: 200 },
    });
    expect(messages(result.issues)).toEqual([
      `error ${SOURCE}: sendActions did not finish within the 200 ms the probe gives load(), the actions of a call and the menu actions: in the app this would freeze or crash the page`,
    ]);
  });
});

describe('checkPlugin: what the plugin used beyond the guide', () => {
  it('lists each use once, with when it was seen, from running it and from its text', async () => {
    const src = source(
      '',
      `load: function () {
        PEX.actions$.ofType('[Conference] Connect Success').subscribe(function () {
          PEX.dispatchAction({ type: '[Conference] Mute Camera' });
        });
      },
      ring: function () { if (false) document.getElementById('selfviewVideo'); },`,
    );
    const result = await checkPlugin({
      files: files({ src }),
      packageFile: PACKAGE,
      brandingRoot: 'webapp2/',
      mode: 'package',
    });
    expect(result.beyondTheGuide.map((finding) => [finding.what, finding.where])).toEqual([
      ["uses the action '[Conference] Connect Success'", ['load()']],
      ['calls PEX.dispatchAction', ["on '[Conference] Connect Success'"]],
      ["uses the action '[Conference] Mute Camera'", ["on '[Conference] Connect Success'"]],
      ['reads #selfviewVideo', ['source text']],
    ]);
  });
});
