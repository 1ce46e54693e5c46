import type { Observable } from 'rxjs';
import type {
  ConferenceDetails,
  MenuPlacement,
  Participant,
  ParticipantRole,
  Platform,
} from './seed-types.js';
import type { NodeJoinResult, NodeSessionFactory } from './node-session.js';
import type { DialogOpener } from './template-dialog.js';
import type { FrameScheduler } from './frame-scheduler.js';
import type { FaultPhase } from './plugin-scope.js';
import type { BeyondTheGuideFinding } from '@ipk/plugin-api';

/**
 * Everything a host needs, as plain values. The host reads nothing from the page address: the
 * app parses it once (`@ipk/host-app` `deep-link.ts`) and hands the results over here.
 */
export interface HostOptions {
  /** Origin of the Conferencing Node's client REST API. Default: the window's origin. */
  readonly nodeUrl?: string;
  /**
   * The branding root that holds `manifest.json`, `settings.json` and the plugins. Default:
   * `new URL('custom_configuration/', document.baseURI)`, where a Conferencing Node serves it
   * under `/webapp2/`.
   */
  readonly brandingUrl?: string;
  /** Matched against package `platforms`. Default: `detectPlatform(navigator.userAgent)`. */
  readonly platform?: Platform;
  /** Where `window.PEX` and `window.PexRTC` are installed and plugin scripts injected. */
  readonly window?: Window;
  /** Persists the user's enable/disable choices. Default: the window's `localStorage`. */
  readonly storage?: Storage;
  /** A plugin fault also goes to `fatalError$` (the real app's "Oops" page). Default: false. */
  readonly strictPlugins?: boolean;
  /** What `PEX.conferenceQueryParams` shows (webapp2: the address's query). Default: `{}`. */
  readonly queryParams?: Readonly<Record<string, string>>;
  /** Injected instead of the `@pexip/infinity` session (tests, benchmarks). */
  readonly nodeSession?: NodeSessionFactory;
  /**
   * How plugin sources are evaluated. Default: a classic `<script src>` element
   * (`injectScriptElement`); DOM emulations that run no scripts use `evaluateFetchedScript`.
   */
  readonly loadScript?: (url: string, window: Window) => Promise<void>;
  /** How template dialogs are shown. Default: `@ipk/dialogs` `openDialog`. */
  readonly openDialog?: DialogOpener;
  /** Fetch used for the branding files. Default: the window's `fetch`. */
  readonly fetch?: typeof fetch;
  /**
   * Join with audio and video. Default: true. Only for node sessions that can fall back to
   * control-only (`NodeSession.stopMedia`); others always join control-only.
   */
  readonly media?: boolean;
  /**
   * The camera and microphone to send. Default: `getUserMedia` with audio and 1280×720 video.
   * When it rejects (no device, permission refused) the host joins control-only with a notice.
   */
  readonly openLocalMedia?: () => Promise<MediaStream>;
  /**
   * How long media may take to flow after joining before the host gives up on it and stays in
   * the conference control-only. Default: 10000 ms.
   */
  readonly mediaConnectTimeoutMs?: number;
  /**
   * How long one plugin's source may take to evaluate, and its `load` to settle, before the
   * plugin is marked failed ("load did not finish in 10 s"). The conference never waits on a
   * plugin beyond this. Default: 10000 ms.
   */
  readonly pluginLoadTimeoutMs?: number;
  /**
   * How roster changes are coalesced into `participants$` emissions. Default: one emission per
   * animation frame. (The testing harness flushes its own frames, so a pushed roster is seen at
   * once.)
   */
  readonly scheduleFrame?: FrameScheduler;
  /** Sees every `PEX.pluginAPI` (and `PEX.pexrtc` method) call, in order: the testing harness records them. */
  readonly onPluginApiCall?: (call: string, args: readonly unknown[]) => void;
}

/**
 * The call's audio and video. `off` says why there is none (media off, no camera, it failed, not
 * in a conference); `connecting`/`connected` carry the local stream (camera and microphone, for
 * the self view) and the conference's stream from the node once it arrives (for `#mainVideo`).
 */
export type MediaState =
  | { readonly kind: 'off'; readonly reason: string }
  | {
      readonly kind: 'connecting' | 'connected';
      readonly local: MediaStream;
      readonly remote: MediaStream | null;
    };

export interface JoinRequest {
  readonly alias: string;
  readonly displayName: string;
  /** Host or guest PIN; an empty string joins as guest where only the host PIN is set. */
  readonly pin?: string;
}

/** The node's answer to joining (`pin-required`, `failed`), or the role it admitted the user in. */
export type JoinOutcome =
  | { readonly kind: 'joined'; readonly role: ParticipantRole }
  | Exclude<NodeJoinResult, { readonly kind: 'joined' }>;

export type ConnectionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'joining' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'reconnecting' }
  | { readonly kind: 'disconnected'; readonly reason: string };

export interface SelfView {
  readonly uuid: string;
  readonly role: ParticipantRole;
  readonly displayName: string;
  readonly alias: string;
}

/** A chat message in the conference timeline. Texts are text, never HTML. */
export interface ChatEntry {
  readonly kind: 'chat';
  readonly id: string;
  readonly at: number;
  /** Sender's display name. */
  readonly origin: string;
  readonly uuid: string;
  readonly text: string;
  readonly direct: boolean;
  /** Sent by this client. */
  readonly own: boolean;
}

/** Someone joined or left (not the roster sync on joining: only news). */
export interface PresenceEntry {
  readonly kind: 'joined' | 'left';
  readonly id: string;
  readonly at: number;
  readonly uuid: string;
  readonly name: string;
}

/**
 * The conference timeline (webapp2's side panel of chat messages and join/leave events). Selecting
 * an entry dispatches `PEX.actions.SELECT_EVENT` with the entry's own action (seed: "The
 * application user selects an event in the timeline").
 */
export type TimelineEntry = ChatEntry | PresenceEntry;

/** The user's own microphone and camera, as the toolbar shows them and `PEX.pexrtc` reports them. */
export interface SelfMediaState {
  readonly microphoneMuted: boolean;
  readonly cameraMuted: boolean;
}

/**
 * Where a plugin stands, as one tagged value:
 * `pending` (valid and enabled, waiting for the conference: the user's role decides),
 * `loading` (source evaluating or `load` running), `loaded`, `disabled` (by settings.json or by the
 * user), `skipped` (its platforms or participantRoles exclude this one), `failed` (a contained
 * fault, with the phase it happened in), `invalid` (its settings entry or package file was
 * rejected).
 */
export type PluginStatus =
  | { readonly kind: 'pending' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'disabled'; readonly by: 'settings' | 'user' }
  | { readonly kind: 'skipped'; readonly cause: 'platform' | 'role'; readonly reason: string }
  | { readonly kind: 'failed'; readonly phase: FaultPhase; readonly message: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export type PluginStatusKind = PluginStatus['kind'];

/** How long a plugin blocked the page (calls of its code that took 50 ms or more: long tasks). */
export interface LongTaskReport {
  readonly count: number;
  readonly longestMs: number;
  readonly totalMs: number;
  /** Where the longest one happened, e.g. `load`, `action`, `a timer or DOM handler`. */
  readonly longestWhere: string;
}

/** A row of Settings > Plugins. */
export interface PluginRecord {
  /** The settings.json id (the package id may differ: see `packageId`). */
  readonly id: string;
  readonly packageId: string | null;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly enabled: boolean;
  readonly allowUnload: boolean;
  readonly status: PluginStatus;
  /** Non-fatal findings (settings id differs from the package id, ...). */
  readonly warnings: readonly string[];
  /** Long tasks its code caused; absent while there were none. */
  readonly longTasks?: LongTaskReport;
  /**
   * What it used beyond the documented plugin API (webapp2's DOM, NgRx action strings,
   * `PEX.pexrtc`, ...): each may break at the next Infinity upgrade.
   */
  readonly beyondTheGuide: readonly BeyondTheGuideFinding[];
}

export interface MenuItemLook {
  /** Absolute URL including the `#fragment` of the SVG symbol, or null for no icon. */
  readonly iconUrl: string | null;
  /** Label text (hover text on the toolbar); text, never HTML. */
  readonly label: string | null;
}

export interface MenuItemView extends MenuItemLook {
  /** Stable key for `invokeMenuItem`. */
  readonly key: string;
  readonly pluginId: string;
  /** The package file's `name`: what screen readers hear for an item with an icon and no label. */
  readonly pluginName: string;
  readonly placement: MenuPlacement;
  readonly action: string;
  /**
   * Hidden with `getPluginMenuItem(...).hide()`, or showing nothing (no icon and no label, and no
   * per-participant look).
   */
  readonly hidden: boolean;
  /**
   * Participant menu only, from a per-participant `state$` (`{[uuid]: {icon, label}}`): a look per
   * uuid, or null where the plugin hides the item for that participant. Read it with
   * `lookForParticipant`.
   */
  readonly perParticipant?: Readonly<Record<string, MenuItemLook | null>>;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

/** A toast. */
export interface Notice {
  readonly level: NoticeLevel;
  readonly message: string;
  readonly pluginId?: string;
}

export interface Host {
  /**
   * Resolves as soon as the node admits the user (or refuses): the conference never waits on a
   * plugin. Plugins then load in the background, each within `pluginLoadTimeoutMs`; once every
   * one has loaded or failed, `'[Conference] Connect Success'` and `'[Conference] Set Self UUID'`
   * are dispatched and the roster flows (so plugins that wrap `PEX.pexrtc` on Connect Success,
   * such as anonymizer and hide-api-users, see every participant).
   */
  join(request: JoinRequest): Promise<JoinOutcome>;
  /**
   * `'[Conference] Disconnect'`, the token released, `'[Conference] Disconnect Success'` to the
   * plugins still loaded, then the plugins unloaded.
   */
  leave(): Promise<void>;
  readonly connection$: Observable<ConnectionState>;
  /** The call's audio and video: what the stage plays in `#mainVideo` and `#selfviewVideo`. */
  readonly media$: Observable<MediaState>;
  /** The user's own microphone and camera; the toolbar, `PEX.pexrtc` and plugins' actions all go through it. */
  readonly selfMedia$: Observable<SelfMediaState>;
  /**
   * The user's own microphone button: mutes the sent track (before the stream exists too: it
   * holds once it does), tells the node (`client_mute`/`client_unmute`) and dispatches
   * `'[Conference] Mute Microphone'` / `'Unmute Microphone'` for plugins, as webapp2 does.
   */
  setMicrophoneMuted(muted: boolean): void;
  /** The user's own camera button: as `setMicrophoneMuted`, with `video_muted`/`video_unmuted` and `'[Conference] Mute Camera'`. */
  setCameraMuted(muted: boolean): void;
  /** Host control: `lock` / `unlock`. Rejects with the node's reason when it refuses. */
  setLocked(locked: boolean): Promise<void>;
  /** Host control: `muteguests` / `unmuteguests`. Rejects with the node's reason when it refuses. */
  setGuestsMuted(muted: boolean): Promise<void>;
  readonly participants$: Observable<readonly Participant[]>;
  readonly conference$: Observable<ConferenceDetails>;
  readonly self$: Observable<SelfView | undefined>;
  /** Chat messages and joins/leaves, oldest first. */
  readonly timeline$: Observable<readonly TimelineEntry[]>;
  /** The user picked a timeline entry: `PEX.actions.SELECT_EVENT` `{action}` with the entry's action. */
  selectTimelineEntry(id: string): void;
  sendChat(text: string): Promise<void>;
  readonly plugins$: Observable<readonly PluginRecord[]>;
  readonly menuItems$: Observable<readonly MenuItemView[]>;
  /** Calls the plugin action with the seed's arguments for its placement; faults are contained. */
  invokeMenuItem(key: string, participant?: Participant): void;
  /** Persisted; disabling calls `unload` and removes the plugin's menu items. */
  setPluginEnabled(id: string, enabled: boolean): Promise<void>;
  readonly notices$: Observable<Notice>;
  /** Only in strictPlugins mode: the host app shows the "Oops" page. */
  readonly fatalError$: Observable<Error | undefined>;
  /** The NgRx-style action stream plugins see on `PEX.actions$` (webapp2's store actions). */
  readonly appActions$: Observable<AppAction>;
  /**
   * Dispatches an action as the app itself would (plugins observe it on `PEX.actions$`); media
   * actions (`'[Conference] Mute Camera'`, ...) take effect as the user's own.
   */
  dispatchAppAction(action: AppAction): void;
  dispose(): Promise<void>;
}

/** An NgRx-style action as webapp2 emits it on `PEX.actions$`. */
export interface AppAction {
  readonly type: string;
  readonly payload?: unknown;
}
