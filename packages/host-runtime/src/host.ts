import type { Observable } from 'rxjs';
import type {
  ConferenceDetails,
  MenuPlacement,
  Participant,
  ParticipantRole,
  Platform,
} from './seed-types.js';
import type { NodeSessionFactory } from './node-session.js';
import type { DialogOpener } from './template-dialog.js';

export interface HostOptions {
  /** Origin of the Conferencing Node's client REST API. Default: `location.origin`. */
  readonly nodeUrl?: string;
  /**
   * The branding root that holds `manifest.json`, `settings.json` and the plugins. Default:
   * `new URL('custom_configuration/', document.baseURI)`, where a Conferencing Node serves it
   * under `/webapp2/`.
   */
  readonly brandingUrl?: string;
  /** Default: `detectPlatform(navigator.userAgent, location.search)`. */
  readonly platform?: Platform;
  /** Where `window.PEX` and `window.PexRTC` are installed and plugin scripts injected. */
  readonly window?: Window;
  /** Persists the user's enable/disable choices. Default: the window's `localStorage`. */
  readonly storage?: Storage;
  /** `?strictPlugins=1`: a plugin fault becomes `fatalError$` (the real app's "Oops" page). */
  readonly strictPlugins?: boolean;
  /** What `PEX.conferenceQueryParams` shows. Default: the window's `location.search`. */
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
   * Join with audio and video. Default: true, false with `?media=0`. Only for node sessions that
   * can fall back to control-only (`NodeSession.stopMedia`); others always join control-only.
   */
  readonly media?: boolean;
  /**
   * The camera and microphone to send. Default: `getUserMedia` with audio and 1280×720 video.
   * When it rejects (no device, permission refused) the host joins control-only with a notice.
   */
  readonly openLocalMedia?: () => Promise<MediaStream>;
  /**
   * How long media may take to flow after joining before the host gives up on it and stays in
   * the conference control-only. Default: 10000 ms, or `?mediaTimeoutMs=`.
   */
  readonly mediaConnectTimeoutMs?: number;
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

export type JoinOutcome =
  | { readonly kind: 'joined'; readonly role: ParticipantRole }
  | {
      readonly kind: 'pin-required';
      /** The conference has a host PIN. */
      readonly hostPin: boolean;
      /** Guests need a PIN too; when false a guest may join with an empty PIN. */
      readonly guestPin: boolean;
      /** A PIN was given and the node refused it. */
      readonly wrongPin: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

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

export interface ChatMessage {
  readonly id: string;
  /** Sender's display name: text, never HTML. */
  readonly origin: string;
  readonly uuid: string;
  /** Message text: text, never HTML. */
  readonly text: string;
  readonly at: number;
  readonly direct: boolean;
  /** Sent by this client. */
  readonly own: boolean;
}

/**
 * `pending`: valid and enabled, waiting for the conference (the user's role decides);
 * `loading`: source evaluating or `load` running; `loaded`; `disabled` (settings.json or the
 * user); `skipped` (platform or role not listed: see `reason`); `failed` (a contained fault: see
 * `error`); `invalid` (settings entry or package file rejected: see `reason`).
 */
export type PluginStatus =
  'pending' | 'loading' | 'loaded' | 'disabled' | 'skipped' | 'failed' | 'invalid';

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
  /** Why it was skipped or is invalid (platform, role, validation fault naming the file). */
  readonly reason?: string;
  /** The fault that marked it failed. */
  readonly error?: string;
  /** Non-fatal findings (settings id differs from the package id, ...). */
  readonly warnings: readonly string[];
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
  readonly placement: MenuPlacement;
  readonly action: string;
  /** Hidden with `getPluginMenuItem(...).hide()`. */
  readonly hidden: boolean;
  /**
   * Participant menu only, from a per-participant `state$` (`{[uuid]: {icon, label}}`):
   * a look per uuid, or null where the plugin hides the item for that participant.
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
  join(request: JoinRequest): Promise<JoinOutcome>;
  leave(): Promise<void>;
  readonly connection$: Observable<ConnectionState>;
  /** The call's audio and video: what the stage plays in `#mainVideo` and `#selfviewVideo`. */
  readonly media$: Observable<MediaState>;
  readonly participants$: Observable<readonly Participant[]>;
  readonly conference$: Observable<ConferenceDetails>;
  readonly self$: Observable<SelfView | undefined>;
  readonly chat$: Observable<readonly ChatMessage[]>;
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
  /**
   * The app's own buttons report here so plugins see the same NgRx actions as in webapp2
   * (e.g. `'[Conference] Mute Microphone'`), and `PEX.dispatchAction` calls arrive here.
   */
  readonly appActions$: Observable<AppAction>;
  /** Dispatches an app action as if the app itself did (plugins observe it on `PEX.actions$`). */
  dispatchAppAction(action: AppAction): void;
  dispose(): Promise<void>;
}

/** An NgRx-style action as webapp2 emits it on `PEX.actions$`. */
export interface AppAction {
  readonly type: string;
  readonly payload?: unknown;
}
