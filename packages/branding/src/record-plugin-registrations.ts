import vm from 'node:vm';
import { FAKE_PEX_ENVIRONMENT } from './fake-pex-environment.js';

/** What one `PEX.pluginAPI.registerPlugin(options)` call passed, as seen at call time. */
export interface RecordedRegistration {
  /** The id as a string when it was a string or a number, else `null`. */
  id: string | null;
  /** `typeof options.id` (`'null'` for null). */
  idType: string;
  /** Keys whose value was a function: `load`, `unload` and the menu actions. */
  functionKeys: string[];
  /** Every key with the type of its value (`'placeholder'`: a value taken from the fake PEX itself). */
  keys: { key: string; type: string }[];
}

/** How evaluating the source ended. */
export type SourceFailure =
  | { kind: 'syntax'; message: string; line?: number; column?: number }
  | { kind: 'threw'; message: string; line?: number; column?: number }
  | { kind: 'timeout'; message: string };

export interface RecordingResult {
  registrations: RecordedRegistration[];
  failure?: SourceFailure;
}

export interface RecordingOptions {
  /** Wall-clock limit for evaluating the source and its microtasks. Default 2000 ms. */
  timeoutMs?: number;
}

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
  const timeout = options.timeoutMs ?? 2000;
  let script: vm.Script;
  try {
    script = new vm.Script(source, { filename: fileName });
  } catch (error) {
    return { registrations: [], failure: { kind: 'syntax', ...describeError(error, fileName) } };
  }
  // A null-prototype sandbox: the context's globals then come from its own realm only.
  const context = vm.createContext(Object.create(null), {
    microtaskMode: 'afterEvaluate',
    codeGeneration: { strings: true, wasm: false },
  });
  vm.runInContext(FAKE_PEX_ENVIRONMENT, context, { filename: 'ipk-fake-pex.js' });
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
  return failure
    ? { registrations: readRegistrations(context), failure }
    : { registrations: readRegistrations(context) };
}

function readRegistrations(context: vm.Context): RecordedRegistration[] {
  const json = vm.runInContext('__ipkRegistrationsJson()', context, { timeout: 1000 }) as unknown;
  const parsed = JSON.parse(String(json)) as {
    id: string | null;
    idType: string;
    keys: { key: string; type: string }[];
  }[];
  return parsed.map((record) => ({
    id: record.id,
    idType: record.idType,
    keys: record.keys,
    functionKeys: record.keys
      .filter((entry) => entry.type === 'function')
      .map((entry) => entry.key),
  }));
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
): { message: string; line?: number; column?: number } {
  const text = safeString(() => {
    const object = error as { name?: unknown; message?: unknown };
    return object && typeof object === 'object'
      ? `${String(object.name)}: ${String(object.message)}`
      : String(error);
  });
  const stack = safeString(() => String((error as { stack?: unknown }).stack ?? ''));
  const position = new RegExp(`${escapeRegExp(fileName)}:(\\d+)(?::(\\d+))?`).exec(stack);
  if (!position) return { message: text };
  const line = Number(position[1]);
  return position[2]
    ? { message: text, line, column: Number(position[2]) }
    : { message: text, line };
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
