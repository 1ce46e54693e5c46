/**
 * TypeScript declarations of the webapp2 plugin API: `window.PEX` and everything reachable from it.
 *
 * Sources: the Pexip client plugin guide ("the seed", quoted in JSDoc below) and what Pexip's own
 * `pexip/plugin-*` webapp2 plugins use beyond it (summarised in webapp2-in-the-wild.md).
 * Type-only: importing this module costs nothing at runtime. RxJS is referenced for its types;
 * a host may implement the streams with RxJS or anything that matches.
 */
import type { BehaviorSubject, Observable, Observer, Subscribable, Unsubscribable } from 'rxjs';
import type { ACTIONS, WEBAPP2_ACTION_TYPES } from './pex-actions.js';

// ---------------------------------------------------------------------------------------------
// Small vocabularies
// ---------------------------------------------------------------------------------------------

/** Seed, package file `platforms`: web app, desktop client (Electron), iOS and Android clients. */
export type Platform = 'web' | 'electron' | 'ios' | 'android';

/** Seed, package file `participantRoles`: `chair` = Hosts, `guest` = Guests. */
export type ParticipantRole = 'chair' | 'guest';

/**
 * Seed, package file `menuItems`: `conference` = conference control menu, `toolbar` = floating
 * conference toolbar button, `participants` = a participant's context menu.
 */
export type MenuPlacement = 'toolbar' | 'conference' | 'participants';

// ---------------------------------------------------------------------------------------------
// Participant and conference properties (seed: "Participant and conference properties")
// ---------------------------------------------------------------------------------------------

/**
 * Seed: "The call protocol. (Note that the protocol is always reported as "api" when an Infinity
 * Connect client dials in to Pexip Infinity.)"
 */
export type ParticipantProtocol = 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip';

/** Seed: the participant's service type. */
export type ParticipantServiceType =
  /** a dial-out participant that has not been answered */
  | 'connecting'
  /** waiting to be allowed to join a locked conference */
  | 'waiting_room'
  /** on the PIN entry screen */
  | 'ivr'
  /** in a VMR */
  | 'conference'
  /** in a Virtual Auditorium */
  | 'lecture'
  /** a gateway call */
  | 'gateway'
  /** a Test Call Service */
  | 'test_call';

/** Seed: "The type of call". */
export type ParticipantCallType = 'video' | 'audio' | 'api';

/** Seed: "The conference's media capabilities". */
export type ConferenceMediaType =
  /** the call has video capability */
  | 'video'
  /** the call is audio-only */
  | 'audioonly'
  /** control-only participants are connected */
  | 'none';

/** One participant as plugins receive it (seed: "Participant properties", all 22 fields). */
export interface Participant {
  /** The UUID of this participant, to use with other operations. */
  uuid: string;
  /** The display name of the participant. */
  name: string;
  /** The level of privileges the participant has: `chair` = Host, `guest` = Guest. */
  role: ParticipantRole;
  /** The URI of the participant. */
  uri: string;
  /** A Unix timestamp of when this participant joined (UTC). */
  startTime: number;
  /** The call protocol (`api` for Infinity Connect clients). */
  protocol: ParticipantProtocol;
  /** An external participant, e.g. coming in from a Skype for Business / Lync meeting. */
  isExternal: boolean;
  /** The participant is the current presenter. */
  presenting: boolean;
  /** The participant is administratively muted. */
  muted: boolean;
  /** True when the participant is a Host and it is a VMR or Virtual Auditorium service. */
  canControl: boolean;
  /** The participant can be disconnected. */
  canDisconnect: boolean;
  /** The participant can be transferred into another VMR. */
  canTransfer: boolean;
  /** The participant can be muted. */
  canMute: boolean;
  /** The service type. */
  serviceType: ParticipantServiceType;
  /** The type of call. */
  callType: ParticipantCallType;
  /** A Unix timestamp of when this participant was spotlighted, if spotlight is used (else 0). */
  spotlight: number;
  /** This is a streaming/recording participant. */
  isStreaming: boolean;
  /** Audio speaking indication: 0 = not speaking, 100 = speaking. */
  vad: number;
  /** Index on the "stage": 0 is the most recent speaker, 1 the next most recent, etc. */
  stageIndex: number;
  /** The participant is administratively allowed to receive presentation. */
  rxPresentation: boolean;
  /** This participant can be sent FECC messages. */
  feccSupported: boolean;
  /** A Unix timestamp of when this participant raised their hand, otherwise zero. */
  buzzTime: number;
  /**
   * Not in the seed's table: the participant's video is muted. The mute-video-participant plugin
   * reads it, so a host should provide it.
   */
  isVideoMuted?: boolean;
}

/** The conference as plugins receive it (seed: "Conference properties", 5 fields). */
export interface ConferenceDetails {
  /** Whether the conference is locked. */
  locked: boolean;
  /** Whether all Guests are muted. */
  guestsMuted: boolean;
  /** Whether chat messages are enabled. */
  chatEnabled: boolean;
  /** The conference's media capabilities. */
  mediaType: ConferenceMediaType;
  /** Whether the conference has started. */
  started: boolean;
}

// ---------------------------------------------------------------------------------------------
// Plugin state and registration
// ---------------------------------------------------------------------------------------------

/**
 * The state of a toolbar or conference-menu item. Seed ("Plugin state"): "State can be used to
 * toggle icons and menu names"; `icon` is `file.svg#id` relative to the plugin folder.
 */
export interface PluginState {
  icon: string | null;
  label: string | null;
}

/**
 * The state of participant-menu items, per participant uuid (mtw and mute-video-participant use
 * this shape). `null` (or `{icon: null, label: null}`) hides the item for that participant; a
 * missing `icon` or `label` keeps the package file's value (mute-video-participant sends only
 * `{label}`).
 */
export type ParticipantMenuState = Record<string, Partial<PluginState> | null>;

/** What a plugin may put on its `state$`. */
export type AnyPluginState = PluginState | ParticipantMenuState;

/**
 * A toolbar button's action. Seed: "If it is in the toolbar, then participant and conference
 * properties are available" (the recording plugin's `recordConference(participants)`).
 */
export type ToolbarAction = (participants: Participant[], conference: ConferenceDetails) => void;

/** A conference-menu item's action. Seed: "from the conference control menu the conference properties are available". */
export type ConferenceMenuAction = (conference: ConferenceDetails) => void;

/** A participant-menu item's action. Seed: "from the participant roster menu the current participant properties are available". */
export type ParticipantMenuAction = (participant: Participant) => void;

/** Any menu action (what `registerPlugin` finds under the name in the package file's `action`). */
export type PluginAction = ToolbarAction | ConferenceMenuAction | ParticipantMenuAction;

/**
 * Seed: "load: this performs any actions on loading of the plugin... When the load function is
 * called, it always receives participant and conference details." Real plugins make it `async`.
 */
export type PluginLoad = (
  participants$: Observable<Participant[]>,
  conferenceDetails$: Observable<ConferenceDetails>,
) => void | Promise<void>;

/** Seed: "unload: this performs any cleanup actions when the plugin is disabled." */
export type PluginUnload = () => void | Promise<void>;

/**
 * The argument of `PEX.pluginAPI.registerPlugin`. Seed: "the `id` of the plugin (as defined in
 * the Plugin package file); the names of the three functions (load, unload, and <your function>);
 * `state$` (only required if you are using state to toggle icons or menu names)".
 *
 * Menu actions sit beside `load`/`unload` under the name the package file's `action` gives.
 */
export interface RegisterPluginOptions {
  /** The package file's `id` (not necessarily the settings.json id). */
  id: string;
  load: PluginLoad;
  unload: PluginUnload;
  /** The subject from `createNewState`, or any observable of states. */
  state$?: Subscribable<AnyPluginState>;
  /** `<your function>`: each `menuItems[*].action` names one of these. */
  [action: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Dialogs
// ---------------------------------------------------------------------------------------------

/** Seed, openTemplateDialog: "a dialog with a title and a body". */
export interface TemplateDialogConfig {
  /** The title; `null` (seen in real plugins) shows none. */
  title?: string | null;
  /** Raw HTML: forms, selects, iframes and inline `onclick` handlers all appear in real plugins. */
  body?: string;
  /** Hide the close button (the plugin closes the dialog itself). */
  isCloseDisabled?: boolean;
}

/** Extra positional arguments old plugins pass to `openTemplateDialog`: backdrop mode `'static'` and a z-index such as `1001`. */
export type TemplateDialogExtra = 'static' | number | string;

/** The open dialog. Seed: "Subscribing to [close$] allows you to perform actions when the dialog has been closed". */
export interface DialogRef {
  /** Closes the dialog; real plugins pass a result, which is tolerated and emitted on `close$`. */
  close(result?: unknown): void;
  /** Emits (then completes) when the dialog closes. */
  close$: Observable<unknown>;
  /** Emits once the body is in the DOM (older samples wait for it before `getElementById`). */
  viewInit$: Observable<void>;
}

/**
 * What `openTemplateDialog` returns. Two generations of webapp2 returned different things: a
 * Promise of the ref (the seed and the 2022 gallery: `.then(dialogRef => ...)`) and an Observable
 * (older samples: `.subscribe(ref => ...)`, or `.subscribe()` with no argument). This handle is
 * both, so plugins of either generation work.
 */
export interface DialogHandle extends PromiseLike<DialogRef> {
  subscribe(observer?: ((ref: DialogRef) => void) | Partial<Observer<DialogRef>>): Unsubscribable;
}

// ---------------------------------------------------------------------------------------------
// Dial out and layouts
// ---------------------------------------------------------------------------------------------

/** Client REST API `dial` protocols; `auto` lets the node choose (the recording plugin uses it). */
export type DialOutProtocol = 'sip' | 'h323' | 'rtmp' | 'mssip' | 'auto';

/**
 * The role of the dialled participant. PexRTC compares case-insensitively and sends `GUEST` only
 * for guest (otherwise the node makes a Host); the recording plugin passes `'guest'`.
 */
export type DialOutRole = 'guest' | 'host' | 'chair' | 'GUEST' | 'HOST';

/** The `params` of `dialOut` (PexRTC `user_params`, copied into the `dial` request). */
export interface DialOutParams {
  /** Sends `streaming: "yes"` (the recording plugin sets it). */
  streaming?: boolean;
  call_type?: 'video' | 'video-only' | 'audio';
  dtmf_sequence?: string;
  /** Sent to the node as `presentation_url` (RTMP). */
  presentation_uri?: string;
  keep_conference_alive?:
    'keep_conference_alive' | 'keep_conference_alive_if_multiple' | 'keep_conference_alive_never';
  remote_display_name?: string;
  source_display_name?: string;
  text?: string;
}

/** What the `dialOut` callback receives: the new participants' uuids; an empty array means the call failed. */
export interface DialOutResult {
  result: string[];
}

/**
 * Layout names: `"N:M"` = N main speakers plus M thumbnails, `ac` = Adaptive Composition, `teams`
 * (from a real `available_layouts` answer). Any other string is passed to the node as is.
 */
export type LayoutName =
  | '1:0'
  | '1:7'
  | '2:21'
  | '1:21'
  | '1:33'
  | '4:0'
  | '5:7'
  | '9:0'
  | '16:0'
  | '25:0'
  | 'ac'
  | 'teams'
  | (string & {});

/** One entry of the old `changeConferenceLayout` form. */
export interface LegacyLayoutEntry {
  layout: LayoutName;
  actors?: string[];
  audience?: string[];
  actors_overlay_text?: boolean;
  plus_n?: boolean;
  vad_backfill?: boolean;
  [key: string]: unknown;
}

/** The old `changeConferenceLayout` argument; `{layouts: []}` restores the default. */
export interface LegacyLayoutChange {
  layouts: LegacyLayoutEntry[];
}

/**
 * The dictionary of `transformConferenceLayout` (client REST API `transform_layout` transforms);
 * every key is optional and `{}` resets to the default.
 */
export interface LayoutTransforms {
  /** VMR layout for hosts and guests. */
  layout?: LayoutName;
  /** Virtual Auditorium, host side. */
  host_layout?: LayoutName;
  /** Virtual Auditorium, guest side. */
  guest_layout?: LayoutName;
  /** Show participant names. */
  enable_overlay_text?: boolean;
  enable_active_speaker_indication?: boolean;
  /** Extended Adaptive Composition. */
  enable_extended_ac?: boolean;
  streaming_indicator?: boolean;
  recording_indicator?: boolean;
  /** Layout seen by streaming participants. */
  streaming?: {
    layout?: LayoutName;
    waiting_screen_enabled?: boolean;
    plus_n_pip_enabled?: boolean;
    indicators_enabled?: boolean;
  };
  /** Per-position overlay strings. */
  free_form_overlay_text?: string[];
}

// ---------------------------------------------------------------------------------------------
// REST answers and menu items
// ---------------------------------------------------------------------------------------------

/**
 * The node's JSON answer to a client REST API request: every answer has this envelope
 * (`{"status": "success", "result": ...}`; errors carry a message in `result`).
 */
export interface ClientApiReply<T = unknown> {
  status: 'success' | 'failed';
  result: T;
}

/** `getPluginMenuItem`'s answer: hides or shows one menu item. */
export interface PluginMenuItemHandle {
  hide(): void;
  show(): void;
}

/** An action-shaped chat message (`sendChatMessage` also accepts this, as the app's own SEND_CHAT_MESSAGE action). */
export interface ChatMessageAction {
  type: string;
  payload: string;
}

// ---------------------------------------------------------------------------------------------
// window.PEX.pluginAPI
// ---------------------------------------------------------------------------------------------

/**
 * `window.PEX.pluginAPI`. Seed: "a set of functions ... that act as a wrapper around requests to
 * the PexRTC JavaScript client API".
 */
export interface PluginAPI {
  /** Seed: "Called by your plugin to register with the application." */
  registerPlugin(options: RegisterPluginOptions): void;

  /**
   * Seed: "Creates states — see Plugin state." A subject: call `next(state)` to change the
   * plugin's menu item. `initial` may be `{}` (the seed's recording example) or a full state.
   */
  createNewState<T extends AnyPluginState = AnyPluginState>(
    initial?: NoInfer<T>,
  ): BehaviorSubject<T>;

  /**
   * Seed: "lets you send conference and participant control commands into the conference via the
   * Pexip client REST API", e.g. `sendRequest('/lock')`,
   * `sendRequest('/participants/' + uuid + '/dtmf', {digits: '1234'})`.
   * The path is relative to the conference (with or without a leading slash); with no payload
   * the request is still a POST (`buzz`, `video_muted`).
   *
   * The seed documents no return value. webapp2 forwards to PexRTC's `sendRequest`, which hands
   * the node's parsed answer to a callback (a Pexip sample passes it as the third argument:
   * `sendRequest('muteguests', undefined, () => ...)`), a refusal included: the answer is then
   * `{status: 'failed', result: '<reason>'}`. The returned Promise (our addition, so TypeScript
   * plugins can `await` it) resolves with that same answer and never rejects, so a plugin that
   * ignores it never causes an unhandled rejection; check `status` (or use `sendNodeRequest`).
   */
  sendRequest(
    path: string,
    payload?: unknown,
    callback?: (reply: ClientApiReply) => void,
  ): Promise<ClientApiReply>;

  /**
   * Seed: "This provides a mechanism to create a dialog with a title and a body." Perform complex
   * work "in a `.then`, which will run after the promise to open the dialog has resolved".
   */
  openTemplateDialog(config: TemplateDialogConfig, ...extra: TemplateDialogExtra[]): DialogHandle;

  /** Seed: "Takes a participant UUID and sets the spotlight". */
  spotlightOnParticipant(uuid: string): void;

  /** Seed: "Takes a participant UUID and removes the spotlight". */
  spotlightOffParticipant(uuid: string): void;

  /**
   * Seed: "Initiates a call from the current conference to a participant. Takes an `alias`,
   * `protocol` and `role`, and provides a participant UUID if successful."
   */
  dialOut(
    alias: string,
    protocol: DialOutProtocol,
    role: DialOutRole,
    callback: (result: DialOutResult) => void,
    params?: DialOutParams,
  ): void;

  /** Seed: "Takes a participant UUID and disconnects them". */
  disconnectParticipant(uuid: string): void;

  /**
   * Old layout call: `{layouts: [{layout, actors, audience, ...}]}`.
   * @deprecated Seed: "This function is being deprecated — you should use transformConferenceLayout instead."
   */
  changeConferenceLayout(change: LegacyLayoutChange): void;

  /**
   * Seed: "Takes a JSON dictionary containing the layout required... It makes use of the
   * `transform_layout` function in the PexRTC client API to change the conference layout, control
   * streaming content, and to enable/disable indicators and overlay text." `{}` resets.
   */
  transformConferenceLayout(transforms: LayoutTransforms): void;

  /** Seed: "Takes a message to send into the conference e.g. `sendChatMessage('Here is some chat')`". */
  sendChatMessage(message: string | ChatMessageAction): void;

  /** Finds a plugin's menu item to hide or show it (used by real plugins; not in the seed). */
  getPluginMenuItem(pluginId: string, menuItemId: string): PluginMenuItemHandle;
}

// ---------------------------------------------------------------------------------------------
// window.PEX.actions$
// ---------------------------------------------------------------------------------------------

/**
 * A chat message: the PexRTC `onChatMessage` / `message_received` object. The seed's example
 * reads `action.payload.payload` (the text).
 */
export interface ChatMessage {
  /** The sender's display name. */
  origin: string;
  /** The sender's participant uuid. */
  uuid: string;
  /** `text/plain` for chat; `application/json` for application messages. */
  type: string;
  /** The text. */
  payload: string;
  /** True for a private (direct) message. */
  direct?: boolean;
}

type Actions = typeof ACTIONS;
type Webapp2Actions = typeof WEBAPP2_ACTION_TYPES;

/** An action with a type and a typed payload. */
export interface PexActionOf<T extends string, P> {
  type: T;
  payload: P;
}

/** An action with a type and no payload. */
export interface PexBareAction<T extends string> {
  type: T;
  payload?: undefined;
}

/** `'[Conference] Connect Success'`: the user joined (raise-hand and start-muted read it). */
export interface ConnectSuccessPayload {
  alias: string;
  displayName: string;
  joinRole: 'HOST' | 'guest' | (string & {});
  serviceType: 'conference' | 'lecture' | (string & {});
}

/**
 * The actions this package knows, as a discriminated union on `type`. webapp2 dispatches many
 * more; `actions$` types those as {@link UnlistedPexAction}.
 */
export type PexAction =
  | PexActionOf<Actions['SEND_CHAT_MESSAGE'], string>
  | PexActionOf<Actions['RECEIVE_CHAT_MESSAGE'], ChatMessage>
  | PexActionOf<Actions['SELECT_EVENT'], { action: { type: string; payload?: unknown } }>
  | PexActionOf<Actions['PARTICIPANT_CONNECT_SUCCESS'], Participant>
  | PexActionOf<Actions['PARTICIPANT_DISCONNECT_SUCCESS'], string>
  | PexBareAction<Actions['DISCONNECT_SUCCESS']>
  | PexActionOf<Webapp2Actions['CONNECT_SUCCESS'], ConnectSuccessPayload>
  | PexActionOf<Webapp2Actions['CONNECT_FAIL'], { msg: string }>
  | PexBareAction<Webapp2Actions['DISCONNECT']>
  | PexActionOf<Webapp2Actions['SET_SELF_UUID'], string>
  | PexActionOf<Webapp2Actions['PARTICIPANT_MUTED_CHANGED'], { uuid: string; muted: boolean }>
  | PexActionOf<Webapp2Actions['BUZZ_CHANGED'], { buzzTime: number; name: string }>
  | PexBareAction<Webapp2Actions['MUTE_MICROPHONE']>
  | PexBareAction<Webapp2Actions['UNMUTE_MICROPHONE']>
  | PexBareAction<Webapp2Actions['MUTE_CAMERA']>
  | PexBareAction<Webapp2Actions['UNMUTE_CAMERA']>
  | PexActionOf<Webapp2Actions['SET_REMOTE_CALL_TYPE'], unknown>
  | PexActionOf<Webapp2Actions['HOME_SCREEN_STATE'], unknown>
  | PexActionOf<Webapp2Actions['SET_LOCAL_MEDIA_STREAM'], { stream: MediaStream }>;

/** The type strings of {@link PexAction}. */
export type PexActionType = PexAction['type'];

/** The action with the given type. */
export type PexActionFor<T extends PexActionType> = Extract<PexAction, { type: T }>;

/** Any other webapp2 action: its payload is unknown to this package. */
export interface UnlistedPexAction {
  type: string;
  payload?: unknown;
}

/**
 * An Observable that also has RxJS-5 style chained operators: webapp2 ran on RxJS 5, and real
 * plugins write `PEX.actions$.ofType(X).filter(...).map(...)`.
 */
export interface ChainableObservable<T> extends Observable<T> {
  filter<S extends T>(predicate: (value: T, index: number) => value is S): ChainableObservable<S>;
  filter(predicate: (value: T, index: number) => boolean): ChainableObservable<T>;
  map<R>(project: (value: T, index: number) => R): ChainableObservable<R>;
  take(count: number): ChainableObservable<T>;
  first(): ChainableObservable<T>;
  distinctUntilChanged(): ChainableObservable<T>;
  takeUntil(notifier: Observable<unknown>): ChainableObservable<T>;
}

/**
 * `window.PEX.actions$`. Seed: "You can subscribe to actions and then process the action using
 * `ofType`." Subscribing to the whole stream works too.
 */
export interface PexActionStream extends ChainableObservable<PexAction | UnlistedPexAction> {
  ofType<T extends PexActionType>(...types: T[]): ChainableObservable<PexActionFor<T>>;
  ofType(...types: string[]): ChainableObservable<PexAction | UnlistedPexAction>;
}

/** What `PEX.dispatchAction` accepts: an NgRx-style action, e.g. `{type: '[Conference] Mute Camera'}`. */
export interface DispatchableAction {
  type: string;
  payload?: unknown;
}

// ---------------------------------------------------------------------------------------------
// window.PEX.pexrtc
// ---------------------------------------------------------------------------------------------

/**
 * A participant as PexRTC hands it to its callbacks: the node's participant object (snake_case,
 * client REST API `participants`). Only the fields plugins read are named.
 */
export interface PexRtcParticipant {
  uuid: string;
  display_name: string;
  overlay_text?: string;
  role: ParticipantRole;
  protocol: ParticipantProtocol | '';
  uri?: string;
  service_type?: ParticipantServiceType;
  is_muted?: 'YES' | 'NO';
  is_streaming_conference?: boolean;
  has_media?: boolean;
  [field: string]: unknown;
}

/**
 * The PexRTC-like object on `PEX.pexrtc`. Plugins (anonymizer, hide-api-users) **replace** its
 * callbacks, so a host reads them at call time and feeds its roster through them.
 */
export interface PexRtcLike {
  /** The conference's name as the node gives it (falls back to the alias). */
  conference_name: string;
  /** The alias that was dialled. */
  conference: string;
  /** The Conferencing Node's host name (PexRTC `node`), e.g. `pexip.example.com`. */
  node: string;
  display_name: string;
  /** This participant's uuid once connected, else `''`. */
  uuid: string;
  role: 'HOST' | 'GUEST' | '';
  /** `'CONNECTED'` in a conference, `'IDLE'` outside. */
  state: string;
  /** The local microphone is muted (the app's button, `muteAudio`, or a plugin's dispatch). Read-only. */
  readonly mutedAudio: boolean;
  /** The local camera is muted. Read-only. */
  readonly mutedVideo: boolean;
  /** PexRTC `muteAudio(setting)`: mutes (true) or unmutes (false); toggles without an argument; returns the new state. */
  muteAudio(setting?: boolean): boolean;
  /** PexRTC `muteVideo(setting)`: as `muteAudio`, for the camera. */
  muteVideo(setting?: boolean): boolean;
  setParticipantText(uuid: string, text: string): void;
  sendChatMessage(text: string, uuid?: string): void;
  /** The call: `pc` is its `RTCPeerConnection` while media flows, `null` without media. */
  readonly call: { readonly pc: RTCPeerConnection | null };
  onParticipantCreate: ((participant: PexRtcParticipant) => void) | null;
  onParticipantUpdate: ((participant: PexRtcParticipant) => void) | null;
  onParticipantDelete: ((participant: { uuid: string }) => void) | null;
  onChatMessage: ((message: ChatMessage) => void) | null;
}

// ---------------------------------------------------------------------------------------------
// window.PEX
// ---------------------------------------------------------------------------------------------

/** `window.PEX`: what webapp2 puts on the window for plugins. */
export interface PexGlobal {
  /** Seed: "The plugin API includes a set of functions that are available on the window.PEX.pluginAPI object". */
  readonly pluginAPI: PluginAPI;
  /** Seed: "actions$ are observables". */
  readonly actions$: PexActionStream;
  /** Seed: "The options for `(window.PEX.actions.<ACTION>)`". */
  readonly actions: typeof ACTIONS;
  /** Seed: "Query parameters provided on the URL are available under `window.PEX.conferenceQueryParams`". */
  readonly conferenceQueryParams: Readonly<Record<string, string>>;
  /** Dispatches an app action, e.g. `{type: '[Conference] Mute Camera'}` (start-muted). */
  dispatchAction(action: DispatchableAction): void;
  /** This user's participant uuid once connected (`undefined` before joining). */
  readonly selfUUID: string | undefined;
  /** The PexRTC-like call object (plugins replace its `on*` callbacks). */
  readonly pexrtc: PexRtcLike;
}
