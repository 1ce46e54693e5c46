export { createPluginHarness } from './plugin-harness.js';
export type {
  PluginHarness,
  PluginHarnessOptions,
  RecordedRequest,
} from './plugin-harness-types.js';
export type { NodeAnswer } from '../node-session.js';
export {
  FakeNodeSession,
  SELF_UUID,
  successAnswerer,
  type FakeNodeOptions,
  type NodeAnswerer,
  type NodeRequest,
} from './fake-node-session.js';
export { heldAnswers, type HeldAnswers, type HeldRequest } from './held-answers.js';
export {
  conferenceWithDefaults,
  nodeParticipant,
  participantWithDefaults,
} from './participant-defaults.js';
