/**
 * What the app needs from `@ipk/host-runtime`'s `Host`, and nothing more. The views read these
 * streams and call these methods only, so they are tested against a small in-memory host
 * (`test-fixtures/fake-host.ts`) while the runtime grows on its own.
 */
import type { Host } from '@ipk/host-runtime';

export type {
  AppAction,
  ChatMessage,
  ConferenceDetails,
  ConnectionState,
  JoinOutcome,
  MediaState,
  MenuItemLook,
  MenuItemView,
  MenuPlacement,
  Notice,
  Participant,
  PluginRecord,
  PluginStatus,
  SelfView,
} from '@ipk/host-runtime';

export type AppHost = Pick<
  Host,
  | 'join'
  | 'leave'
  | 'connection$'
  | 'media$'
  | 'participants$'
  | 'conference$'
  | 'self$'
  | 'chat$'
  | 'sendChat'
  | 'plugins$'
  | 'menuItems$'
  | 'invokeMenuItem'
  | 'setPluginEnabled'
  | 'notices$'
  | 'fatalError$'
  | 'appActions$'
  | 'dispatchAppAction'
>;

/**
 * The conference control menu's own items (webapp2: "Lock conference", "Mute all Guests"). The
 * runtime has no method for them, so `main.ts` sends the node's REST requests (`lock`, `unlock`,
 * `muteguests`, `unmuteguests`) through the same authenticated path plugins use.
 */
export interface ConferenceControls {
  setLocked(locked: boolean): Promise<unknown>;
  setGuestsMuted(muted: boolean): Promise<unknown>;
}
