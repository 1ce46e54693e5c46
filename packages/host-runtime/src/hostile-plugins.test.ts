import { describe, expect, test, vi } from 'vitest';
import { firstValueFrom } from 'rxjs';
import {
  brandingOf,
  globals,
  inlinePlugin,
  pexGlobal,
  problemOf,
  rowOf,
  type BrandingFiles,
  type TestHost,
  collect,
  until,
  useTestHosts,
} from './fake-node-session.test-support.js';
import type { AppAction, Notice } from './host.js';

const hosts = useTestHosts();

/** A well-behaved plugin that must keep working whatever the others do. */
const bystander = inlinePlugin(
  'bystander',
  `PEX.pluginAPI.registerPlugin({id: 'bystander', load() { window.bystanderSawPex = typeof PEX.pluginAPI.sendRequest; }, unload() {}, act() {}});`,
);

function start(files: BrandingFiles, timeoutMs = 300): TestHost {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const current = hosts.start(files, { pluginLoadTimeoutMs: timeoutMs });
  return current;
}

describe('a plugin whose load never settles', () => {
  const hanging = inlinePlugin(
    'hanging',
    `PEX.pluginAPI.registerPlugin({id: 'hanging', load: () => new Promise(() => {}), unload() {}, act() {}});`,
  );

  test('does not keep the conference waiting, holds up no other plugin, and fails after the time limit', async () => {
    const { host } = start(brandingOf(hanging, bystander));
    const outcome = await host.join({ alias: 'meet', displayName: 'Tester' });
    expect(outcome).toEqual({ kind: 'joined', role: 'chair' });
    // The plugin listed after it loads while it is still loading.
    const whileHanging = await until(
      host.plugins$,
      (rows) => rowOf(rows, 'bystander')?.status.kind === 'loaded',
    );
    expect(rowOf(whileHanging, 'hanging')?.status.kind).toBe('loading');
    expect(globals['bystanderSawPex']).toBe('function');
    const failed = await until(
      host.plugins$,
      (rows) => rowOf(rows, 'hanging')?.status.kind === 'failed',
    );
    expect(problemOf(rowOf(failed, 'hanging'))).toBe('load: load did not finish in 0.3 s');
  });

  test('Connect Success and the roster wait for it at most the time limit', async () => {
    const { host } = start(hanging);
    const actions = collect(host.appActions$);
    await host.join({ alias: 'meet', displayName: 'Tester' });
    expect(actions.map((action: AppAction) => action.type)).not.toContain(
      '[Conference] Connect Success',
    );
    await host.settled();
    expect(actions.map((action: AppAction) => action.type)).toContain(
      '[Conference] Connect Success',
    );
    await until(host.participants$, (people) => people.length > 0);
  });

  test('a source that never finishes loading fails the same way', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const current = hosts.start(brandingOf(hanging, bystander), {
      pluginLoadTimeoutMs: 200,
      loadScript: (url) =>
        url.endsWith('hanging.plugin.js') ? new Promise(() => {}) : Promise.resolve(),
    });
    await current.host.join({ alias: 'meet', displayName: 'Tester' });
    await current.host.settled();
    const rows = await firstValueFrom(current.host.plugins$);
    expect(problemOf(rowOf(rows, 'hanging'))).toMatch(
      /^evaluation: the source did not load in 0\.2 s/,
    );
  });
});

describe('a plugin that clobbers the globals every plugin shares', () => {
  test.each([
    ['window.PEX = null', 'window.PEX'],
    ['window.PexRTC = undefined', 'window.PexRTC'],
  ])('%s is refused and blamed on that plugin; the plugins after it run', async (code, name) => {
    const clobber = inlinePlugin(
      'clobber',
      `PEX.pluginAPI.registerPlugin({id: 'clobber', load() { ${code}; }, unload() {}, act() {}});`,
    );
    const { host } = start(brandingOf(clobber, bystander));
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    const rows = await firstValueFrom(host.plugins$);
    expect(rowOf(rows, 'clobber')?.status).toMatchObject({ kind: 'failed', phase: 'globals' });
    expect(problemOf(rowOf(rows, 'clobber'))).toContain(`it assigned ${name}`);
    expect(rowOf(rows, 'bystander')?.status.kind).toBe('loaded');
    expect(globals['bystanderSawPex']).toBe('function');
    expect(typeof pexGlobal().pluginAPI.registerPlugin).toBe('function');
  });

  test('deleting window.PEX or replacing its members changes nothing for the next plugin', async () => {
    const vandal = inlinePlugin(
      'vandal',
      `PEX.pluginAPI.registerPlugin({id: 'vandal', load() {
        delete window.PEX;
        PEX.pluginAPI = null;
        PEX.pluginAPI.sendRequest = null;
        PEX.actions = {};
        window.vandalDone = true;
      }, unload() {}, act() {}});`,
    );
    const { host } = start(brandingOf(vandal, bystander));
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    const rows = await firstValueFrom(host.plugins$);
    // Sloppy-mode writes to read-only members are ignored, as in any frozen API.
    expect(globals['vandalDone']).toBe(true);
    expect(rowOf(rows, 'bystander')?.status.kind).toBe('loaded');
    expect(globals['bystanderSawPex']).toBe('function');
  });

  test('a strict-mode plugin that deletes window.PEX fails itself (TypeError), no one else', async () => {
    const strict = inlinePlugin(
      'strict',
      `(function () { 'use strict'; PEX.pluginAPI.registerPlugin({id: 'strict', load() { delete window.PEX; }, unload() {}, act() {}}); })();`,
    );
    const { host } = start(brandingOf(strict, bystander));
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    const rows = await firstValueFrom(host.plugins$);
    expect(rowOf(rows, 'strict')?.status).toMatchObject({ kind: 'failed', phase: 'load' });
    expect(rowOf(rows, 'bystander')?.status.kind).toBe('loaded');
  });
});

describe('a plugin that blocks the main thread', () => {
  test('is reported in Settings > Plugins and in a notice, with where it happened', async () => {
    const busy = inlinePlugin(
      'busy',
      `PEX.pluginAPI.registerPlugin({id: 'busy', load() { const end = Date.now() + 120; while (Date.now() < end) {} }, unload() {}, act() {}});`,
    );
    const { host } = start(busy);
    const notices = collect(host.notices$);
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    const row = rowOf(await firstValueFrom(host.plugins$), 'busy');
    expect(row?.status.kind).toBe('loaded');
    expect(row?.longTasks).toMatchObject({ count: 1, longestWhere: 'load' });
    expect(row?.longTasks?.longestMs).toBeGreaterThanOrEqual(100);
    expect(notices.map((notice: Notice) => notice.message)).toContainEqual(
      expect.stringMatching(/^Plugin "busy" blocked the page for 0\.\d s \(load\)\.$/),
    );
  });

  test('a plugin that does its work quickly has no such report', async () => {
    const { host } = start(bystander);
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    expect(rowOf(await firstValueFrom(host.plugins$), 'bystander')).not.toHaveProperty('longTasks');
  });
});

describe('a hostile error object', () => {
  test('whose message getter throws is reported without breaking the host', async () => {
    const hostile = inlinePlugin(
      'hostile',
      `PEX.pluginAPI.registerPlugin({id: 'hostile', load() { throw { get message() { throw new Error('gotcha'); } }; }, unload() {}, act() {}});`,
    );
    const { host } = start(brandingOf(hostile, bystander));
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    const rows = await firstValueFrom(host.plugins$);
    expect(rowOf(rows, 'hostile')?.status.kind).toBe('failed');
    expect(rowOf(rows, 'bystander')?.status.kind).toBe('loaded');
  });
});

describe('an action named after a member of Object', () => {
  test('mutes nothing and tells the node nothing', async () => {
    const prober = inlinePlugin(
      'prober',
      `PEX.pluginAPI.registerPlugin({id: 'prober', load() {
        for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) PEX.dispatchAction({type});
      }, unload() {}, act() {}});`,
    );
    const { host, node } = start(prober);
    const actions = collect(host.appActions$);
    await host.join({ alias: 'meet', displayName: 'Tester' });
    await host.settled();
    expect(actions.map((action: AppAction) => action.type)).toEqual(
      expect.arrayContaining(['constructor', 'toString', '__proto__', 'hasOwnProperty']),
    );
    expect(await firstValueFrom(host.selfMedia$)).toEqual({
      microphoneMuted: false,
      cameraMuted: false,
    });
    expect(node.requests.map((request) => request.path)).not.toContainEqual(
      expect.stringMatching(/mute/),
    );
  });
});
