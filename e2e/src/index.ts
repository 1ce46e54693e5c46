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
  missingFromBranding,
  PluginNotPackagedError,
  type Platform,
  type PluginPackageFacts,
  type PackagedPlugin,
} from './plugin-package.js';
export {
  expectUsableAndAccessible,
  axeFindings,
  unreachableControls,
  formatAxeFindings,
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
export {
  restoreConference,
  snapshotConference,
  withKeeper,
  TestFootprint,
  KEEPER_NAME,
  type KeeperAccess,
  type RestoreOptions,
  type RestoreReport,
} from './conference-keeper.js';
export {
  conferenceDifferences,
  readConferenceState,
  type ConferenceState,
  type ParticipantState,
} from './conference-state.js';
export {
  targetFromEnv,
  describeTarget,
  TargetConfigError,
  type Target,
  type ConferenceUnderTest,
} from './target.js';
