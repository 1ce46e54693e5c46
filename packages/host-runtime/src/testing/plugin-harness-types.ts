import type { AppAction, MenuItemLook, MenuItemView, PluginRecord } from '../host.js';
import type { NodeAnswer } from '../node-session.js';
import type { ConferenceDetails, Participant, ParticipantRole, Platform } from '../seed-types.js';

export type { NodeAnswer };

export interface PluginHarnessOptions {
  /** Path of the plugin package file (`*.plugin.package.json`). */
  readonly packageFile: string;
  /**
   * Path of the built IIFE. Default: the package file's `srcURL`, relative to the package file
   * (the seed's rule).
   */
  readonly source?: string;
  /** The IIFE's text, instead of a file (takes precedence over `source`). */
  readonly sourceText?: string;
  /** The user's role; the package's `participantRoles` is enforced. Default `'chair'`. */
  readonly role?: ParticipantRole;
  /** The package's `platforms` is enforced. Default `'web'`. */
  readonly platform?: Platform;
  /** The roster; missing properties get plausible defaults (self is always present). */
  readonly participants?: readonly Partial<Participant>[];
  readonly conference?: Partial<ConferenceDetails>;
  /** What `PEX.conferenceQueryParams` shows. */
  readonly queryParams?: Readonly<Record<string, string>>;
  /**
   * The conference alias (`PEX.pexrtc.conference`, the `Connect Success` payload). Node calls
   * are answered by a recording fake: success, and one new uuid for `dial`. Default `'meet'`.
   */
  readonly alias?: string;
  /**
   * How the fake node answers each request the plugin's calls make (`sendRequest`, `dialOut`'s
   * `dial`, …), with the conference-relative path. Default: `{status: 200, body: {status:
   * 'success', result: true}}`, and one new uuid for `dial`. Return a promise to answer later, a
   * 4xx/5xx status to refuse.
   */
  readonly answerRequest?: (request: {
    readonly method: 'GET' | 'POST';
    readonly path: string;
    readonly body: unknown;
  }) => NodeAnswer | Promise<NodeAnswer>;
}

/** One call the plugin made through `PEX.pluginAPI` (or `PEX.pexrtc`), in order. */
export interface RecordedRequest {
  /** The pluginAPI function name, e.g. `'sendRequest'`, `'dialOut'`, `'transformConferenceLayout'`. */
  readonly call: string;
  readonly args: readonly unknown[];
}

export interface PluginHarness {
  /** The plugin's menu items (hidden ones included, with `hidden: true`). */
  menuItems(): readonly MenuItemView[];
  /**
   * Calls an action the way the app does: toolbar → participants, conference menu →
   * conference details, participant menu → `target` (a participant). Resolves once the action
   * returned (awaiting a returned promise); rejects with the plugin's error.
   */
  invoke(action: string, target?: Partial<Participant>): Promise<void>;
  /** The last value the plugin pushed into its `state$` (`undefined` before any). */
  state(): MenuItemLook | Readonly<Record<string, MenuItemLook | null>> | undefined;
  /** Replaces the roster (the plugin's `participants$` emits once). */
  pushParticipants(participants: readonly Partial<Participant>[]): void;
  /** Merges into the conference details (the plugin's `conferenceDetails$` emits once). */
  pushConference(conference: Partial<ConferenceDetails>): void;
  /** Emits an app action on `PEX.actions$`, e.g. `{type: PEX.actions.RECEIVE_CHAT_MESSAGE, payload}`. */
  emitAction(action: AppAction): void;
  /** What the plugin sent, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The open template dialog's element (its body is light DOM), or null. */
  dialog(): HTMLElement | null;
  /** The plugin's row as Settings > Plugins would show it (status, reason, error). */
  record(): PluginRecord;
  /** Calls the plugin's `unload` (contained) and removes its items. */
  unload(): Promise<void>;
  /** Removes `window.PEX`, open dialogs and the injected script. */
  dispose(): Promise<void>;
}
