export { createPluginHarness } from './plugin-harness.js';
export type {
  PluginHarness,
  PluginHarnessOptions,
  RecordedRequest,
  NodeAnswer,
} from './plugin-harness-types.js';
