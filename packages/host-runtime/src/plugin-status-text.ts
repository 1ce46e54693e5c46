import type { PluginStatus } from './host.js';

/**
 * What is wrong with a plugin, in the runtime's words (they name the file and the fault), as
 * Settings > Plugins shows it: `phase: message` when it failed, the reason when it was skipped or
 * is invalid, and undefined when nothing is wrong.
 */
export function pluginProblem(status: PluginStatus): string | undefined {
  if (status.kind === 'failed') return `${status.phase}: ${status.message}`;
  if (status.kind === 'skipped' || status.kind === 'invalid') return status.reason;
  return undefined;
}

/** A duration to a tenth of a second, as notices and Settings > Plugins show it: `3.2 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
