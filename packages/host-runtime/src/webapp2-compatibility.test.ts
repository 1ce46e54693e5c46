/**
 * What Pexip's own webapp2 gallery plugins (`pexip/plugin-*`) need of a host, each reproduced by a
 * fixture plugin of our own under `src/fixtures/plugins/` (the gallery's code is never copied).
 * The page itself (`#conference-container`, the toolbar's ids, toasts) is the app's and is
 * tested in `@ipk/host-app`.
 */
import { describe, expect, test, vi } from 'vitest';
import { firstValueFrom } from 'rxjs';
import {
  SELF_UUID,
  brandingOf,
  globals,
  inlinePlugin,
  pexGlobal as pex,
  pluginRow as row,
  nodeParticipant,
  settingsFor,
  type BrandingFiles,
  type TestHost,
  collect,
  until,
  useTestHosts,
} from './fake-node-session.test-support.js';
import type { AppAction, MenuItemView, Notice } from './host.js';
import { lookForParticipant } from './menu-item-look.js';

const hosts = useTestHosts();

const joined = hosts.joined;

const fixture = (id: string): BrandingFiles => settingsFor({ id, folder: id });

describe('1. no package file or settings entry can fail the join', () => {
  test.each([
    ['no menuItems at all', undefined],
    ['menuItems: {}', {}],
    ['an empty toolbar list', { toolbar: [] }],
    ['an item with icon and label null', { toolbar: [{ icon: null, label: null, action: 'act' }] }],
    ['an item without a label', { conference: [{ icon: 'x.svg#x', action: 'act' }] }],
  ])('%s: the plugin loads and the join goes on', async (_case, menuItems) => {
    const files = inlinePlugin(
      'listener',
      `PEX.pluginAPI.registerPlugin({id: 'listener', load() { window.listenerLoaded = true; }, unload() {}, act() {}});`,
      { menuItems },
    );
    const { host } = await joined(files);
    expect((await row(host, 'listener'))?.status.kind).toBe('loaded');
    expect(globals['listenerLoaded']).toBe(true);
    const items = await firstValueFrom(host.menuItems$);
    // An item that would show neither icon nor label is hidden, never named after its action.
    expect(items.filter((item) => !item.hidden).map((item) => item.label)).not.toContain('act');
  });

  test('the no-menu-items fixture (maintain-url, raise-hand-notification) loads beside the others', async () => {
    const { host } = await joined(brandingOf(fixture('no-menu-items'), fixture('menu-hider')));
    expect((await row(host, 'no-menu-items'))?.status.kind).toBe('loaded');
    expect((await row(host, 'menu-hider'))?.status.kind).toBe('loaded');
  });

  test('a package file that is not JSON, or a settings entry pointing nowhere, marks that plugin invalid only', async () => {
    const files = brandingOf(
      {
        ...settingsFor({ id: 'broken', folder: 'broken' }),
        'plugins/broken/broken.plugin.package.json': '{ "id": "broken", ',
      },
      settingsFor({ id: 'missing', folder: 'missing' }),
      fixture('menu-hider'),
    );
    const { host } = await joined(files);
    expect((await row(host, 'broken'))?.status.kind).toBe('invalid');
    expect((await row(host, 'missing'))?.status.kind).toBe('invalid');
    expect((await row(host, 'menu-hider'))?.status.kind).toBe('loaded');
  });
});

describe('2. Disconnect Success reaches the plugins before they are unloaded', () => {
  test.each([
    ['the user leaves', (test: TestHost) => test.host.leave()],
    [
      'the node ends the conference',
      async (test: TestHost) => {
        test.node.emit({ kind: 'disconnected', reason: 'Conference ended' });
        await until(test.host.connection$, (state) => state.kind === 'disconnected');
      },
    ],
  ])('when %s', async (_case, end) => {
    const test = await joined(fixture('goodbye-listener'), {
      queryParams: { redirect: 'https://survey.example/thanks' },
    });
    const actions = collect(test.host.appActions$);
    await end(test);
    expect(globals['goodbyeRedirect']).toBe('https://survey.example/thanks');
    expect(globals['goodbyeUnloadedAfter']).toBe('https://survey.example/thanks');
    expect(actions.map((action: AppAction) => action.type)).toContain(
      '[Conference] Disconnect Success',
    );
    expect((await row(test.host, 'goodbye-listener'))?.status.kind).toBe('pending');
  });
});

describe('3. a mute from a plugin is real, and the user keeps the last word', () => {
  test('start-muted mutes before the camera stream exists; the stream starts muted when it comes', async () => {
    const { host } = await joined(fixture('start-muted'));
    expect(await firstValueFrom(host.selfMedia$)).toEqual({
      microphoneMuted: true,
      cameraMuted: true,
    });
    expect(pex().pexrtc.mutedAudio).toBe(true);
    expect(pex().pexrtc.mutedVideo).toBe(true);
  });

  test("the node is told, as Pexip's client tells it (client_mute, video_muted)", async () => {
    const { node } = await joined(fixture('start-muted'));
    await vi.waitFor(() =>
      expect(node.requests.map((request) => request.path)).toEqual(
        expect.arrayContaining([
          `participants/${SELF_UUID}/video_muted`,
          `participants/${SELF_UUID}/client_mute`,
        ]),
      ),
    );
  });

  test("a plugin's 'Unmute Camera' on every roster change does not undo the user's own mute", async () => {
    const { host, node } = await joined(fixture('camera-follower'));
    host.setCameraMuted(true);
    // The roster changes (someone joins) and the plugin dispatches 'Unmute Camera' again.
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('someone') });
    await until(host.participants$, (people) => people.some((p) => p.uuid === 'someone'));
    expect((await firstValueFrom(host.selfMedia$)).cameraMuted).toBe(true);
    // The user unmutes: that stands too.
    host.setCameraMuted(false);
    expect((await firstValueFrom(host.selfMedia$)).cameraMuted).toBe(false);
  });

  test('the same plugin can mute (the node says the user is video-muted): a mute always holds', async () => {
    const { host, node } = await joined(fixture('camera-follower'));
    node.emit({
      kind: 'participant-updated',
      participant: nodeParticipant(SELF_UUID, { is_video_muted: true, protocol: 'api' }),
    });
    await until(host.selfMedia$, (state) => state.cameraMuted);
  });

  test('start-muted with video-mute-participant beside it: the camera stays muted, no ping-pong with the node', async () => {
    const { host, node } = await joined(
      brandingOf(fixture('start-muted'), fixture('camera-follower')),
    );
    const self = (videoMuted: boolean) =>
      nodeParticipant(SELF_UUID, { is_video_muted: videoMuted, protocol: 'api' });
    // The roster still says "not video-muted" (the node has not seen video_muted yet): an echo.
    await until(host.participants$, (list) => list.some((p) => p.uuid === SELF_UUID));
    node.emit({ kind: 'participant-updated', participant: self(false) });
    await until(host.participants$, (list) => list.some((p) => p.uuid === SELF_UUID));
    expect((await firstValueFrom(host.selfMedia$)).cameraMuted).toBe(true);
    // The node catches up; then another host unmutes our video: the plugin follows, as it should.
    node.emit({ kind: 'participant-updated', participant: self(true) });
    expect((await firstValueFrom(host.selfMedia$)).cameraMuted).toBe(true);
    node.emit({ kind: 'participant-updated', participant: self(false) });
    await until(host.selfMedia$, (state) => !state.cameraMuted);
    const cameraRequests = node.requests
      .map((request) => request.path)
      .filter((path) => path.endsWith('/video_muted') || path.endsWith('/video_unmuted'));
    expect(cameraRequests).toEqual([
      `participants/${SELF_UUID}/video_muted`,
      `participants/${SELF_UUID}/video_unmuted`,
    ]);
  });

  test('PEX.pexrtc.muteAudio() toggles the one state and returns it', async () => {
    const { host } = await joined({});
    expect(pex().pexrtc.muteAudio()).toBe(true);
    expect((await firstValueFrom(host.selfMedia$)).microphoneMuted).toBe(true);
    expect(pex().pexrtc.muteAudio(false)).toBe(false);
  });
});

describe('5. menu item looks', () => {
  test('mtw-style mixed state: listed participants as given, the others from the top-level keys, nulls hide', async () => {
    const { host, node } = await joined(fixture('waiting-room-mover'));
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('movable', { protocol: 'webrtc' }),
    });
    const items = await until(host.menuItems$, (list) =>
      list.some((item) => item.perParticipant?.['movable'] !== undefined),
    );
    const item = items.find((candidate) => candidate.pluginId === 'waiting-room-mover');
    expect(item).toBeDefined();
    const view = item as MenuItemView;
    expect(lookForParticipant(view, 'movable')?.label).toBe('Move to waiting room');
    // Not in the state: the top-level icon, no label. Shown by its icon (the app names it after
    // the plugin), never after the action function "moveToWaitingRoom".
    const other = lookForParticipant(view, SELF_UUID);
    expect(other?.iconUrl).toMatch(/waiting-room-mover\/door\.svg#door$/);
    expect(other?.label).toBeNull();
    expect(view.pluginName).toBe('Waiting room mover');
  });

  test('a participant the plugin gave {icon: null, label: null} has no item', async () => {
    const { host, node } = await joined(fixture('waiting-room-mover'));
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('fixed', { protocol: 'sip' }),
    });
    const items = await until(host.menuItems$, (list) =>
      list.some((item) => item.perParticipant?.['fixed'] === null),
    );
    const item = items.find((candidate) => candidate.pluginId === 'waiting-room-mover');
    expect(lookForParticipant(item as MenuItemView, 'fixed')).toBeNull();
    expect(lookForParticipant(item as MenuItemView, SELF_UUID)).toBeNull();
  });

  test("the app's sprite and the older configuration/plugins/ path resolve against the web app's page", async () => {
    const { host } = await joined(fixture('borrowed-icons'));
    const items = await firstValueFrom(host.menuItems$);
    const base = new URL(document.baseURI);
    expect(items.map((item) => item.iconUrl)).toEqual([
      new URL('icons.svg#video', base).href,
      new URL('configuration/plugins/borrowed-icons/old.svg#old', base).href,
    ]);
  });
});

describe('6. PEX.pexrtc for older plugins', () => {
  test('is found by walking window for constructor.name === "PexRTC", and says which node', async () => {
    await joined(fixture('window-walker'), { nodeUrl: 'https://pexip.example.com' });
    expect(globals['walkerFound']).toEqual({
      node: 'pexip.example.com',
      uuid: SELF_UUID,
      sameAsPex: true,
    });
  });
});

describe('7. the actions of the guide are dispatched where webapp2 dispatches them', () => {
  test("SELECT_EVENT carries the picked timeline entry's action", async () => {
    const { host, node } = await joined(fixture('event-picker'));
    node.emit({
      kind: 'participant-joined',
      participant: nodeParticipant('p1', { display_name: 'Petra' }),
    });
    const timeline = await until(host.timeline$, (entries) => entries.length > 0);
    host.selectTimelineEntry(timeline[0]?.id ?? '');
    expect(globals['pickedParticipant']).toBe('Petra');
  });

  test("a join the node refuses is announced as '[Conference] Connect Fail' {msg}", async () => {
    const current = hosts.start({});
    current.node.joinResult = { kind: 'failed', message: 'No such conference' };
    const actions = collect(current.host.appActions$);
    await current.host.join({ alias: 'nowhere', displayName: 'Tester' });
    expect(actions).toContainEqual({
      type: '[Conference] Connect Fail',
      payload: { msg: 'No such conference' },
    });
  });

  test('joining and leaving dispatch the whole sequence webapp2 plugins listen for', async () => {
    const current = hosts.start({});
    const actions = collect(current.host.appActions$);
    await current.host.join({ alias: 'meet', displayName: 'Tester' });
    await current.host.settled();
    await current.host.leave();
    expect(actions.map((action: AppAction) => action.type)).toEqual([
      '[Conference] Connect Success',
      '[Conference] Set Self UUID',
      '[Conference] Set remote call type',
      '[Conference] Disconnect',
      '[Conference] Disconnect Success',
      '[Home] Screen state',
    ]);
  });
});

describe('8. a refusal by the node', () => {
  test('reaches a plugin that ignores the answer as a notice naming it, never as an unhandled rejection', async () => {
    const { host, node } = await joined(fixture('waiting-room-mover'));
    node.answer = () => ({
      status: 403,
      body: { status: 'failed', result: 'Transfer not allowed' },
    });
    const notices = collect(host.notices$);
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent): void => {
      rejections.push(event.reason);
    };
    window.addEventListener('unhandledrejection', onRejection);
    node.emit({ kind: 'participant-joined', participant: nodeParticipant('movable') });
    const items = await until(host.menuItems$, (list) => list.length > 0);
    host.invokeMenuItem(
      items[0]?.key ?? '',
      (await until(host.participants$, (p) => p.length > 1))[1],
    );
    await vi.waitFor(() =>
      expect(notices.map((notice: Notice) => notice.message)).toContain(
        'Plugin "waiting-room-mover": sendRequest(\'participants/movable/transfer\') was refused by the node: Transfer not allowed',
      ),
    );
    window.removeEventListener('unhandledrejection', onRejection);
    expect(rejections).toEqual([]);
    expect((await row(host, 'waiting-room-mover'))?.status.kind).toBe('loaded');
  });
});

describe('beyond the plugin guide: what Settings > Plugins lists per plugin', () => {
  test('the same findings as `ipk-branding check`, from what the plugin did in the live host', async () => {
    const files = inlinePlugin(
      'reacher',
      `PEX.pluginAPI.registerPlugin({id: 'reacher', load() {
        document.getElementById('mainVideo');
        PEX.actions$.ofType('[Conference] Connect Success').subscribe(function () {
          PEX.dispatchAction({type: '[Conference] Mute Camera'});
          window.dispatchEvent(new KeyboardEvent('keydown', {key: 's'}));
          void PEX.pexrtc.uuid;
        });
      }, unload() {}, act() {}});`,
    );
    const plain = inlinePlugin(
      'plain',
      `PEX.pluginAPI.registerPlugin({id: 'plain', load(participants$) { participants$.subscribe(function () {}); PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function () {}); }, unload() {}, act() {}});`,
    );
    const { host } = await joined(brandingOf(files, plain));
    const reacher = await row(host, 'reacher');
    expect(reacher?.beyondTheGuide.map((finding) => finding.what).sort()).toEqual(
      [
        'calls PEX.dispatchAction',
        'reads #mainVideo',
        "sends the key 's' to the window",
        "uses the action '[Conference] Connect Success'",
        "uses the action '[Conference] Mute Camera'",
        'uses PEX.pexrtc',
      ].sort(),
    );
    // A plugin that keeps to the guide has nothing listed, and the app's own queries are no one's.
    expect((await row(host, 'plain'))?.beyondTheGuide).toEqual([]);
  });
});
