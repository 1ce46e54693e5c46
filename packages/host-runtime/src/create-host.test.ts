import { describe, expect, test, vi } from 'vitest';
import { firstValueFrom } from 'rxjs';
import {
  SELF_UUID,
  globals,
  inlinePlugin,
  pexGlobal as pex,
  pluginRow,
  problemOf,
  nodeParticipant,
  settingsFor,
  type BrandingFiles,
  type TestHost,
  collect,
  until,
  useTestHosts,
} from './fake-node-session.test-support.js';
import type { AppAction, MenuItemView, Notice } from './host.js';
import type { Participant } from './seed-types.js';

const hosts = useTestHosts();

const joined = hosts.joined;

function menu(host: TestHost['host']): Promise<readonly MenuItemView[]> {
  return firstValueFrom(host.menuItems$);
}

describe('loading plugins by the branding rules', () => {
  test('lists settings.json plugins with name and description before joining, loads them on join', async () => {
    const current = hosts.start(settingsFor({ id: 'menu-hider', folder: 'menu-hider' }));
    const before = await pluginRow(current.host, 'menu-hider');
    expect(before).toMatchObject({
      name: 'Menu hider',
      description: 'getPluginMenuItem(...).hide()',
      status: { kind: 'pending' },
    });
    await current.host.join({ alias: 'meet', displayName: 'Tester' });
    await current.host.settled();
    expect(await pluginRow(current.host, 'menu-hider')).toMatchObject({
      status: { kind: 'loaded' },
      version: '2',
    });
  });

  test('skips a plugin whose platforms do not include this one, with the reason', async () => {
    const { host } = await joined(
      settingsFor({ id: 'participant-state', folder: 'participant-state' }),
      { platform: 'ios' },
    );
    const row = await pluginRow(host, 'participant-state');
    expect(row.status.kind).toBe('skipped');
    expect(problemOf(row)).toBe('not available on ios (package platforms: web, electron)');
  });

  test("skips a plugin whose participantRoles do not include the user's role", async () => {
    const { host } = await joined(settingsFor({ id: 'renamer', folder: 'renamer' }), {
      role: 'GUEST',
    });
    expect(problemOf(await pluginRow(host, 'renamer'))).toBe(
      'role guest not allowed (package participantRoles: chair)',
    );
  });

  test('does not load a plugin settings.json disables, and lets the user enable it (persisted)', async () => {
    const files = settingsFor({ id: 'sloppy-globals', folder: 'sloppy-globals', enabled: false });
    const { host } = await joined(files);
    expect(await pluginRow(host, 'sloppy-globals')).toMatchObject({
      status: { kind: 'disabled', by: 'settings' },
      enabled: false,
    });
    await host.setPluginEnabled('sloppy-globals', true);
    expect(await pluginRow(host, 'sloppy-globals')).toMatchObject({
      status: { kind: 'loaded' },
      enabled: true,
    });
    await host.dispose();
    const again = await joined(files);
    expect(await pluginRow(again.host, 'sloppy-globals')).toMatchObject({
      status: { kind: 'loaded' },
      enabled: true,
    });
  });

  test('disabling calls unload and removes the menu items; a plugin without allowUnload refuses', async () => {
    const unloaded = vi.fn();
    globals['onFixtureUnload'] = unloaded;
    const files = inlinePlugin(
      'unloadable',
      `PEX.pluginAPI.registerPlugin({id: 'unloadable', load() {}, unload() { onFixtureUnload(); }, act() {}});`,
    );
    const { host } = await joined(files);
    expect((await menu(host)).map((item) => item.pluginId)).toEqual(['unloadable']);
    await host.setPluginEnabled('unloadable', false);
    expect(unloaded).toHaveBeenCalledTimes(1);
    expect(await menu(host)).toEqual([]);
    expect(localStorage.getItem('ipk-host-runtime:plugin-enabled:unloadable')).toBe('false');

    const pinned = await joined(settingsFor({ id: 'roster-filter', folder: 'roster-filter' }));
    await expect(pinned.host.setPluginEnabled('roster-filter', false)).rejects.toThrow(
      'does not allow unloading',
    );
  });

  test('reports an invalid package file by name and fault, and still loads the others', async () => {
    const files: BrandingFiles = {
      ...settingsFor(
        { id: 'broken', folder: 'broken' },
        { id: 'menu-hider', folder: 'menu-hider' },
      ),
      'plugins/broken/broken.plugin.package.json': '{ "id": "broken", "name": 3 ',
    };
    const { host } = await joined(files);
    const broken = await pluginRow(host, 'broken');
    expect(broken.status.kind).toBe('invalid');
    expect(problemOf(broken)).toContain('plugins/broken/broken.plugin.package.json');
    expect((await pluginRow(host, 'menu-hider')).status.kind).toBe('loaded');
  });

  test('names settings.json when it is not valid JSON, and loads no plugin', async () => {
    const current = hosts.start({
      'manifest.json': { brandingID: 1, isSettingsBranded: true },
      'settings.json': '{ plugins: [',
    });
    const notice = await firstValueFrom(current.host.notices$);
    expect(notice.level).toBe('error');
    expect(notice.message).toContain('settings.json');
  });

  test('warns (and still loads) when the settings id differs from the package id', async () => {
    const { host } = await joined(
      settingsFor({ id: 'action-listener', folder: 'action-listener' }),
    );
    const row = await pluginRow(host, 'action-listener');
    expect(row.status.kind).toBe('loaded');
    expect(row.packageId).toBe('action-listener-1.0');
    expect(row.warnings.join('\n')).toContain('differs from the package file id');
  });
});

describe('faults are contained: the plugin is marked failed, its items go, the others keep running', () => {
  const healthy = settingsFor({ id: 'menu-hider', folder: 'menu-hider' });
  async function faulty(source: string, options: Parameters<typeof joined>[1] = {}) {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const files = inlinePlugin('faulty', source);
    const settings = files['settings.json'] as { plugins: unknown[] };
    const merged: BrandingFiles = {
      ...files,
      'settings.json': {
        plugins: [
          ...settings.plugins,
          ...(healthy['settings.json'] as { plugins: unknown[] }).plugins,
        ],
      },
    };
    const test = await joined(merged, options);
    return test;
  }

  test.each([
    [
      'evaluation',
      `throw new Error('boom while evaluating');`,
      'evaluation: boom while evaluating',
    ],
    [
      'load',
      `PEX.pluginAPI.registerPlugin({id: 'faulty', load() { throw new Error('boom in load'); }, unload() {}, act() {}});`,
      'load: boom in load',
    ],
    [
      'async load',
      `PEX.pluginAPI.registerPlugin({id: 'faulty', async load() { await null; throw new Error('late'); }, unload() {}, act() {}});`,
      'load: late',
    ],
    ['no registerPlugin', `var nothing = 1;`, 'registration:'],
    [
      'subscription',
      `PEX.pluginAPI.registerPlugin({id: 'faulty', load(p$) { p$.subscribe(function (list) { if (list.length > 1) throw new Error('bad roster'); }); }, unload() {}, act() {}});`,
      'subscription: bad roster',
    ],
  ])('%s', async (_kind, source, error) => {
    const { host, node } = await faulty(source);
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('other') });
    const row = await until(host.plugins$, (rows) => rows[0]?.status.kind === 'failed').then(
      (rows) => rows[0],
    );
    expect(problemOf(row)).toContain(error);
    const items = await menu(host);
    expect(items.map((item) => item.pluginId)).toEqual(['menu-hider']);
    expect((await pluginRow(host, 'menu-hider')).status.kind).toBe('loaded');
  });

  test('an action that throws (or rejects) fails only its plugin, with a toast', async () => {
    const { host } = await faulty(
      `PEX.pluginAPI.registerPlugin({id: 'faulty', load() {}, unload() {}, act() { throw new TypeError('bad click'); }});`,
    );
    const notices = collect(host.notices$);
    const [item] = await menu(host);
    host.invokeMenuItem(item?.key ?? '');
    const row = await until(host.plugins$, (rows) => rows[0]?.status.kind === 'failed').then(
      (rows) => rows[0],
    );
    expect(problemOf(row)).toBe('action: bad click');
    expect(notices.map((notice: Notice) => notice.message)).toContain(
      'Plugin "faulty" stopped (action): bad click',
    );
  });

  test('unload that throws marks the plugin failed but it is removed all the same', async () => {
    const { host } = await faulty(
      `PEX.pluginAPI.registerPlugin({id: 'faulty', load() {}, unload() { throw new Error('no cleanup'); }, act() {}});`,
    );
    await host.setPluginEnabled('faulty', false);
    expect(problemOf(await pluginRow(host, 'faulty'))).toBe('unload: no cleanup');
    expect((await menu(host)).map((item) => item.pluginId)).toEqual(['menu-hider']);
  });

  test('a throwing PEX.actions$ subscriber fails the plugin that subscribed, not the stream', async () => {
    const { host } = await faulty(`PEX.pluginAPI.registerPlugin({id: 'faulty', load() {
      PEX.actions$.ofType('[Conference] Buzz Changed').subscribe(function () { throw new Error('bad buzz'); });
    }, unload() {}, act() {}});`);
    const seen = collect(host.appActions$);
    host.dispatchAppAction({
      type: '[Conference] Buzz Changed',
      payload: { buzzTime: 1, name: 'A' },
    });
    host.dispatchAppAction({
      type: '[Conference] Buzz Changed',
      payload: { buzzTime: 2, name: 'B' },
    });
    expect(problemOf(await pluginRow(host, 'faulty'))).toBe('subscription: bad buzz');
    expect(
      seen.filter((action: AppAction) => action.type === '[Conference] Buzz Changed'),
    ).toHaveLength(2);
  });

  test('strictPlugins reproduces the "Oops" page: the fault reaches fatalError$', async () => {
    const { host } = await faulty(
      `PEX.pluginAPI.registerPlugin({id: 'faulty', load() { throw new Error('oops'); }, unload() {}, act() {}});`,
      {
        strictPlugins: true,
      },
    );
    const fatal = await until(host.fatalError$, (error) => error !== undefined);
    expect(fatal?.message).toBe('oops');
  });

  test('a failed plugin can be enabled again and is evaluated afresh', async () => {
    globals['faultyRuns'] = 0;
    const { host } = await faulty(
      `faultyRuns += 1; PEX.pluginAPI.registerPlugin({id: 'faulty', load() { if (faultyRuns === 1) throw new Error('first time'); }, unload() {}, act() {}});`,
    );
    await host.setPluginEnabled('faulty', false);
    await host.setPluginEnabled('faulty', true);
    expect(await pluginRow(host, 'faulty')).toMatchObject({ status: { kind: 'loaded' } });
    expect(globals['faultyRuns']).toBe(2);
  });
});

describe('menus', () => {
  test('toolbar state from the seed recording example: icon relative to the plugin folder, label as hover text', async () => {
    // Served from src/fixtures/plugins/… by the fake branding server: the guide's files as printed.
    const { host } = await joined(
      settingsFor({
        id: 'recording-plugin-1.0',
        folder: 'seed-recording',
        file: 'recording.plugin.package.json',
      }),
    );
    const [item] = await until(host.menuItems$, (items) => items[0]?.label === 'Start recording');
    expect(item).toMatchObject({
      placement: 'toolbar',
      action: 'recordConference',
      iconUrl:
        'http://ipk.test/webapp2/custom_configuration/plugins/seed-recording/startRecording.svg#startRecording',
      hidden: false,
    });
  });

  test('participant menu items carry a per-participant look; null hides the item for that participant', async () => {
    const { host, node } = await joined(
      settingsFor({ id: 'participant-state', folder: 'participant-state' }),
    );
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('guest-1', { display_name: 'Gus' }),
    });
    const [item] = await until(host.menuItems$, (items) =>
      Boolean(items[0]?.perParticipant?.['guest-1']),
    );
    expect(item?.perParticipant?.['guest-1']).toEqual({
      iconUrl:
        'http://ipk.test/webapp2/custom_configuration/plugins/participant-state/icons/mute.svg#mute',
      label: 'Mute video of Gus',
    });
    expect(item?.perParticipant?.[SELF_UUID]).toBeNull();
    const gus = (await until(host.participants$, (list) => list.length === 2)).find(
      (p) => p.uuid === 'guest-1',
    );
    host.invokeMenuItem(item?.key ?? '', gus);
    await until(host.plugins$, () => node.requests.length > 0);
    expect(node.requests).toContainEqual({
      method: 'POST',
      path: 'participants/guest-1/video_muted',
      body: undefined,
    });
  });

  test('getPluginMenuItem(...).hide() and .show(); a conference action receives the conference details', async () => {
    const { host } = await joined(settingsFor({ id: 'menu-hider', folder: 'menu-hider' }));
    expect((await menu(host))[0]).toMatchObject({
      hidden: true,
      placement: 'conference',
      label: 'Secret',
    });
    (globals['menuHiderShow'] as () => void)();
    const [item] = await menu(host);
    expect(item?.hidden).toBe(false);
    host.invokeMenuItem(item?.key ?? '');
    expect(globals['menuHiderConference']).toEqual({
      locked: false,
      guestsMuted: false,
      chatEnabled: true,
      mediaType: 'video',
      started: false,
    });
  });
});

describe('participants$ and conferenceDetails$', () => {
  test('maps every seed property from the node fields into a frozen snapshot', async () => {
    const { host, node } = await joined({});
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('p1', {
        display_name: '',
        uri: 'sip:room@example.com',
        role: 'chair',
        protocol: 'sip',
        is_presenting: 'YES',
        is_muted: 'YES',
        spotlight: 1700000100.5,
        buzz_time: 1700000200,
        is_audio_only_call: 'YES',
        is_streaming_conference: true,
        rx_presentation_policy: 'DENY',
        fecc_supported: 'YES',
        disconnect_supported: 'NO',
        is_video_muted: true,
      }),
    });
    node.emit({ kind: 'stage', stage: [{ uuid: 'p1', stageIndex: 0, vad: 100 }] });
    node.emit({
      kind: 'conference-status',
      status: { locked: true, guests_muted: true, started: true },
    });
    const list = await until(host.participants$, (people) =>
      people.some((p) => p.uuid === 'p1' && p.vad === 100),
    );
    const p1 = list.find((p) => p.uuid === 'p1') as Participant;
    expect(p1).toEqual({
      uuid: 'p1',
      name: 'room@example.com',
      role: 'chair',
      uri: 'sip:room@example.com',
      startTime: 1700000000.5,
      protocol: 'sip',
      isExternal: false,
      presenting: true,
      muted: true,
      canControl: true,
      canDisconnect: false,
      canTransfer: true,
      canMute: true,
      serviceType: 'conference',
      callType: 'audio',
      spotlight: 1700000100.5,
      isStreaming: true,
      vad: 100,
      stageIndex: 0,
      rxPresentation: false,
      feccSupported: true,
      buzzTime: 1700000200,
      isVideoMuted: true,
    });
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen(p1)).toBe(true);
    expect(await firstValueFrom(host.conference$)).toEqual({
      locked: true,
      guestsMuted: true,
      chatEnabled: true,
      mediaType: 'video',
      started: true,
    });
  });

  test('coalesces a burst of updates into one emission per animation frame', async () => {
    const { host, node } = await joined({});
    await until(host.participants$, (list) => list.length === 1);
    const emissions = collect(host.participants$).length;
    const seen = collect(host.participants$);
    for (let index = 0; index < 200; index += 1) {
      node.emit({
        kind: 'participant-updated',
        participant: nodeParticipant('p1', { display_name: `Name ${index}` }),
      });
    }
    const last = await until(host.participants$, (list) => list.some((p) => p.name === 'Name 199'));
    expect(last).toHaveLength(2);
    expect(seen.length - emissions).toBe(1);
  });

  test('display names and chat from the node stay text (script payloads are not markup)', async () => {
    const { host, node } = await joined({});
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('evil', { display_name: payload }),
    });
    node.emit({
      kind: 'message',
      message: { origin: payload, uuid: 'evil', type: 'text/plain', payload, direct: false },
    });
    const list = await until(host.participants$, (people) => people.length === 2);
    expect(list.find((p) => p.uuid === 'evil')?.name).toBe(payload);
    const timeline = await until(host.timeline$, (entries) => entries.length === 2);
    expect(timeline).toMatchObject([
      { kind: 'joined', name: payload },
      { kind: 'chat', origin: payload, text: payload, own: false },
    ]);
    expect(globals['pwned']).toBeUndefined();
    expect(document.querySelector('img')).toBeNull();
  });

  test('a dropped event stream resyncs on reconnect: nobody lost, leavers removed, no false joins', async () => {
    const { host, node } = await joined(
      settingsFor({ id: 'action-listener', folder: 'action-listener' }),
    );
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('stays') });
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('leaves') });
    await until(host.participants$, (list) => list.length === 3);
    const states = collect(host.connection$);
    node.emit({ kind: 'reconnecting' });
    node.emit({ kind: 'connected' });
    node.emit({
      kind: 'participants',
      participants: [
        nodeParticipant(SELF_UUID, { display_name: 'Tester' }),
        nodeParticipant('stays', { display_name: 'Still here' }),
        nodeParticipant('new'),
      ],
    });
    const list = await until(host.participants$, (people) => people.some((p) => p.uuid === 'new'));
    expect(list.map((p) => p.uuid)).toEqual([SELF_UUID, 'stays', 'new']);
    expect(list[1]?.name).toBe('Still here');
    expect(states.map((state) => state.kind)).toEqual(['connected', 'reconnecting', 'connected']);
    expect(globals['actionLog']).toContain('[Participant] Disconnect Success: leaves');
  });
});

describe('window.PEX.pluginAPI sends what the node expects', () => {
  test('sendRequest: conference-relative with or without a leading slash, POST, payload as body, answer returned', async () => {
    const { node } = await joined({});
    const answer = await pex().pluginAPI['sendRequest']?.('/lock');
    await pex().pluginAPI['sendRequest']?.('participants/p1/dtmf', { digits: '1234' });
    await pex().pluginAPI['sendRequest']?.('participants/p1/buzz');
    expect(answer).toEqual({ status: 'success', result: true });
    expect(node.requests).toEqual([
      { method: 'POST', path: 'lock', body: undefined },
      { method: 'POST', path: 'participants/p1/dtmf', body: { digits: '1234' } },
      { method: 'POST', path: 'participants/p1/buzz', body: undefined },
    ]);
  });

  test("a refusal reaches the plugin as PexRTC delivers it: the node's answer, to the callback and the promise, never a rejection", async () => {
    const { host, node } = await joined({});
    node.answer = () => ({ status: 403, body: { status: 'failed', result: 'Not a host' } });
    const replies: unknown[] = [];
    const reply = await pex().pluginAPI.sendRequest('lock', undefined, (answer) =>
      replies.push(answer),
    );
    expect(reply).toEqual({ status: 'failed', result: 'Not a host' });
    expect(replies).toEqual([reply]);
    // Without a callback nobody may be left with an unhandled rejection; the refusal is a notice.
    const notices = collect(host.notices$);
    await pex().pluginAPI.sendRequest('lock');
    expect(notices.map((notice) => notice.message)).toEqual([
      "sendRequest('lock') was refused by the node: Not a host",
    ]);
  });

  test('dialOut maps to dial and calls back with {result: [uuids]}; a refusal calls back with []', async () => {
    const { node } = await joined({});
    const results: unknown[] = [];
    pex().pluginAPI['dialOut']?.(
      'rtmp://live/x',
      'auto',
      'guest',
      (value: unknown) => results.push(value),
      { streaming: true },
    );
    await until(new (await import('rxjs')).BehaviorSubject(0), () => results.length > 0);
    node.answer = () => ({ status: 400, body: { status: 'failed', result: 'bad' } });
    pex().pluginAPI['dialOut']?.('sip:x@y', 'sip', 'host', (value: unknown) => results.push(value));
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results).toEqual([{ result: ['dialled-1'] }, { result: [] }]);
    expect(node.requests.map((request) => request.body)).toEqual([
      { role: 'GUEST', destination: 'rtmp://live/x', protocol: 'auto', streaming: 'yes' },
      { role: 'HOST', destination: 'sip:x@y', protocol: 'sip' },
    ]);
  });

  test('participant commands, layouts (changeConferenceLayout warns once) and chat', async () => {
    const { host, node } = await joined({});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = pex().pluginAPI;
    api['spotlightOnParticipant']?.('p1');
    api['spotlightOffParticipant']?.('p1');
    api['disconnectParticipant']?.('p2');
    api['transformConferenceLayout']?.({ layout: '4:0', enable_overlay_text: true });
    api['transformConferenceLayout']?.({});
    api['changeConferenceLayout']?.({ layouts: [{ layout: '1:7', actors: [] }] });
    api['changeConferenceLayout']?.({ layouts: [] });
    api['sendChatMessage']?.('hello');
    api['sendChatMessage']?.({ type: pex().actions['SEND_CHAT_MESSAGE'], payload: 'as action' });
    await vi.waitFor(() => expect(node.requests).toHaveLength(9));
    expect(node.requests.map((request) => [request.path, request.body])).toEqual([
      ['participants/p1/spotlighton', undefined],
      ['participants/p1/spotlightoff', undefined],
      ['participants/p2/disconnect', undefined],
      ['transform_layout', { transforms: { layout: '4:0', enable_overlay_text: true } }],
      ['transform_layout', { transforms: {} }],
      ['transform_layout', { transforms: { layout: '1:7' } }],
      ['transform_layout', { transforms: {} }],
      ['message', { type: 'text/plain', payload: 'hello' }],
      ['message', { type: 'text/plain', payload: 'as action' }],
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    const chat = await until(host.timeline$, (entries) => entries.length === 2);
    expect(chat.map((entry) => entry.kind === 'chat' && [entry.text, entry.own])).toEqual([
      ['hello', true],
      ['as action', true],
    ]);
  });

  test('conferenceQueryParams, selfUUID, the action constants and a global PexRTC', async () => {
    await joined({}, { queryParams: { name: 'Tester', pin: '1234', extra: 'x' } });
    expect(pex().conferenceQueryParams).toEqual({ name: 'Tester', pin: '1234', extra: 'x' });
    expect(new URLSearchParams(pex().conferenceQueryParams).get('extra')).toBe('x');
    expect(pex().selfUUID).toBe(SELF_UUID);
    expect(Object.keys(pex().actions)).toEqual(
      expect.arrayContaining([
        'SEND_CHAT_MESSAGE',
        'RECEIVE_CHAT_MESSAGE',
        'SELECT_EVENT',
        'PARTICIPANT_CONNECT_SUCCESS',
        'PARTICIPANT_DISCONNECT_SUCCESS',
      ]),
    );
    expect(typeof globals['PexRTC']).toBe('function');
    expect((pex().pexrtc as object).constructor.name).toBe('PexRTC');
    expect(pex().pexrtc).toMatchObject({
      uuid: SELF_UUID,
      role: 'HOST',
      conference: 'meet',
      display_name: 'Tester',
    });
  });
});

describe('real-plugin behaviours (webapp2-in-the-wild.md), each with a fixture plugin of our own', () => {
  test('sloppy-mode classic scripts: undeclared globals, `this` = window, JSONP callbacks on window', async () => {
    const { host } = await joined(settingsFor({ id: 'sloppy-globals', folder: 'sloppy-globals' }));
    expect(globals['sloppyThisWasWindow']).toBe(true);
    expect(globals['sloppyDeclared']).toBe('top-level var becomes a window property');
    const [item] = await menu(host);
    host.invokeMenuItem(item?.key ?? '');
    host.invokeMenuItem(item?.key ?? '');
    expect(globals['sloppyCounter']).toBe(2);
  });

  test('RxJS-5 chains on PEX.actions$, NgRx action strings with payloads, PEX.selfUUID, whole-stream subscribers', async () => {
    const { host, node } = await joined(
      settingsFor({ id: 'action-listener', folder: 'action-listener' }),
    );
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('p1', { display_name: 'Hanna' }),
    });
    node.emit({
      kind: 'participant-updated',
      participant: nodeParticipant('p1', { display_name: 'Hanna', buzz_time: 1700000300 }),
    });
    node.emit({
      kind: 'participant-updated',
      participant: nodeParticipant(SELF_UUID, { display_name: 'Tester', is_muted: 'YES' }),
    });
    node.emit({
      kind: 'message',
      message: {
        origin: 'Hanna',
        uuid: 'p1',
        type: 'text/plain',
        payload: 'hi all',
        direct: false,
      },
    });
    node.emit({ kind: 'participant-left', uuid: 'p1' });
    await host.leave();
    expect(globals['actionLog']).toEqual([
      `self ${SELF_UUID}`,
      'Hanna raised a hand',
      'I am muted: true',
      '[Conference] Receive Chat Message: hi all',
      '[Participant] Disconnect Success: p1',
    ]);
  });

  test('PEX.dispatchAction reaches the app (start-muted mutes camera and microphone on Connect Success)', async () => {
    const current = hosts.start(settingsFor({ id: 'start-muted', folder: 'start-muted' }));
    const actions = collect(current.host.appActions$);
    await current.host.join({ alias: 'meet', displayName: 'Tester' });
    await current.host.settled();
    expect(globals['startMutedJoinRole']).toBe('HOST');
    expect(actions.map((action) => action.type)).toEqual([
      '[Conference] Connect Success',
      '[Conference] Mute Camera',
      '[Conference] Mute Microphone',
      '[Conference] Set Self UUID',
      '[Conference] Set remote call type',
    ]);
    expect(await firstValueFrom(current.host.selfMedia$)).toEqual({
      microphoneMuted: true,
      cameraMuted: true,
    });
  });

  test('PEX.pexrtc callbacks replaced by a plugin feed the roster (hide-api-users drops API clients)', async () => {
    const { host, node } = await joined(
      settingsFor({ id: 'roster-filter', folder: 'roster-filter' }),
    );
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('api-bot', { protocol: 'api' }),
    });
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('person', { protocol: 'webrtc' }),
    });
    const list = await until(host.participants$, (people) =>
      people.some((p) => p.uuid === 'person'),
    );
    expect(list.map((p) => p.uuid)).toEqual(['person']);
  });

  test('async load and renamed roster entries through PEX.pexrtc (anonymizer), setParticipantText sent', async () => {
    const { host, node } = await joined(settingsFor({ id: 'renamer', folder: 'renamer' }));
    expect(globals['renamerSawRole']).toBe('HOST');
    expect(globals['renamerSawSelf']).toBe(SELF_UUID);
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('abcd-1', { display_name: 'Real Name' }),
    });
    const list = await until(host.participants$, (people) =>
      people.some((p) => p.uuid === 'abcd-1'),
    );
    expect(list.find((p) => p.uuid === 'abcd-1')?.name).toBe('Anon-abcd');
    await vi.waitFor(() =>
      expect(
        node.requests.some((request) => request.path === 'participants/abcd-1/overlaytext'),
      ).toBe(true),
    );
  });

  test('dialogs are also Observables with viewInit$; title null, extra arguments, close(result) on close$', async () => {
    const { host } = await joined(settingsFor({ id: 'old-dialog', folder: 'old-dialog' }));
    const [item] = await menu(host);
    host.invokeMenuItem(item?.key ?? '');
    expect(globals['oldDialogOptions']).toBe(2);
    expect(document.getElementById('secondBody')?.textContent).toBe('x');
    (globals['oldDialogRef'] as { close(result: unknown): void }).close('picked');
    await vi.waitFor(() => expect(globals['oldDialogClosedWith']).toBe('picked'));
  });

  test('dialog bodies run inline onclick handlers (seed openTemplateDialog example)', async () => {
    const { node } = await joined({});
    (window as unknown as { happyDOM: { settings: Record<string, unknown> } }).happyDOM.settings[
      'enableJavaScriptEvaluation'
    ] = true;
    await pex().pluginAPI['openTemplateDialog']?.({
      title: 'Layout control',
      body: `<div style="flex-wrap: wrap; justify-content: center;">
    <button class="dialog-button blue-action-button" onclick="window.PEX.pluginAPI.transformConferenceLayout
({layout:'4:0'})">Equal</button></div>`,
    });
    document.querySelector<HTMLButtonElement>('.blue-action-button')?.click();
    await vi.waitFor(() =>
      expect(node.requests).toContainEqual({
        method: 'POST',
        path: 'transform_layout',
        body: { transforms: { layout: '4:0' } },
      }),
    );
  });
});

describe('faults the browser reports on window (script evaluation, timers, DOM handlers)', () => {
  function scriptThatThrows(): (url: string, win: Window) => Promise<void> {
    // What a classic <script src> does when its code throws: an ErrorEvent on window naming
    // the script, then its load event.
    return (url, win) => {
      win.dispatchEvent(
        new ErrorEvent('error', { filename: url, message: 'x', error: new Error('script threw') }),
      );
      return Promise.resolve();
    };
  }

  test('an error event naming the plugin script fails that plugin during evaluation', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { host } = await joined(settingsFor({ id: 'menu-hider', folder: 'menu-hider' }), {
      loadScript: scriptThatThrows(),
    });
    expect(problemOf(await pluginRow(host, 'menu-hider'))).toBe('evaluation: script threw');
  });

  test('a later error from the plugin script (a timer, an onclick) fails it as a callback fault', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { host } = await joined(settingsFor({ id: 'menu-hider', folder: 'menu-hider' }));
    const url =
      'http://ipk.test/webapp2/custom_configuration/plugins/menu-hider/menu-hider.plugin.js';
    window.dispatchEvent(
      new ErrorEvent('error', { filename: url, message: 'x', error: new Error('timer threw') }),
    );
    expect(problemOf(await pluginRow(host, 'menu-hider'))).toBe('callback: timer threw');
    expect(await menu(host)).toEqual([]);
  });
});

describe("the guide's other snippets, as printed", () => {
  test('sendRequest, spotlight, disconnect, chat, the .then(dialogRef) dialog and the RECEIVE_CHAT_MESSAGE listener', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { host, node } = await joined(
      settingsFor({ id: 'seed-snippets', folder: 'seed-snippets' }),
    );
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('p1') });
    const people = await until(host.participants$, (list) => list.length === 2);
    const [item] = await menu(host);
    host.invokeMenuItem(
      item?.key ?? '',
      people.find((p) => p.uuid === 'p1'),
    );
    await vi.waitFor(() => expect(node.requests).toHaveLength(8));
    expect(node.requests.map((request) => [request.path, request.body])).toEqual([
      ['lock', undefined],
      ['mutequest', undefined],
      ['participants/p1/mute', undefined],
      ['participants/p1/dtmf', { digits: '1234' }],
      ['participants/p1/spotlighton', undefined],
      ['participants/p1/spotlightoff', undefined],
      ['participants/p1/disconnect', undefined],
      ['message', { type: 'text/plain', payload: 'Here is some chat' }],
    ]);
    await vi.waitFor(() => expect(globals['seedDialogRef']).toBeDefined());
    expect(document.getElementById('myButtonId')?.textContent).toBe('Do Something');
    (globals['seedDialogRef'] as { close(): void }).close();
    await vi.waitFor(() => expect(globals['seedDialogClosed']).toBe(true));
    node.emit({
      kind: 'message',
      message: {
        origin: 'Bo',
        uuid: 'p1',
        type: 'text/plain',
        payload: 'The thing I am looking for, here',
        direct: false,
      },
    });
    expect(globals['seedFoundTheThing']).toBe(true);
  });
});
