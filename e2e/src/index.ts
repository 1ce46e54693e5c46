/**
 * `@ipk/e2e`: what a plugin's end-to-end spec imports. `import {test, expect} from '@ipk/e2e'` gives
 * the host page model (`host`), a bot participant (`joinBot`), the mock node's control (`mock`,
 * skips on a real deployment), the project's `platform`, and a conference put back as it was
 * after every test (`footprint`).
 */
export {
  test,
  expect,
  MOCK_ONLY,
  type BotJoinOptions,
  type TestFixtures,
  type WorkerFixtures,
} from './fixtures.js';
export {
  readPluginPackage,
  absenceReason,
  PluginNotPackagedError,
  type Platform,
  type PluginPackageFacts,
} from './plugin-package.js';
export {
  expectUsableAndAccessible,
  axeFindings,
  unreachableControls,
  type AxeFinding,
  type OutsideControl,
} from './page-checks.js';
export { HostPage, SettingsDialog, type JoinOptions, type Role } from './host-page.js';
export {
  BotParticipant,
  BotRequestError,
  type BotOptions,
  type NodeEvent,
} from './bot-participant.js';
export { snapshotConference, TestFootprint, type KeeperAccess } from './conference-keeper.js';
export {
  conferenceDifferences,
  type ConferenceState,
  type ParticipantState,
} from './conference-state.js';
export { describeTarget, type Target, type ConferenceUnderTest } from './target.js';
