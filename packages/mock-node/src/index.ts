export { startMockNode, DEFAULT_LIMITS, type MockNode, type MockNodeOptions } from './mock-node.js';
export {
  DEFAULT_CONFIG,
  loadConfigFile,
  parseMockConfig,
  MockConfigError,
  type MockConfig,
  type ConferenceConfig,
  type ConferenceServiceType,
  type SimulatedPersonConfig,
} from './mock-config.js';
export {
  MockControl,
  type MockSnapshot,
  type SnapshotPage,
  type ConferenceSnapshot,
  type AddParticipantRequest,
  type InjectChatRequest,
} from './mock-control.js';
export type { NodeParticipant } from './node-participant.js';
export type { ConferenceStatus, LayoutEvent, StageEntry, ChatMessage } from './conference.js';
export type { SimulationStep } from './people-simulation.js';
export { ENDPOINT_HANDLERS } from './client-api-router.js';
export type { EndpointHandler, EndpointAccess } from './endpoint-handler.js';
export { WEBAPP_CSP } from './static-files.js';
export { formatEvent } from './event-stream.js';
export { loadMockMedia, type CallMedia } from './call-media.js';
