import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
// Node's URL, not the DOM emulation's global one: file: URLs must round-trip to paths.
import { URL as NodeURL, fileURLToPath, pathToFileURL } from 'node:url';
import type { Observable } from 'rxjs';
import { ConferenceHost } from '../conference-host.js';
import type { FrameScheduler } from '../frame-scheduler.js';
import type { PluginRecord } from '../host.js';
import { evaluateClassicScript } from '../script-loaders.js';
import type { ConferenceDetails, MenuPlacement, Participant } from '../seed-types.js';
import { FakeNodeSession } from './fake-node-session.js';
import {
  conferenceWithDefaults,
  nodeParticipantFor,
  participantWithDefaults,
} from './participant-defaults.js';
import type {
  PluginHarness,
  PluginHarnessOptions,
  RecordedRequest,
} from './plugin-harness-types.js';

/** Enables happy-dom's script evaluation so inline `onclick` in dialog bodies runs. */
function allowInlineHandlers(window: Window): void {
  const happyDom = (window as unknown as { happyDOM?: { settings?: Record<string, unknown> } })
    .happyDOM;
  if (happyDom?.settings) happyDom.settings['enableJavaScriptEvaluation'] = true;
}

/** Frames the harness runs itself, so a pushed roster reaches the plugin before the call returns. */
function manualFrames(): { schedule: FrameScheduler; flush(): void } {
  let pending: (() => void) | undefined;
  return {
    schedule: (callback) => {
      pending = callback;
      return () => {
        if (pending === callback) pending = undefined;
      };
    },
    flush: () => {
      const run = pending;
      pending = undefined;
      run?.();
    },
  };
}

/** A storage that forgets: a test's enable/disable choices do not leak into the next. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** What `source$` holds now: the host's streams replay their current value on subscribe. */
function latest<T>(source$: Observable<T>, initial: T): T {
  let value = initial;
  source$.subscribe((next) => (value = next)).unsubscribe();
  return value;
}

function packageIdOf(packageText: string): string | undefined {
  try {
    const id = (JSON.parse(packageText) as { id?: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An in-process webapp2 for plugin unit tests: the kit's real host (`createHost`'s assembly) on a
 * fake node session, in the test's DOM emulation (Vitest `environment: 'happy-dom'` or `'jsdom'`).
 * The plugin's package file is read and validated by the host's own branding loader, its IIFE
 * evaluated as a classic script, its platform and role enforced, and every call it makes
 * recorded. What the plugin sees is what it would see in the host app: the same participant
 * objects, the same `PEX`, the same action order on joining.
 */
export async function createPluginHarness(options: PluginHarnessOptions): Promise<PluginHarness> {
  const window = globalThis.window;
  if (!window)
    throw new Error(
      'createPluginHarness needs a DOM: run the test with environment "happy-dom" or "jsdom".',
    );
  allowInlineHandlers(window);
  const packageFile = resolve(options.packageFile);
  const packageText = await readFile(packageFile, 'utf8');
  const packageUrl = pathToFileURL(packageFile).href;
  const brandingUrl = pathToFileURL(`${dirname(packageFile)}/`).href;
  const settingsId = options.settingsId ?? packageIdOf(packageText) ?? basename(packageFile);
  const role = options.role ?? 'chair';
  const conference = conferenceWithDefaults(options.conference ?? {});
  const node = new FakeNodeSession({
    role: role === 'chair' ? 'HOST' : 'GUEST',
    displayName: 'You',
    chatEnabled: conference.chatEnabled,
    callType: { video: 'video', audioonly: 'audio', none: 'none' }[conference.mediaType],
  });
  // Without one, the fake node answers as it does by default: success, a new uuid per dial.
  if (options.answerRequest) node.answer = options.answerRequest;
  const rosterOf = (partials: readonly Partial<Participant>[]) =>
    partials.map((partial, index) => nodeParticipantFor(partial, index + 1));
  const initial = rosterOf(options.participants ?? []);
  node.roster = initial.map((data) => data.node);

  let sourceText = options.sourceText;
  const frames = manualFrames();
  // Whatever the node sends reaches the plugin before `emit` returns: the harness runs the frame.
  const emitFromNode = node.emit.bind(node);
  node.emit = (event) => {
    emitFromNode(event);
    frames.flush();
  };
  const requests: RecordedRequest[] = [];
  const host = new ConferenceHost({
    window,
    brandingUrl,
    nodeSession: () => node,
    platform: options.platform ?? 'web',
    storage: memoryStorage(),
    queryParams: options.queryParams ?? {},
    media: false,
    scheduleFrame: frames.schedule,
    onPluginApiCall: (call, args) => requests.push({ call, args }),
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url === new NodeURL('manifest.json', brandingUrl).href) {
        return new Response(JSON.stringify({ brandingID: '1', isSettingsBranded: true }));
      }
      if (url === new NodeURL('settings.json', brandingUrl).href) {
        return new Response(
          JSON.stringify({
            plugins: [{ id: settingsId, srcURL: basename(packageFile), enabled: true }],
          }),
        );
      }
      if (url === packageUrl) return new Response(packageText);
      return new Response('Not found', { status: 404 });
    }) as typeof fetch,
    loadScript: async (url) => {
      sourceText ??= await readFile(
        options.source ? resolve(options.source) : fileURLToPath(url),
        'utf8',
      );
      evaluateClassicScript(sourceText, url);
    },
  });

  const record = (): PluginRecord => {
    const row = latest(host.plugins$, [])[0];
    if (!row) throw new Error('createPluginHarness: no plugin record');
    return row;
  };
  await host.join({ alias: options.alias ?? 'meet', displayName: 'You' });
  await host.settled();
  if (Object.keys(options.conference ?? {}).length > 0) {
    node.emit({ kind: 'conference-status', status: conferenceStatus(conference) });
  }
  emitStage(node, initial);
  frames.flush();
  const status = record().status;
  if (status.kind === 'invalid') {
    await host.dispose();
    throw new Error(
      `createPluginHarness: ${packageFile} is not a valid plugin package file:\n${status.reason}`,
    );
  }

  // The host's menu model lists the package's items in placement order (toolbar, conference,
  // participants) while the plugin is loaded, which is the only time an action can be called.
  const placementOf = (action: string): MenuPlacement =>
    latest(host.menuItems$, []).find(
      (item) => item.pluginId === settingsId && item.action === action,
    )?.placement ?? 'toolbar';
  let conferenceNow = conference;

  return {
    node,
    menuItems: () => latest(host.menuItems$, []),
    async invoke(action, target) {
      const participant = target ? participantOf(host, target) : undefined;
      await host.invokePluginAction(settingsId, action, placementOf(action), participant);
      const row = record();
      if (row.status.kind === 'failed') {
        throw new Error(`${settingsId} failed: ${row.status.message}`);
      }
    },
    state: () => host.pluginState(settingsId) as ReturnType<PluginHarness['state']>,
    participants: () => latest(host.participants$, []),
    pushParticipants(partials) {
      const roster = rosterOf(partials);
      node.emit({
        kind: 'participants',
        participants: [node.selfParticipant(), ...roster.map((data) => data.node)],
      });
      emitStage(node, roster);
      frames.flush();
    },
    pushConference(change) {
      if ('chatEnabled' in change || 'mediaType' in change) {
        throw new Error(
          'pushConference: chatEnabled and mediaType come from request_token and cannot change during a call; pass them to createPluginHarness({conference}).',
        );
      }
      conferenceNow = Object.freeze({ ...conferenceNow, ...change });
      node.emit({ kind: 'conference-status', status: conferenceStatus(conferenceNow) });
    },
    emitAction: (action) => host.dispatchAppAction(action),
    requests,
    dialog: () => host.openDialogs[host.openDialogs.length - 1]?.element ?? null,
    record,
    unload: () => host.setPluginEnabled(settingsId, false),
    dispose: () => host.dispose(),
  };
}

/** `conference_update` fields for the plugin-view conference details (README "Property mapping"). */
function conferenceStatus(conference: ConferenceDetails): Record<string, unknown> {
  return {
    locked: conference.locked,
    guests_muted: conference.guestsMuted,
    started: conference.started,
  };
}

function emitStage(
  node: FakeNodeSession,
  roster: readonly ReturnType<typeof nodeParticipantFor>[],
): void {
  const stage = roster.flatMap((data) => (data.stage ? [data.stage] : []));
  if (stage.length > 0) node.emit({ kind: 'stage', stage });
}

/** The roster's own object for that uuid (as the app passes it), with `target`'s fields over it. */
function participantOf(host: ConferenceHost, target: Partial<Participant>): Participant {
  const listed = latest(host.participants$, []).find(
    (participant) => participant.uuid === target.uuid,
  );
  if (listed && Object.keys(target).length === 1) return listed;
  return participantWithDefaults({ ...(listed ?? {}), ...target });
}
