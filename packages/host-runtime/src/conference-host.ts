import { openDialog as openIpkDialog } from '@ipk/dialogs';
import { ACTIONS, WEBAPP2_ACTION_TYPES } from '@ipk/plugin-api';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { fetchText, loadBrandingPlugins } from './branding-loader.js';
import { ConferenceMedia } from './conference-media.js';
import { ConferenceModel } from './conference-model.js';
import { animationFrameScheduler } from './frame-scheduler.js';
import type {
  AppAction,
  ConnectionState,
  Host,
  HostOptions,
  JoinOutcome,
  JoinRequest,
  MediaState,
  MenuItemView,
  Notice,
  PluginRecord,
  SelfMediaState,
  SelfView,
  TimelineEntry,
} from './host.js';
import type {
  NodeChatMessage,
  NodeEvent,
  NodeMediaEvent,
  NodeParticipant,
  NodeSession,
  NodeSessionFactory,
} from './node-session.js';
import { installPexGlobal, type PexInstallation } from './pex-global.js';
import { PexRTC } from './pexrtc-facade.js';
import { observePluginUsage } from './plugin-usage-observer.js';
import { observeLongScriptWork } from './long-frame-observer.js';
import { detectPlatform } from './platform.js';
import { text } from './participant-from-node.js';
import { PluginRuntime, errorMessage } from './plugin-runtime.js';
import { injectScriptElement } from './script-loaders.js';
import { SelfMedia, type MuteOrigin, type SelfDevice } from './self-media.js';
import type {
  ConferenceDetails,
  MenuPlacement,
  Participant,
  ParticipantRole,
} from './seed-types.js';

function localStorageOf(window: Window): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be blocked (sandboxed iframes, privacy modes)
  }
}

const DEFAULT_MEDIA_TIMEOUT_MS = 10_000;
const DEFAULT_PLUGIN_LOAD_TIMEOUT_MS = 10_000;

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

function isMediaEvent(event: NodeEvent): event is NodeMediaEvent {
  return event.kind.startsWith('media-');
}

/** The node events plugins see (through `PEX.pexrtc` and the model); media events go to the stage. */
type RosterEvent = Exclude<NodeEvent, NodeMediaEvent>;

/**
 * The actions webapp2 emits for its own microphone and camera buttons, which plugins also
 * dispatch (start-muted, video-mute-participant): both really mute.
 */
// A Map, not an object literal: a plugin's `{type: 'constructor'}` must not find Object's members.
const MEDIA_ACTIONS: ReadonlyMap<string, { device: SelfDevice; muted: boolean }> = new Map([
  [WEBAPP2_ACTION_TYPES.MUTE_MICROPHONE, { device: 'microphone', muted: true }],
  [WEBAPP2_ACTION_TYPES.UNMUTE_MICROPHONE, { device: 'microphone', muted: false }],
  [WEBAPP2_ACTION_TYPES.MUTE_CAMERA, { device: 'camera', muted: true }],
  [WEBAPP2_ACTION_TYPES.UNMUTE_CAMERA, { device: 'camera', muted: false }],
]);

function mediaAction(device: SelfDevice, muted: boolean): AppAction {
  const verb = muted ? 'MUTE' : 'UNMUTE';
  const noun = device === 'microphone' ? 'MICROPHONE' : 'CAMERA';
  return { type: WEBAPP2_ACTION_TYPES[`${verb}_${noun}`] };
}

/** `HostOptions` with the node session chosen (`createHost` picks `@pexip/infinity`'s). */
export type ConferenceHostOptions = HostOptions & { readonly nodeSession: NodeSessionFactory };

/**
 * The one assembly of a host: node session → conference model → plugin runtime → `PEX` → plugins
 * → requests back to the node (README, "How a host is put together"). `createHost` returns it
 * over Pexip's `@pexip/infinity`; the testing harness builds the same object over a fake node
 * session (so a plugin's unit test never loads the real client).
 */
export class ConferenceHost implements Host {
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
  private readonly selfMedia: SelfMedia;
  private readonly ready: Promise<void>;
  /** Node events, page exit, plugin usage and long script work: stopped on dispose. */
  private readonly stops: (() => void)[];
  /** Node events wait here until plugins have loaded and seen `Connect Success`. */
  private held: RosterEvent[] | undefined;
  /** Counts conferences, so background work of one that ended does not touch the next. */
  private conferenceCount = 0;
  /** The current conference's plugin start (loads, then Connect Success and the roster). */
  private started: Promise<void> = Promise.resolve();

  readonly connection$: Observable<ConnectionState> = this.connection.asObservable();
  readonly media$: Observable<MediaState>;
  readonly selfMedia$: Observable<SelfMediaState>;
  readonly self$: Observable<SelfView | undefined> = this.self.asObservable();
  readonly notices$: Observable<Notice> = this.notices.asObservable();
  readonly fatalError$: Observable<Error | undefined> = this.fatal.asObservable();
  readonly appActions$: Observable<AppAction> = this.appActions.asObservable();
  readonly participants$: Observable<readonly Participant[]>;
  readonly conference$: Observable<ConferenceDetails>;
  readonly timeline$: Observable<readonly TimelineEntry[]>;
  readonly plugins$: Observable<readonly PluginRecord[]>;
  readonly menuItems$: Observable<readonly MenuItemView[]>;

  constructor(options: ConferenceHostOptions) {
    const window = options.window ?? globalThis.window;
    const notice = (value: Notice): void => this.notices.next(value);
    const nodeUrl = options.nodeUrl ?? window.location.origin;
    this.session = options.nodeSession({ nodeUrl });
    this.model = new ConferenceModel(
      options.scheduleFrame ?? animationFrameScheduler(window),
      (action) => this.emit(action),
    );
    this.selfMedia = new SelfMedia((device, muted) => this.tellNodeSelfMuted(device, muted));
    this.selfMedia$ = this.selfMedia.state$;
    this.runtime = new PluginRuntime({
      window,
      platform: options.platform ?? detectPlatform(window.navigator.userAgent),
      model: this.model,
      strictPlugins: options.strictPlugins ?? false,
      storage: options.storage ?? localStorageOf(window),
      loadScript: options.loadScript ?? injectScriptElement,
      loadTimeoutMs: options.pluginLoadTimeoutMs ?? DEFAULT_PLUGIN_LOAD_TIMEOUT_MS,
      notice,
      fatal: (error) => this.fatal.next(error),
    });
    this.participants$ = this.model.participants$;
    this.conference$ = this.model.conference$;
    this.timeline$ = this.model.timeline$;
    this.plugins$ = this.runtime.records$;
    this.menuItems$ = this.runtime.menuItems$;
    this.pexrtc = this.createPexRtc(new URL(nodeUrl).host, options);
    this.installation = installPexGlobal(window, {
      runtime: this.runtime,
      request: (method, path, body) => this.session.request(method, path, body),
      actions$: this.appActions,
      dispatch: (action) => this.applyAndEmit(action, 'plugin'),
      sendChat: (message) => this.sendChat(message),
      selfUuid: () => this.self.value?.uuid,
      queryParams: options.queryParams ?? {},
      pexrtc: this.pexrtc,
      openDialog: options.openDialog ?? openIpkDialog,
      notice,
      ...(options.onPluginApiCall ? { onCall: options.onPluginApiCall } : {}),
    });
    this.media = this.createMedia(options, window);
    this.media$ = this.media.state$;
    this.stops = [
      this.session.onEvent((event) => this.onNodeEvent(event)),
      this.releaseOnPageExit(window),
      observePluginUsage(window, (use) => this.runtime.noteUse(use)),
      observeLongScriptWork(window, (url, where, ms) =>
        this.runtime.longTaskInScript(url, where, ms),
      ),
    ];
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

  private createPexRtc(nodeHost: string, options: HostOptions): PexRTC {
    const pexrtc = new PexRTC(
      {
        upsert: (participant) => this.model.upsert(participant),
        remove: (uuid) => this.model.remove(uuid),
        chat: (message) => this.receiveChat(message),
      },
      {
        mute: (device, setting) => this.muteFromPlugin(device, setting),
        muted: (device) => this.selfMedia.muted(device),
        setParticipantText: (uuid, overlay) => {
          options.onPluginApiCall?.('pexrtc.setParticipantText', [uuid, overlay]);
          void this.command(`participants/${uuid}/overlaytext`, { text: overlay }).catch(
            (error: unknown) => this.warn('setParticipantText', error),
          );
        },
        sendChatMessage: (message, uuid) => {
          options.onPluginApiCall?.('pexrtc.sendChatMessage', uuid ? [message, uuid] : [message]);
          const sent = uuid
            ? this.command(`participants/${uuid}/message`, { type: 'text/plain', payload: message })
            : this.sendChat(message);
          sent.catch((error: unknown) => this.warn('sendChatMessage', error));
        },
      },
    );
    pexrtc.node = nodeHost;
    return pexrtc;
  }

  private createMedia(options: HostOptions, window: Window): ConferenceMedia {
    const stopMedia = this.session.stopMedia?.bind(this.session);
    return new ConferenceMedia({
      enabled: stopMedia !== undefined && (options.media ?? true),
      openLocalMedia: options.openLocalMedia ?? getUserMediaOf(window),
      connectTimeoutMs: options.mediaConnectTimeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS,
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
      stopMedia: stopMedia ?? (() => Promise.resolve()),
      notice: (notice) => this.notices.next(notice),
      localStreamChanged: (stream) => {
        this.selfMedia.attach(stream);
        this.emit({ type: WEBAPP2_ACTION_TYPES.SET_LOCAL_MEDIA_STREAM, payload: { stream } });
      },
      peerConnectionChanged: (pc) => (this.pexrtc.call.pc = pc),
    });
  }

  /**
   * The page is going away (reload, navigation, tab closed): release the token with a request
   * that outlives the page, so the node drops us at once instead of listing a stale "Alice · host"
   * until the token expires.
   */
  private releaseOnPageExit(window: Window): () => void {
    const onPageHide = (): void => {
      if (this.connection.value.kind === 'idle') return;
      this.session.releaseOnPageExit?.();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }

  async join(request: JoinRequest): Promise<JoinOutcome> {
    await this.ready;
    this.held = [];
    this.connection.next({ kind: 'joining' });
    const media = await this.media.prepare();
    const result = await this.session
      .join({ ...request, ...(media === undefined ? {} : { media }) })
      .catch((error: unknown) => ({ kind: 'failed' as const, message: errorMessage(error) }));
    if (result.kind !== 'joined') {
      this.media.end();
      this.held = undefined;
      if (result.kind === 'failed') {
        this.emit({ type: WEBAPP2_ACTION_TYPES.CONNECT_FAIL, payload: { msg: result.message } });
        await this.session.leave().catch(() => undefined);
        this.connection.next({ kind: 'disconnected', reason: result.message });
      } else this.connection.next({ kind: 'idle' });
      return result;
    }
    try {
      const role = this.enterConference(request, result.token);
      this.media.joined();
      this.started = this.startPlugins(role, request, result.token);
      return { kind: 'joined', role };
    } catch (error) {
      // Nothing after the node admitted us may leave a call up: tear it all down.
      const message = errorMessage(error);
      await this.leave();
      this.connection.next({ kind: 'disconnected', reason: message });
      return { kind: 'failed', message };
    }
  }

  /**
   * Loads the plugins (each within the load time limit), then announces the conference as webapp2
   * does and lets the roster flow: plugins that wrap `PEX.pexrtc` on Connect Success see everyone.
   */
  private async startPlugins(
    role: ParticipantRole,
    request: JoinRequest,
    token: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const conference = this.conferenceCount;
    try {
      await this.runtime.startConference(role);
    } catch (error) {
      this.notices.next({
        level: 'error',
        message: `Plugins did not start: ${errorMessage(error)}`,
      });
    }
    if (conference !== this.conferenceCount) return;
    this.announceConnected(request, token);
    this.releaseHeldEvents();
  }

  private enterConference(
    request: JoinRequest,
    token: Readonly<Record<string, unknown>>,
  ): ParticipantRole {
    const role: ParticipantRole = token['role'] === 'HOST' ? 'chair' : 'guest';
    const uuid = text(token['participant_uuid']);
    const displayName = text(token['display_name']) || request.displayName;
    this.conferenceCount += 1;
    this.selfMedia.reset();
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
    this.emit({
      type: WEBAPP2_ACTION_TYPES.CONNECT_SUCCESS,
      payload: {
        alias: request.alias,
        displayName: self?.displayName ?? request.displayName,
        joinRole: token['role'] === 'HOST' ? 'HOST' : 'guest',
        serviceType: text(token['current_service_type']) || 'conference',
      },
    });
    this.emit({ type: WEBAPP2_ACTION_TYPES.SET_SELF_UUID, payload: self?.uuid ?? '' });
    // What the call carries (interpretation plugins start their work on it): 'none' when
    // control-only, as `mediaType` says of the conference.
    this.emit({
      type: WEBAPP2_ACTION_TYPES.SET_REMOTE_CALL_TYPE,
      payload: this.media.value.kind === 'off' ? 'none' : 'video',
    });
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

  private applyNodeEvent(event: RosterEvent): void {
    try {
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
      }
    } catch (error) {
      // Plugins replace PEX.pexrtc callbacks: a throw there is theirs, not the roster's.
      this.runtime.unattributedFault(error);
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

  /**
   * The call is over: media stops, `'[Conference] Disconnect Success'` reaches the plugins while
   * they are still loaded (survey redirects on it, server-mute-notifier resets), then they unload.
   */
  private async endConference(): Promise<void> {
    this.conferenceCount += 1;
    this.held = undefined;
    this.media.end();
    this.emit({ type: ACTIONS.DISCONNECT_SUCCESS });
    // webapp2 goes back to its home screen; plugins still loaded see it (interpretation
    // samples re-read the address on it). The payload is not documented anywhere: none.
    this.emit({ type: WEBAPP2_ACTION_TYPES.HOME_SCREEN_STATE });
    await this.runtime.endConference();
    this.model.reset();
    this.selfMedia.reset();
    this.self.next(undefined);
    Object.assign(this.pexrtc, { state: 'IDLE', uuid: '', role: '' });
  }

  async leave(): Promise<void> {
    if (this.connection.value.kind === 'idle') return;
    this.emit({ type: WEBAPP2_ACTION_TYPES.DISCONNECT });
    await this.session.leave().catch(() => undefined);
    await this.endConference();
    this.connection.next({ kind: 'idle' });
  }

  private receiveChat(message: NodeChatMessage): void {
    if (message.type !== 'text/plain') return;
    const action = { type: ACTIONS.RECEIVE_CHAT_MESSAGE, payload: { ...message } };
    this.model.addChat(message, false, action);
    this.emit(action);
  }

  async sendChat(message: string): Promise<void> {
    const self = this.self.value;
    if (!self) throw new Error('Join a conference before sending chat.');
    await this.command('message', { type: 'text/plain', payload: message });
    const action = { type: ACTIONS.SEND_CHAT_MESSAGE, payload: message };
    this.model.addChat(
      {
        origin: self.displayName,
        uuid: self.uuid,
        type: 'text/plain',
        payload: message,
        direct: false,
      },
      true,
      action,
    );
    this.emit(action);
  }

  selectTimelineEntry(id: string): void {
    const action = this.model.timelineAction(id);
    if (action) this.emit({ type: ACTIONS.SELECT_EVENT, payload: { action } });
  }

  /** A conference-relative POST; rejects with the node's reason when it refuses. */
  private async command(path: string, body?: unknown): Promise<void> {
    const answer = await this.session.request('POST', path, body);
    if (answer.status >= 200 && answer.status < 300) return;
    // Any body but null/undefined reads safely: a primitive's `result` is undefined.
    const result = (answer.body as { result?: unknown } | null | undefined)?.result;
    const reason = typeof result === 'string' && result !== '' ? result : `HTTP ${answer.status}`;
    throw new Error(`the node refused ${path}: ${reason}`);
  }

  setLocked(locked: boolean): Promise<void> {
    return this.command(locked ? 'lock' : 'unlock');
  }

  setGuestsMuted(muted: boolean): Promise<void> {
    return this.command(muted ? 'muteguests' : 'unmuteguests');
  }

  setMicrophoneMuted(muted: boolean): void {
    this.applyAndEmit(mediaAction('microphone', muted), 'user');
  }

  setCameraMuted(muted: boolean): void {
    this.applyAndEmit(mediaAction('camera', muted), 'user');
  }

  /** `PEX.pexrtc.muteAudio/muteVideo`: a plugin's request, announced like webapp2's buttons. */
  private muteFromPlugin(device: SelfDevice, setting: boolean | undefined): boolean {
    const muted = setting ?? !this.selfMedia.muted(device);
    this.applyAndEmit(mediaAction(device, muted), 'plugin');
    return this.selfMedia.muted(device);
  }

  /**
   * An action as webapp2's store takes it: its effect on the self media first (a mute from any
   * source mutes; only the user undoes the user's own mute), then every plugin sees it.
   */
  private applyAndEmit(action: AppAction, origin: MuteOrigin): void {
    const effect = MEDIA_ACTIONS.get(action.type);
    if (effect) this.selfMedia.set(effect.device, effect.muted, origin);
    this.emit(action);
  }

  /**
   * Tells the node, as Pexip's client does (`@pexip/infinity` `muteVideo` → `video_muted`,
   * `clientMute` → `client_mute`): other clients, and plugins such as video-mute-participant that
   * read `isVideoMuted`, see the same state as the toolbar.
   */
  private tellNodeSelfMuted(device: SelfDevice, muted: boolean): void {
    const uuid = this.self.value?.uuid;
    if (!uuid || this.connection.value.kind !== 'connected') return;
    const request =
      device === 'camera'
        ? `video_${muted ? 'muted' : 'unmuted'}`
        : `client_${muted ? 'mute' : 'unmute'}`;
    if (device === 'camera') this.model.expectSelfVideoMuted(uuid, muted);
    void this.command(`participants/${uuid}/${request}`).catch((error: unknown) => {
      if (device === 'camera') this.model.expectSelfVideoMuted(uuid, undefined);
      console.warn(`[ipk host] ${request} was not accepted:`, errorMessage(error));
    });
  }

  private warn(what: string, error: unknown): void {
    this.notices.next({ level: 'warning', message: `${what}: ${errorMessage(error)}` });
  }

  /** Every action webapp2 would put on its store's action stream (`PEX.actions$`). */
  private emit(action: AppAction): void {
    this.appActions.next(action);
  }

  invokeMenuItem(key: string, participant?: Participant): void {
    this.runtime
      .invoke(key, participant)
      .catch((error: unknown) =>
        this.notices.next({ level: 'error', message: errorMessage(error) }),
      );
  }

  setPluginEnabled(id: string, enabled: boolean): Promise<void> {
    return this.runtime.setEnabled(id, enabled);
  }

  dispatchAppAction(action: AppAction): void {
    this.applyAndEmit(action, 'user');
  }

  // --- for the testing harness (same package): what a plugin unit test inspects ---------------

  /** A plugin's latest `state$` value. */
  pluginState(settingsId: string): unknown {
    return this.runtime.stateOf(settingsId);
  }

  /** Calls a plugin's action by name with the arguments of its placement. */
  invokePluginAction(
    settingsId: string,
    action: string,
    placement: MenuPlacement,
    participant?: Participant,
  ): Promise<void> {
    return this.runtime.invokeAction(settingsId, action, placement, participant);
  }

  /** The template dialogs still open, oldest first. */
  get openDialogs(): readonly { readonly element: HTMLElement }[] {
    return this.installation.openDialogs;
  }

  /** Resolves once the plugins have loaded (or failed) and were told of the conference. */
  async settled(): Promise<void> {
    await this.ready;
    await this.started;
  }

  async dispose(): Promise<void> {
    await this.leave();
    for (const stop of this.stops) stop();
    await this.runtime.dispose();
    this.installation.uninstall();
    this.model.dispose();
    this.media.dispose();
    this.selfMedia.dispose();
    for (const subject of [this.connection, this.self, this.notices, this.fatal, this.appActions]) {
      subject.complete();
    }
  }
}
