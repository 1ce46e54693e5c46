/**
 * What the app needs from `@ipk/host-runtime`'s `Host`, and nothing more. The views read these
 * streams and call these methods only, so they are tested against a small in-memory host
 * (`test-fixtures/fake-host.ts`) while the runtime grows on its own. The host owns every state
 * (conference, self media, plugins); the app renders it and hands the user's choices back.
 */
import type { Host } from '@ipk/host-runtime';

export type {
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
  PluginStatusKind,
  SelfMediaState,
  SelfView,
  TimelineEntry,
} from '@ipk/host-runtime';

export type AppHost = Pick<
  Host,
  | 'join'
  | 'leave'
  | 'connection$'
  | 'media$'
  | 'selfMedia$'
  | 'setMicrophoneMuted'
  | 'setCameraMuted'
  | 'setLocked'
  | 'setGuestsMuted'
  | 'participants$'
  | 'conference$'
  | 'self$'
  | 'timeline$'
  | 'selectTimelineEntry'
  | 'sendChat'
  | 'plugins$'
  | 'menuItems$'
  | 'invokeMenuItem'
  | 'setPluginEnabled'
  | 'notices$'
  | 'fatalError$'
>;
