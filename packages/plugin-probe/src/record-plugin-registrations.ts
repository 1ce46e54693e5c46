import vm from 'node:vm';
import { fakePexEnvironment } from './fake-pex-environment.js';

/** What one `PEX.pluginAPI.registerPlugin(options)` call passed, as seen at call time. */
export interface RecordedRegistration {
  /** The id as a string when it was a string or a number, else `null`. */
  id: string | null;
  /** `typeof options.id` (`'null'` for null, `'placeholder'` for a page stand-in). */
  idType: string;
  /** Keys whose value was a function: `load`, `unload` and the menu actions. */
  functionKeys: string[];
  /** Every key with the type of its value (`'placeholder'`: a value taken from a page stand-in). */
  keys: { key: string; type: string }[];
  /** Whether the options had a `state$` (seed, "Plugin state": how menu items change at run time). */
  hasState: boolean;
}

/** How evaluating the source ended, when it did not end well. */
export type SourceFailure =
  | { kind: 'syntax'; message: string; errorMessage: string; line?: number; column?: number }
  | { kind: 'threw'; message: string; errorMessage: string; line?: number; column?: number }
  | { kind: 'timeout'; message: string };

export interface RecordingResult {
  /** One entry per `registerPlugin` call, in call order, kept even when the source failed later. */
  registrations: RecordedRegistration[];
  /**
   * Globals the source left on `window` (a top-level `var`/`function`, `window.x = …`, an
   * undeclared assignment). Pexip's guide wraps a plugin in an IIFE so it leaves none.
   */
  leakedGlobals: string[];
  failure?: SourceFailure;
}

export interface RecordingOptions {
  /** Wall-clock limit for evaluating the source and its microtasks. Default 2000 ms. */
  timeoutMs?: number;
  /**
   * Default `true`: `document`, storage, `navigator`, `location`, timers that never fire and any
   * `PEX` member the fake does not model are inert stand-ins, so a plugin that touches the page at
   * load time can still be checked (`ipk-branding check`, third-party plugins). `false`: only
   * `window`, `self`, `console` and the documented `PEX` exist, so such a plugin throws (the
   * plugin build, which asks your own plugin to wait for `load()`).
   */
  pageStandIns?: boolean;
}

const DEFAULT_TIMEOUT_MS = 2000;
/** The fake's own read-back: a bound far above what a JSON.stringify of a few records takes. */
const READ_BACK_TIMEOUT_MS = 1000;
const PROBE_JSON = '__ipkProbeJson()';

/**
 * Runs a plugin source the way webapp2 loads it (a classic, sloppy-mode script in a window, per
 * webapp2-in-the-wild.md) against a recording fake `PEX`, and returns what it registered.
 * `node:vm` is not a security boundary: this checks your own plugins, it does not make untrusted
 * code safe. What it does guarantee: no network API exists in the sandbox, timers never fire, and
 * evaluation stops after `timeoutMs`.
 */
export function recordPluginRegistrations(
  source: string,
  fileName: string,
  options: RecordingOptions = {},
): RecordingResult {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let script: vm.Script;
  try {
    script = new vm.Script(source, { filename: fileName });
  } catch (error) {
    const failure: SourceFailure = { kind: 'syntax', ...describeError(error, fileName) };
    return { registrations: [], leakedGlobals: [], failure };
  }
  const context = createSandbox(options.pageStandIns ?? true);
  const before = new Set(readBack(context).globals);
  let failure: SourceFailure | undefined;
  try {
    script.runInContext(context, { timeout, breakOnSigint: true });
  } catch (error) {
    failure = isTimeout(error)
      ? {
          kind: 'timeout',
          message: `did not finish within ${timeout} ms (an endless loop at load time?)`,
        }
      : { kind: 'threw', ...describeError(error, fileName) };
  }
  const after = readBack(context);
  const leakedGlobals = after.globals.filter((name) => !before.has(name));
  return failure
    ? { registrations: after.registrations, leakedGlobals, failure }
    : { registrations: after.registrations, leakedGlobals };
}

function createSandbox(pageStandIns: boolean): vm.Context {
  // A null-prototype sandbox: the context's globals then come from its own realm only. Microtasks
  // run inside the timed evaluation (afterEvaluate), so a promise loop is also stopped by `timeout`.
  const context = vm.createContext(Object.create(null), {
    microtaskMode: 'afterEvaluate',
    codeGeneration: { strings: true, wasm: false },
  });
  vm.runInContext(fakePexEnvironment({ pageStandIns }), context, { filename: 'ipk-fake-pex.js' });
  return context;
}

interface ReadBack {
  registrations: RecordedRegistration[];
  globals: string[];
}

/** The sandbox's record, validated: it is text produced next to code under test. */
function readBack(context: vm.Context): ReadBack {
  const json: unknown = vm.runInContext(PROBE_JSON, context, { timeout: READ_BACK_TIMEOUT_MS });
  const parsed: unknown = JSON.parse(String(json));
  const record = isObject(parsed) ? parsed : {};
  return {
    registrations: arrayOf(record['registrations']).flatMap(registrationFrom),
    globals: arrayOf(record['globals']).filter((name) => typeof name === 'string'),
  };
}

function registrationFrom(value: unknown): RecordedRegistration[] {
  if (!isObject(value)) return [];
  const { id, idType, hasState } = value;
  const keys = arrayOf(value['keys']).flatMap((entry) =>
    isObject(entry) && typeof entry['key'] === 'string' && typeof entry['type'] === 'string'
      ? [{ key: entry['key'], type: entry['type'] }]
      : [],
  );
  return [
    {
      id: typeof id === 'string' ? id : null,
      idType: typeof idType === 'string' ? idType : 'undefined',
      functionKeys: keys.filter((entry) => entry.type === 'function').map((entry) => entry.key),
      keys,
      hasState: hasState === true,
    },
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  );
}

/** Message and position from an error thrown by the sandbox (an object of another realm: no instanceof). */
function describeError(
  error: unknown,
  fileName: string,
): { message: string; errorMessage: string; line?: number; column?: number } {
  const object = error as { name?: unknown; message?: unknown; stack?: unknown } | null;
  const isErrorLike = typeof object === 'object' && object !== null;
  const errorMessage = safeString(() =>
    isErrorLike && 'message' in object ? String(object.message) : String(error),
  );
  const message = safeString(() =>
    isErrorLike ? `${String(object.name)}: ${String(object.message)}` : String(error),
  );
  const stack = safeString(() => (isErrorLike ? String(object.stack ?? '') : ''));
  const position = new RegExp(`${escapeRegExp(fileName)}:(\\d+)(?::(\\d+))?`).exec(stack);
  if (!position) return { message, errorMessage };
  const line = Number(position[1]);
  return position[2]
    ? { message, errorMessage, line, column: Number(position[2]) }
    : { message, errorMessage, line };
}

function safeString(read: () => string): string {
  try {
    return read();
  } catch {
    return 'an exception that cannot be described';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
