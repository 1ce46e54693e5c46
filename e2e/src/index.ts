/**
 * `@ipk/e2e`: what a plugin's end-to-end spec imports. `import {test, expect} from '@ipk/e2e'` gives
 * the host page model (`host`), a bot participant (`joinBot`), the mock node's control (`mock`,
 * skips on a real deployment) and the project's `platform`.
 */
export {
  test,
  expect,
  MOCK_ONLY,
  readPluginPackage,
  absenceReason,
  type Platform,
  type PluginPackageFacts,
  type BotJoinOptions,
  type TestFixtures,
  type WorkerFixtures,
} from './fixtures.js';
export { HostPage, SettingsDialog, type JoinOptions, type Role } from './host-page.js';
export {
  BotParticipant,
  BotRequestError,
  type BotOptions,
  type NodeEvent,
} from './bot-participant.js';
export {
  targetFromEnv,
  TargetConfigError,
  type Target,
  type ConferenceUnderTest,
} from './target.js';
