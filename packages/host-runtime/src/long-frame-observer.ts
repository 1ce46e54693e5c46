import { LONG_TASK_MS } from './plugin-scope.js';

/**
 * Long tasks in a plugin's own script that the host does not call: its timers, DOM handlers and
 * promise callbacks. The Long Animation Frames API (`long-animation-frame`, Chromium 123+) names
 * the script each long frame's work came from; scripts of 50 ms or more (`LONG_TASK_MS`, the
 * threshold the plugin's scope times our calls by) are reported with their URL. Code the host
 * calls itself is timed by the plugin's scope instead (those frames name the host's script).
 * Where the browser has no such API nothing is reported. Returns the stopper.
 */
export function observeLongScriptWork(
  window: Window,
  report: (sourceUrl: string, where: string, ms: number) => void,
): () => void {
  const Observer = (window as unknown as { PerformanceObserver?: typeof PerformanceObserver })
    .PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('long-animation-frame')) return () => {};
  const observer = new Observer((list) => {
    for (const frame of list.getEntries()) {
      const scripts = (frame as unknown as { scripts?: readonly LongScript[] }).scripts ?? [];
      for (const script of scripts) {
        if (script.duration >= LONG_TASK_MS && script.sourceURL) {
          report(script.sourceURL, describeInvoker(script.invokerType), script.duration);
        }
      }
    }
  });
  observer.observe({ type: 'long-animation-frame', buffered: false });
  return () => observer.disconnect();
}

/** A `PerformanceScriptTiming` entry (not yet in TypeScript's DOM types). */
interface LongScript {
  readonly duration: number;
  readonly sourceURL: string;
  readonly invokerType: string;
}

function describeInvoker(invokerType: string): string {
  if (invokerType === 'user-callback') return 'a timer';
  if (invokerType === 'event-listener') return 'an event handler';
  if (invokerType === 'resolve-promise' || invokerType === 'reject-promise')
    return 'a promise callback';
  if (invokerType === 'classic-script') return 'evaluation';
  return invokerType;
}
