/** @ipk/plugin-probe: evaluate a webapp2 plugin source against a recording fake `PEX`. */
export {
  recordPluginRegistrations,
  type RecordedRegistration,
  type RecordingResult,
  type RecordingOptions,
  type SourceFailure,
} from './record-plugin-registrations.js';
