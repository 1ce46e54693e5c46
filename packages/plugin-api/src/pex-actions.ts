/**
 * The NgRx action type strings of webapp2 that plugins see on `PEX.actions$`.
 *
 * Runtime constants (no RxJS needed): the host puts `ACTIONS` on `window.PEX.actions` and
 * dispatches actions whose `type` is one of these strings.
 */

/**
 * `window.PEX.actions`: the names the Pexip plugin guide lists under "window.PEX.actions$", plus
 * `DISCONNECT_SUCCESS`, which real plugins read (yt-streaming sample).
 *
 * Where each string comes from: `DISCONNECT_SUCCESS` is `'[Conference] Disconnect Success'`,
 * which maintain-url, server-mute-notifier and interpretation samples subscribe to by string.
 * webapp2's source is not public and no public plugin spells the other five out (they all go
 * through `PEX.actions.X`), so those strings are ours, chosen in webapp2's NgRx style
 * (`'[Feature] Event'`). Plugins that use the constants work either way; only a plugin that
 * hard-codes one of these five strings would notice.
 */
// Frozen: the host hands this very object to every plugin as PEX.actions.
export const ACTIONS = Object.freeze({
  /** Seed: "The application user sends a message from the conference." Payload: the text. String chosen (not found in public sources). */
  SEND_CHAT_MESSAGE: '[Conference] Send Chat Message',
  /** Seed: "A message is received into the conference from another participant." Payload: {@link ChatMessage}. String chosen. */
  RECEIVE_CHAT_MESSAGE: '[Conference] Receive Chat Message',
  /** Seed: "The application user selects an event in the timeline." Payload `{action}`. String chosen. */
  SELECT_EVENT: '[Conference] Select Event',
  /** Seed: "Another participant connects to the conference." Payload: the participant. String chosen. */
  PARTICIPANT_CONNECT_SUCCESS: '[Participant] Connect Success',
  /** Seed: "Another participant disconnects from the conference." Payload: its uuid (yt-streaming sample). String chosen. */
  PARTICIPANT_DISCONNECT_SUCCESS: '[Participant] Disconnect Success',
  /** The user's own call ended. Verified: real plugins subscribe to this exact string. */
  DISCONNECT_SUCCESS: '[Conference] Disconnect Success',
} as const);

/** The names on `window.PEX.actions`. */
export type ActionName = keyof typeof ACTIONS;

/**
 * Other webapp2 action types that real `pexip/plugin-*` plugins subscribe to or dispatch
 * (webapp2-in-the-wild.md), by the string they use.
 */
export const WEBAPP2_ACTION_TYPES = Object.freeze({
  /** The user joined; payload `{alias, displayName, joinRole, serviceType}` (maintain-url, a send-request sample). */
  CONNECT_SUCCESS: '[Conference] Connect Success',
  /** Joining failed; payload `{msg}` (an interpretation sample reads and rewrites `msg`). */
  CONNECT_FAIL: '[Conference] Connect Fail',
  /** The user asked to leave. */
  DISCONNECT: '[Conference] Disconnect',
  /** The call ended (maintain-url, server-mute-notifier); same string as `ACTIONS.DISCONNECT_SUCCESS`. */
  DISCONNECT_SUCCESS: '[Conference] Disconnect Success',
  /** Payload: the user's own participant uuid (server-mute-notifier, raise-hand samples). */
  SET_SELF_UUID: '[Conference] Set Self UUID',
  /** Payload `{uuid, muted}`: a server-side mute changed (server-mute-notifier). */
  PARTICIPANT_MUTED_CHANGED: '[Participant] Muted Changed',
  /** Payload `{buzzTime, name}`: a hand was raised or lowered (raise-hand-notification). */
  BUZZ_CHANGED: '[Conference] Buzz Changed',
  /** Emitted when the user mutes with the app's button; dispatching it mutes (start-muted). */
  MUTE_MICROPHONE: '[Conference] Mute Microphone',
  UNMUTE_MICROPHONE: '[Conference] Unmute Microphone',
  /** Dispatched by plugins to mute the local camera (start-muted, mute-video-participant). */
  MUTE_CAMERA: '[Conference] Mute Camera',
  UNMUTE_CAMERA: '[Conference] Unmute Camera',
  SET_REMOTE_CALL_TYPE: '[Conference] Set remote call type',
  HOME_SCREEN_STATE: '[Home] Screen state',
  /** Payload `{stream}`: the local camera/microphone stream. */
  SET_LOCAL_MEDIA_STREAM: '[Media Device] Set Local Media Stream',
} as const);

/** Every action type string this package knows about. */
export type KnownActionType =
  | (typeof ACTIONS)[keyof typeof ACTIONS]
  | (typeof WEBAPP2_ACTION_TYPES)[keyof typeof WEBAPP2_ACTION_TYPES];
