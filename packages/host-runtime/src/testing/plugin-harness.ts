import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
// Node's URL, not the DOM emulation's global one: file: URLs must round-trip to paths.
import { URL as NodeURL, fileURLToPath, pathToFileURL } from 'node:url';
import {
  ACTIONS,
  WEBAPP2_ACTION_TYPES,
  checkPluginPackageText,
  formatIssue,
} from '@ipk/plugin-api';
import { BehaviorSubject, Subject } from 'rxjs';
import type { AppAction, MenuItemLook, MenuItemView, Notice, PluginRecord } from '../host.js';
import type { NodeAnswer, NodeParticipant } from '../node-session.js';
import { installPexGlobal } from '../pex-global.js';
import { PexRTC } from '../pexrtc-facade.js';
import { PluginRuntime } from '../plugin-runtime.js';
import { evaluateClassicScript } from '../script-loaders.js';
import type { ConferenceDetails, MenuPlacement, Participant } from '../seed-types.js';
import { openDialogWithIpkDialogs } from '../template-dialog.js';
import { conferenceWithDefaults, participantWithDefaults } from './participant-defaults.js';
import type {
  PluginHarness,
  PluginHarnessOptions,
  RecordedRequest,
} from './plugin-harness-types.js';

const SELF_UUID = 'self-uuid';

async function readPackage(packageFile: string) {
  const text = await readFile(packageFile, 'utf8');
  const checked = checkPluginPackageText(text, basename(packageFile));
  if (!checked.ok || !checked.value) {
    const faults = checked.issues.filter((issue) => issue.severity === 'error').map(formatIssue);
    throw new Error(
      `createPluginHarness: ${packageFile} is not a valid plugin package file:\n${faults.join('\n')}`,
    );
  }
  return checked.value;
}

/** The fake node: every command succeeds; `dial` answers one new uuid. */
function fakeNodeAnswer(path: string): NodeAnswer {
  if (path === 'dial')
    return { status: 200, body: { status: 'success', result: [`dialled-${Date.now()}`] } };
  return { status: 200, body: { status: 'success', result: true } };
}

/** Enables happy-dom's script evaluation so inline `onclick` in dialog bodies runs. */
function allowInlineHandlers(window: Window): void {
  const happyDom = (window as unknown as { happyDOM?: { settings?: Record<string, unknown> } })
    .happyDOM;
  if (happyDom?.settings) happyDom.settings['enableJavaScriptEvaluation'] = true;
}

/**
 * An in-process webapp2 for plugin unit tests: installs `window.PEX` in the test's DOM
 * emulation (Vitest `environment: 'happy-dom'` or `'jsdom'`), evaluates the plugin's IIFE as
 * a classic script, loads it as the real app would (package file validated; platform and role
 * enforced), and records every call it makes.
 */
export async function createPluginHarness(options: PluginHarnessOptions): Promise<PluginHarness> {
  const window = globalThis.window;
  if (!window)
    throw new Error(
      'createPluginHarness needs a DOM: run the test with environment "happy-dom" or "jsdom".',
    );
  allowInlineHandlers(window);
  const packageFile = resolve(options.packageFile);
  const pkg = await readPackage(packageFile);
  const packageUrl = pathToFileURL(packageFile).href;
  const sourcePath = options.source
    ? resolve(options.source)
    : fileURLToPath(new NodeURL(pkg.srcURL, packageUrl));
  const sourceText = options.sourceText ?? (await readFile(sourcePath, 'utf8'));
  const role = options.role ?? 'chair';

  const self = participantWithDefaults(
    { uuid: SELF_UUID, name: 'You', role, protocol: 'api', callType: 'api' },
    0,
  );
  const toRoster = (partials: readonly Partial<Participant>[]): readonly Participant[] => {
    const others = partials.map((partial, index) => participantWithDefaults(partial, index + 1));
    return Object.freeze(
      others.some((participant) => participant.uuid === SELF_UUID) ? others : [self, ...others],
    );
  };
  const participants$ = new BehaviorSubject<readonly Participant[]>(
    toRoster(options.participants ?? []),
  );
  const conference$ = new BehaviorSubject<ConferenceDetails>(
    conferenceWithDefaults(options.conference ?? {}),
  );
  const actions$ = new Subject<AppAction>();
  const requests: RecordedRequest[] = [];
  const notices: Notice[] = [];

  const runtime = new PluginRuntime({
    window,
    platform: options.platform ?? 'web',
    participants$,
    conference$,
    strictPlugins: false,
    storage: undefined,
    loadScript: (url) => Promise.resolve(evaluateClassicScript(sourceText, url)),
    notice: (notice) => notices.push(notice),
    fatal: () => undefined,
  });
  runtime.setPlugins([
    { settingsId: pkg.id, enabledByDefault: true, packageUrl, pkg, warnings: [] },
  ]);

  const upsert = (node: NodeParticipant): void => {
    const others = participants$.value.filter((participant) => participant.uuid !== node.uuid);
    const name = typeof node['display_name'] === 'string' ? node['display_name'] : node.uuid;
    participants$.next(
      Object.freeze([...others, participantWithDefaults({ uuid: node.uuid, name }, others.length)]),
    );
  };
  const pexrtc = new PexRTC(
    {
      upsert,
      remove: (uuid) =>
        participants$.next(Object.freeze(participants$.value.filter((p) => p.uuid !== uuid))),
      chat: (message) => actions$.next({ type: ACTIONS.RECEIVE_CHAT_MESSAGE, payload: message }),
    },
    {
      muteAudio: (muted) =>
        actions$.next({
          type: muted
            ? WEBAPP2_ACTION_TYPES.MUTE_MICROPHONE
            : WEBAPP2_ACTION_TYPES.UNMUTE_MICROPHONE,
        }),
      setParticipantText: (uuid, text) =>
        requests.push({ call: 'pexrtc.setParticipantText', args: [uuid, text] }),
      sendChatMessage: (text, uuid) =>
        requests.push({ call: 'pexrtc.sendChatMessage', args: uuid ? [text, uuid] : [text] }),
    },
  );
  Object.assign(pexrtc, {
    uuid: SELF_UUID,
    role: role === 'chair' ? 'HOST' : 'GUEST',
    display_name: 'You',
    conference: options.alias ?? 'meet',
    state: 'CONNECTED',
  });
  const installation = installPexGlobal(window, {
    runtime,
    request: (method, path, body) =>
      Promise.resolve(
        options.answerRequest
          ? options.answerRequest({ method, path, body })
          : fakeNodeAnswer(path),
      ),
    actions$,
    dispatch: (action) => actions$.next(action),
    sendChat: () => Promise.resolve(),
    selfUuid: () => SELF_UUID,
    queryParams: options.queryParams ?? {},
    pexrtc,
    openDialog: openDialogWithIpkDialogs,
    notice: (notice) => notices.push(notice),
    record: (call, args) => requests.push({ call, args }),
  });

  await runtime.startConference(role);
  actions$.next({
    type: WEBAPP2_ACTION_TYPES.CONNECT_SUCCESS,
    payload: {
      alias: options.alias ?? 'meet',
      displayName: 'You',
      joinRole: role === 'chair' ? 'HOST' : 'guest',
      serviceType: 'conference',
    },
  });
  actions$.next({ type: WEBAPP2_ACTION_TYPES.SET_SELF_UUID, payload: SELF_UUID });

  const record = () => {
    let rows: readonly PluginRecord[] = [];
    runtime.records$.subscribe((value) => (rows = value)).unsubscribe();
    const row = rows[0];
    if (!row) throw new Error('createPluginHarness: no plugin record');
    return row;
  };
  const menuItems = () => {
    let items: readonly MenuItemView[] = [];
    runtime.menuItems$.subscribe((value) => (items = value)).unsubscribe();
    return items;
  };
  const placementOf = (action: string): MenuPlacement =>
    (['toolbar', 'conference', 'participants'] as const).find((placement) =>
      (pkg.menuItems[placement] ?? []).some((item) => item.action === action),
    ) ?? 'toolbar';

  return {
    menuItems,
    async invoke(action, target) {
      const participant = target ? participantWithDefaults(target, 0) : undefined;
      await runtime.invokeAction(pkg.id, action, placementOf(action), participant);
      const row = record();
      if (row.status === 'failed') throw new Error(`${pkg.id} failed: ${row.error ?? ''}`);
    },
    state: () =>
      runtime.stateOf(pkg.id) as
        MenuItemLook | Readonly<Record<string, MenuItemLook | null>> | undefined,
    pushParticipants: (partials) => participants$.next(toRoster(partials)),
    pushConference: (conference) =>
      conference$.next(Object.freeze({ ...conference$.value, ...conference })),
    emitAction: (action) => actions$.next(action),
    requests,
    dialog: () => installation.openDialogs[installation.openDialogs.length - 1]?.element ?? null,
    record,
    unload: () => runtime.endConference(),
    async dispose() {
      await runtime.dispose();
      installation.uninstall();
    },
  };
}
