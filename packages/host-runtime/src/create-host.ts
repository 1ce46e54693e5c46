import { ACTIONS, WEBAPP2_ACTION_TYPES } from '@ipk/plugin-api';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { fetchText, loadBrandingPlugins } from './branding-loader.js';
import { ConferenceMedia } from './conference-media.js';
import { ConferenceModel } from './conference-model.js';
import { animationFrameScheduler } from './frame-scheduler.js';
import type {
  AppAction,
  ChatMessage,
  ConnectionState,
  Host,
  HostOptions,
  JoinOutcome,
  JoinRequest,
  MediaState,
  MenuItemView,
  Notice,
  PluginRecord,
  SelfView,
} from './host.js';
import { createInfinitySession } from './infinity-session.js';
import type { NodeEvent, NodeMediaEvent, NodeParticipant, NodeSession } from './node-session.js';
import { installPexGlobal, type PexInstallation } from './pex-global.js';
import { PexRTC } from './pexrtc-facade.js';
import { detectPlatform } from './platform.js';
import { PluginRuntime } from './plugin-runtime.js';
import { injectScriptElement } from './script-loaders.js';
import type { ConferenceDetails, Participant, ParticipantRole } from './seed-types.js';
import { openDialogWithIpkDialogs } from './template-dialog.js';

function queryParamsOf(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function localStorageOf(window: Window): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be blocked (sandboxed iframes, privacy modes)
  }
}

const DEFAULT_MEDIA_TIMEOUT_MS = 10_000;

/** webapp2's camera request: audio and 720p video (the stage's `#mainVideo` is 1280×720). */
function getUserMediaOf(window: Window): () => Promise<MediaStream> {
  return () => {
    const devices = window.navigator.mediaDevices as MediaDevices | undefined;
    if (devices?.getUserMedia === undefined) {
      return Promise.reject(new Error('this browser offers no getUserMedia'));
    }
    return devices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  };
}

function mediaTimeoutOf(search: string): number {
  const value = Number(new URLSearchParams(search).get('mediaTimeoutMs'));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MEDIA_TIMEOUT_MS;
}

function isMediaEvent(event: NodeEvent): event is NodeMediaEvent {
  return (
    event.kind === 'media-remote-stream' ||
    event.kind === 'media-connected' ||
    event.kind === 'media-failed'
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

class ConferenceHost implements Host {
  private readonly connection = new BehaviorSubject<ConnectionState>({ kind: 'idle' });
  private readonly self = new BehaviorSubject<SelfView | undefined>(undefined);
  private readonly notices = new Subject<Notice>();
  private readonly fatal = new BehaviorSubject<Error | undefined>(undefined);
  private readonly appActions = new Subject<AppAction>();
  private readonly model: ConferenceModel;
  private readonly runtime: PluginRuntime;
  private readonly pexrtc: PexRTC;
  private readonly installation: PexInstallation;
  private readonly session: NodeSession;
  private readonly media: ConferenceMedia;
  private readonly ready: Promise<void>;
  private readonly stopEvents: () => void;
  /** Node events wait here until plugins have loaded and seen `Connect Success`. */
  private held: NodeEvent[] | undefined;

  readonly connection$: Observable<ConnectionState> = this.connection.asObservable();
  readonly media$: Observable<MediaState>;
  readonly self$: Observable<SelfView | undefined> = this.self.asObservable();
  readonly notices$: Observable<Notice> = this.notices.asObservable();
  readonly fatalError$: Observable<Error | undefined> = this.fatal.asObservable();
  readonly appActions$: Observable<AppAction> = this.appActions.asObservable();
  readonly participants$: Observable<readonly Participant[]>;
  readonly conference$: Observable<ConferenceDetails>;
  readonly chat$: Observable<readonly ChatMessage[]>;
  readonly plugins$: Observable<readonly PluginRecord[]>;
  readonly menuItems$: Observable<readonly MenuItemView[]>;

  constructor(options: HostOptions) {
    const window = options.window ?? globalThis.window;
    const search = window.location.search;
    const notice = (value: Notice): void => this.notices.next(value);
    this.session = (options.nodeSession ?? createInfinitySession)({
      nodeUrl: options.nodeUrl ?? window.location.origin,
    });
    this.model = new ConferenceModel(animationFrameScheduler(window), (action) =>
      this.dispatchAppAction(action),
    );
    this.runtime = new PluginRuntime({
      window,
      platform: options.platform ?? detectPlatform(window.navigator.userAgent, search),
      participants$: this.model.participants$,
      conference$: this.model.conference$,
      strictPlugins:
        options.strictPlugins ?? new URLSearchParams(search).get('strictPlugins') === '1',
      storage: options.storage ?? localStorageOf(window),
      loadScript: options.loadScript ?? injectScriptElement,
      notice,
      fatal: (error) => this.fatal.next(error),
    });
    this.participants$ = this.model.participants$;
    this.conference$ = this.model.conference$;
    this.chat$ = this.model.chat$;
    this.plugins$ = this.runtime.records$;
    this.menuItems$ = this.runtime.menuItems$;
    this.pexrtc = new PexRTC(
      {
        upsert: (participant) => this.model.upsert(participant),
        remove: (uuid) => this.model.remove(uuid),
        chat: (message) => this.receiveChat(message),
      },
      {
        muteAudio: (muted) =>
          this.dispatchAppAction({
            type: muted
              ? WEBAPP2_ACTION_TYPES.MUTE_MICROPHONE
              : WEBAPP2_ACTION_TYPES.UNMUTE_MICROPHONE,
          }),
        setParticipantText: (uuid, overlay) =>
          void this.command(`participants/${uuid}/overlaytext`, { text: overlay }),
        sendChatMessage: (message, uuid) =>
          void (uuid
            ? this.command(`participants/${uuid}/message`, { type: 'text/plain', payload: message })
            : this.sendChat(message).catch(() => undefined)),
      },
    );
    this.installation = installPexGlobal(window, {
      runtime: this.runtime,
      request: (method, path, body) => this.session.request(method, path, body),
      actions$: this.appActions,
      dispatch: (action) => this.dispatchAppAction(action),
      sendChat: (message) => this.sendChat(message),
      selfUuid: () => this.self.value?.uuid,
      queryParams: options.queryParams ?? queryParamsOf(search),
      pexrtc: this.pexrtc,
      openDialog: options.openDialog ?? openDialogWithIpkDialogs,
      notice,
    });
    this.media = this.createMedia(options, window, search);
    this.media$ = this.media.state$;
    this.stopEvents = this.session.onEvent((event) => this.onNodeEvent(event));
    const brandingUrl =
      options.brandingUrl ?? new URL('custom_configuration/', window.document.baseURI).href;
    const fetchImpl = options.fetch ?? window.fetch.bind(window);
    this.ready = loadBrandingPlugins(brandingUrl, fetchText(fetchImpl)).then(
      ({ plugins, problems }) => {
        for (const problem of problems) notice({ level: 'error', message: problem });
        this.runtime.setPlugins(plugins);
      },
    );
  }

  private createMedia(options: HostOptions, window: Window, search: string): ConferenceMedia {
    const stopMedia = this.session.stopMedia?.bind(this.session);
    return new ConferenceMedia({
      enabled:
        stopMedia !== undefined &&
        (options.media ?? new URLSearchParams(search).get('media') !== '0'),
      openLocalMedia: options.openLocalMedia ?? getUserMediaOf(window),
      connectTimeoutMs: options.mediaConnectTimeoutMs ?? mediaTimeoutOf(search),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
      stopMedia: stopMedia ?? (() => Promise.resolve()),
      notice: (notice) => this.notices.next(notice),
      localStreamChanged: (stream) =>
        this.dispatchAppAction({
          type: WEBAPP2_ACTION_TYPES.SET_LOCAL_MEDIA_STREAM,
          payload: { stream },
        }),
      peerConnectionChanged: (pc) => (this.pexrtc.call.pc = pc),
    });
  }

  async join(request: JoinRequest): Promise<JoinOutcome> {
    await this.ready;
    this.held = [];
    this.connection.next({ kind: 'joining' });
    const media = await this.media.prepare();
    const result = await this.session
      .join({ ...request, ...(media === undefined ? {} : { media }) })
      .catch((error: unknown) => ({
        kind: 'failed' as const,
        message: error instanceof Error ? error.message : String(error),
      }));
    if (result.kind !== 'joined') {
      this.media.end();
      this.held = undefined;
      this.connection.next(
        result.kind === 'failed'
          ? { kind: 'disconnected', reason: result.message }
          : { kind: 'idle' },
      );
      return result;
    }
    const role = this.enterConference(request, result.token);
    await this.runtime.startConference(role);
    this.announceConnected(request, result.token);
    this.media.joined();
    this.releaseHeldEvents();
    return { kind: 'joined', role };
  }

  private enterConference(
    request: JoinRequest,
    token: Readonly<Record<string, unknown>>,
  ): ParticipantRole {
    const role: ParticipantRole = token['role'] === 'HOST' ? 'chair' : 'guest';
    const uuid = text(token['participant_uuid']);
    const displayName = text(token['display_name']) || request.displayName;
    this.self.next({ uuid, role, displayName, alias: request.alias });
    Object.assign(this.pexrtc, {
      conference: request.alias,
      conference_name: text(token['conference_name']) || request.alias,
      display_name: displayName,
      uuid,
      role: role === 'chair' ? 'HOST' : 'GUEST',
      state: 'CONNECTED',
    });
    this.model.setTokenFacts({
      chatEnabled: token['chat_enabled'] === true,
      callType: text(token['call_type']) || 'video',
    });
    this.connection.next({ kind: 'connected' });
    return role;
  }

  /** The actions webapp2 dispatches on joining (raise-hand, start-muted, anonymizer wait for them). */
  private announceConnected(request: JoinRequest, token: Readonly<Record<string, unknown>>): void {
    const self = this.self.value;
    this.dispatchAppAction({
      type: WEBAPP2_ACTION_TYPES.CONNECT_SUCCESS,
      payload: {
        alias: request.alias,
        displayName: self?.displayName ?? request.displayName,
        joinRole: token['role'] === 'HOST' ? 'HOST' : 'guest',
        serviceType: text(token['current_service_type']) || 'conference',
      },
    });
    this.dispatchAppAction({ type: WEBAPP2_ACTION_TYPES.SET_SELF_UUID, payload: self?.uuid ?? '' });
  }

  private releaseHeldEvents(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const event of held) this.applyNodeEvent(event);
  }

  private onNodeEvent(event: NodeEvent): void {
    // Media events are not the roster's: the stage needs them at once, plugins never see them.
    if (isMediaEvent(event)) {
      this.media.onEvent(event);
      return;
    }
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.applyNodeEvent(event);
  }

  private applyNodeEvent(event: NodeEvent): void {
    try {
      this.applyNodeEventUnguarded(event);
    } catch (error) {
      // Plugins replace PEX.pexrtc callbacks: a throw there is theirs, not the roster's.
      this.runtime.unattributedFault(error);
    }
  }

  private applyNodeEventUnguarded(event: NodeEvent): void {
    switch (event.kind) {
      case 'participants':
        return this.resync(event.participants);
      case 'participant-joined':
        return this.pexrtc.feedCreate(event.participant);
      case 'participant-updated':
        return this.pexrtc.feedUpdate(event.participant);
      case 'participant-left':
        return this.pexrtc.feedDelete(event.uuid);
      case 'conference-status':
        return this.model.setConferenceStatus(event.status);
      case 'stage':
        return this.model.setStage(event.stage);
      case 'message':
        return this.pexrtc.feedChat(event.message);
      case 'connected':
        return this.onStreamConnected();
      case 'reconnecting':
        this.connection.next({ kind: 'reconnecting' });
        this.notices.next({
          level: 'warning',
          message: 'Lost the connection to the conference; reconnecting…',
        });
        return;
      case 'disconnected':
        void this.onRemoteDisconnect(event.reason);
        return;
      case 'media-remote-stream':
      case 'media-connected':
      case 'media-failed':
        return this.media.onEvent(event);
    }
  }

  /**
   * A full roster (every event-stream (re)connect). Like PexRTC at `participant_sync_end`: known
   * uuids are updates, new ones creates, missing ones deletes; so a dropped stream that
   * reconnects loses nobody and keeps nobody who left meanwhile.
   */
  private resync(participants: readonly NodeParticipant[]): void {
    const listed = new Set(participants.map((participant) => participant.uuid));
    const known = new Set(this.model.uuids());
    this.model.setSyncing(true);
    try {
      for (const participant of participants) {
        if (known.has(participant.uuid)) this.pexrtc.feedUpdate(participant);
        else this.pexrtc.feedCreate(participant);
      }
    } finally {
      this.model.setSyncing(false);
    }
    for (const uuid of known) if (!listed.has(uuid)) this.pexrtc.feedDelete(uuid);
  }

  private onStreamConnected(): void {
    if (this.connection.value.kind !== 'reconnecting') return;
    this.connection.next({ kind: 'connected' });
    this.notices.next({ level: 'info', message: 'Reconnected to the conference.' });
  }

  private async onRemoteDisconnect(reason: string): Promise<void> {
    if (this.connection.value.kind === 'idle') return;
    await this.endConference();
    this.connection.next({ kind: 'disconnected', reason });
  }

  private async endConference(): Promise<void> {
    this.media.end();
    await this.runtime.endConference();
    this.dispatchAppAction({ type: ACTIONS.DISCONNECT_SUCCESS });
    this.model.reset();
    this.self.next(undefined);
    Object.assign(this.pexrtc, { state: 'IDLE', uuid: '', role: '' });
  }

  async leave(): Promise<void> {
    if (this.connection.value.kind === 'idle') return;
    this.dispatchAppAction({ type: WEBAPP2_ACTION_TYPES.DISCONNECT });
    await this.session.leave().catch(() => undefined);
    await this.endConference();
    this.connection.next({ kind: 'idle' });
  }

  private receiveChat(message: {
    origin: string;
    uuid: string;
    type: string;
    payload: string;
    direct: boolean;
  }): void {
    if (message.type !== 'text/plain') return;
    this.model.addChat(message, false);
    this.dispatchAppAction({ type: ACTIONS.RECEIVE_CHAT_MESSAGE, payload: { ...message } });
  }

  async sendChat(message: string): Promise<void> {
    const self = this.self.value;
    if (!self) throw new Error('Join a conference before sending chat.');
    await this.command('message', { type: 'text/plain', payload: message });
    this.model.addChat(
      {
        origin: self.displayName,
        uuid: self.uuid,
        type: 'text/plain',
        payload: message,
        direct: false,
      },
      true,
    );
    this.dispatchAppAction({ type: ACTIONS.SEND_CHAT_MESSAGE, payload: message });
  }

  private async command(path: string, body?: unknown): Promise<void> {
    const answer = await this.session.request('POST', path, body);
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`${path}: the node answered ${answer.status}`);
    }
  }

  invokeMenuItem(key: string, participant?: Participant): void {
    this.runtime.invoke(key, participant).catch((error: unknown) =>
      this.notices.next({
        level: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  setPluginEnabled(id: string, enabled: boolean): Promise<void> {
    return this.runtime.setEnabled(id, enabled);
  }

  dispatchAppAction(action: AppAction): void {
    this.appActions.next(action);
  }

  async dispose(): Promise<void> {
    await this.leave();
    this.stopEvents();
    await this.runtime.dispose();
    this.installation.uninstall();
    this.model.dispose();
    this.media.dispose();
    this.connection.complete();
    this.self.complete();
    this.notices.complete();
    this.fatal.complete();
    this.appActions.complete();
  }
}

export function createHost(options: HostOptions = {}): Host {
  return new ConferenceHost(options);
}
