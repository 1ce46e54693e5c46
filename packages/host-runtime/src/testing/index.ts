export { createPluginHarness } from './plugin-harness.js';
export type {
  PluginHarness,
  PluginHarnessOptions,
  RecordedRequest,
} from './plugin-harness-types.js';
