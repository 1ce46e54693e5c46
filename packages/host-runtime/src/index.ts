export { createHost } from './create-host.js';
export { detectPlatform, isPlatform } from './platform.js';
export { createInfinitySession } from './infinity-session.js';
export { lookForParticipant } from './menu-item-look.js';
export { pluginProblem, seconds } from './plugin-status-text.js';
export { injectScriptElement, evaluateFetchedScript } from './script-loaders.js';
export type { DialogOpener, OpenedDialog } from './template-dialog.js';
export type { FaultPhase } from './plugin-scope.js';
export type {
  AppAction,
  ChatEntry,
  ConnectionState,
  Host,
  HostOptions,
  JoinOutcome,
  JoinRequest,
  LongTaskReport,
  MediaState,
  MenuItemLook,
  MenuItemView,
  Notice,
  NoticeLevel,
  PluginRecord,
  PluginStatus,
  PluginStatusKind,
  PresenceEntry,
  SelfMediaState,
  SelfView,
  TimelineEntry,
} from './host.js';
export type {
  ConferenceDetails,
  MenuPlacement,
  Participant,
  ParticipantRole,
  Platform,
} from './seed-types.js';
export type {
  NodeAnswer,
  NodeChatMessage,
  NodeConferenceStatus,
  NodeEvent,
  NodeJoinRequest,
  NodeJoinResult,
  NodeMediaEvent,
  NodeParticipant,
  NodeSession,
  NodeSessionFactory,
  NodeStageEntry,
} from './node-session.js';
