import {
  ACTIONS,
  WEBAPP2_ACTION_TYPES,
  type ChatMessage,
  type ConferenceDetails,
  type ConnectSuccessPayload,
  type PluginUse,
  type PluginUseKind,
} from '@ipk/plugin-api';
import { participantWithDefaults } from '@ipk/host-runtime/testing/participants';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isRecord } from './located-json.js';
import { PROBE_SANDBOX_SETUP } from './probe-sandbox.js';
import {
  probeWorkerMain,
  type ProbeJob,
  type ProbeWorkerData,
  type ProbeWorkerMessage,
  type WorkerFailure,
} from './probe-worker.js';

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
  | { kind: 'timeout' | 'memory'; message: string };

/** What `load()` did when the probe called it with a roster and the conference details. */
export interface LoadOutcome {
  /** The registration's id (`null` when it had none the probe could read). */
  id: string | null;
  /** `returned`: plain return; `resolved`/`rejected`/`pending`: its promise, when the probe ended. */
  outcome: 'returned' | 'threw' | 'resolved' | 'rejected' | 'pending';
  /** `Name: message` of what it threw or rejected with. */
  error?: string;
}

/** What a registration's `state$` carried while the probe ran (seed, "Plugin state"). */
export interface StateSeen {
  id: string | null;
  /** A top-level `icon` / `label` (toolbar and conference items). */
  icon: boolean;
  label: boolean;
  /** An `icon` / `label` inside a per-participant entry (`{[uuid]: {icon, label}}`). */
  participantIcon: boolean;
  participantLabel: boolean;
  /** Every icon reference it carried. */
  icons: string[];
}

/** What happened after the top level: `load()`, the actions of a call, the menu actions, timers. */
export interface ExerciseReport {
  loads: LoadOutcome[];
  states: StateSeen[];
  /** What the plugin threw while being exercised, and when (`on '[Conference] Connect Success'`). */
  errors: { where: string; message: string }[];
  /** Set when the exercise was stopped (time or memory limit). */
  failure?: { kind: 'timeout' | 'memory' | 'stopped'; message: string };
}

export interface PluginProbe {
  /** One entry per `registerPlugin` call, in call order, kept even when the source failed later. */
  registrations: RecordedRegistration[];
  /**
   * Globals the source left on `window` at top level (a `var`/`function`, `window.x = …`, an
   * undeclared assignment). Pexip's guide wraps a plugin in an IIFE so it leaves none.
   */
  leakedGlobals: string[];
  failure?: SourceFailure;
  /** What the plugin was seen to use (`PEX` members, action types, element queries…), and when. */
  uses: PluginUse[];
  /** `undefined` when the probe did not exercise the plugin (option, or the source failed). */
  exercise?: ExerciseReport;
}

export interface ProbeOptions {
  /** Time limit for evaluating the source at top level (and describing what it threw). Default 2000 ms. */
  timeoutMs?: number;
  /**
   * After the top level, call each registration's `load(participants$, conferenceDetails$)`, send
   * it the actions of a call, call each menu action, fire its timers once and `unload()`, all
   * within this time limit. `0`: do not. Default 2000 ms.
   */
  exerciseTimeoutMs?: number;
  /** The menu items whose actions the exercise calls, with the argument of their placement. */
  menuItems?: readonly { placement: string; action: string }[];
  /** How much the probe may grow this process (worker heap and everything else). Default 256 MB. */
  memoryLimitMb?: number;
  /**
   * Default `true`: `document`, storage, `navigator`, `location`, timers and any `PEX` member the
   * fake does not model are stand-ins, so a plugin that touches the page can be checked. `false`:
   * only `window`, `self`, `console` and `PEX` exist, so such a plugin throws at top level.
   */
  pageStandIns?: boolean;
  /**
   * The branding's files a `fetch` from the page reads, by path under the branding root
   * (`plugins/anonymizer/plugin.json`): their text, or `null` for a file the probe does not serve
   * (not text, or too large). A plugin's fetch of `./custom_configuration/<path>` (or the older
   * `configuration/<path>`) gets them as a Conferencing Node answers, and 404 for any other path
   * there. Default: none (every such fetch is a 404).
   */
  pageFiles?: Readonly<Record<string, string | null>>;
}

export const PROBE_DEFAULTS = {
  timeoutMs: 2000,
  exerciseTimeoutMs: 2000,
  memoryLimitMb: 256,
} as const;

/** A worker's start, on a loaded 2-core machine (a cold start measured ~0.5 s). */
const WORKER_START_MS = 2000;
/** The worker's own work around each stage: building the sandbox, the read-backs. */
const STAGE_GRACE_MS = 1000;
/** How often the host thread samples the process size while a probe runs. */
const MEMORY_SAMPLE_MS = 20;

const SELF_UUID = 'b5b4a33c-0d0e-4c86-9b2f-8d2f4b6e1a01';

/** The call the probe plays to a plugin: the user (a host), one guest, a guest who joins. */
const SELF = participantWithDefaults({ uuid: SELF_UUID, name: 'Alice', role: 'chair' });
const GUEST = participantWithDefaults({
  uuid: 'b5b4a33c-0d0e-4c86-9b2f-8d2f4b6e1a02',
  name: 'Bob',
  role: 'guest',
  protocol: 'api',
});
const JOINER = participantWithDefaults({
  uuid: 'b5b4a33c-0d0e-4c86-9b2f-8d2f4b6e1a03',
  name: 'Carol',
  role: 'guest',
  stageIndex: 1,
});
const CONFERENCE: ConferenceDetails = {
  locked: false,
  guestsMuted: false,
  chatEnabled: true,
  mediaType: 'video',
  started: true,
};
const CONNECT_SUCCESS: ConnectSuccessPayload = {
  alias: 'meet',
  displayName: SELF.name,
  joinRole: 'HOST',
  serviceType: 'conference',
};
const CHAT_MESSAGE: ChatMessage = {
  origin: GUEST.name,
  uuid: GUEST.uuid,
  type: 'text/plain',
  payload: 'Hello',
};

function sandboxOptions(
  pageStandIns: boolean,
  apiName: string,
  pageFiles: Readonly<Record<string, string | null>>,
): string {
  return JSON.stringify({
    pageStandIns,
    apiName,
    pageFiles,
    actions: ACTIONS,
    webapp2Actions: WEBAPP2_ACTION_TYPES,
    sample: {
      participants: [SELF, GUEST],
      participantsAfterJoin: [SELF, GUEST, JOINER],
      joiner: JOINER,
      conference: CONFERENCE,
      conferenceAlias: CONNECT_SUCCESS.alias,
      selfUuid: SELF.uuid,
      selfName: SELF.name,
      connectSuccess: CONNECT_SUCCESS,
      chatMessage: CHAT_MESSAGE,
      now: 1_700_000_100,
    },
  });
}

/**
 * Runs a plugin source the way webapp2 loads it (a classic, sloppy-mode script in a window, per
 * webapp2-in-the-wild.md) against a recording fake `PEX`, then (unless told not to) exercises it as
 * a call would: `load()` with a roster, the actions of a call, its menu actions, its timers, the
 * end of the call and `unload()`. Never rejects for a bad source; everything is in the result.
 *
 * All of it runs in a worker thread the host stops at the time limits or when the process grows
 * by more than `memoryLimitMb`. `node:vm` is still not a security boundary: this checks plugins you
 * build or review; it does not make untrusted code safe.
 */
export function probePlugin(
  source: string,
  fileName: string,
  options: ProbeOptions = {},
): Promise<PluginProbe> {
  const result = queue.then(() => runProbe(source, fileName, options));
  queue = result.catch(() => undefined);
  return result;
}

interface Collected {
  evaluated?: Extract<ProbeWorkerMessage, { stage: 'evaluated' }>;
  exercised?: Extract<ProbeWorkerMessage, { stage: 'exercised' }>;
}

// One worker at a time, reused between probes and replaced after it was stopped.
let current: { worker: Worker; memoryLimitMb: number } | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextJobId = 1;

function workerFor(memoryLimitMb: number): { worker: Worker; cold: boolean } {
  if (current?.memoryLimitMb === memoryLimitMb) return { worker: current.worker, cold: false };
  void current?.worker.terminate();
  const workerData: ProbeWorkerData = {
    rxjsLoader: rxjsLoaderSource(),
    sandboxSetup: PROBE_SANDBOX_SETUP,
  };
  const worker = new Worker(`(${probeWorkerMain.toString()})(require);`, {
    eval: true,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  // An idle worker must not keep a CLI or a test run alive.
  worker.unref();
  current = { worker, memoryLimitMb };
  return { worker, cold: true };
}

function runProbe(source: string, fileName: string, options: ProbeOptions): Promise<PluginProbe> {
  const timeoutMs = options.timeoutMs ?? PROBE_DEFAULTS.timeoutMs;
  const exerciseTimeoutMs = options.exerciseTimeoutMs ?? PROBE_DEFAULTS.exerciseTimeoutMs;
  const memoryLimitMb = options.memoryLimitMb ?? PROBE_DEFAULTS.memoryLimitMb;
  const { worker, cold } = workerFor(memoryLimitMb);
  const apiName = `__ipkProbe_${randomBytes(8).toString('hex')}`;
  const job: ProbeJob = {
    id: nextJobId++,
    source,
    fileName,
    timeoutMs,
    exerciseTimeoutMs,
    apiName,
    sandboxOptionsJson: sandboxOptions(
      options.pageStandIns ?? true,
      apiName,
      options.pageFiles ?? {},
    ),
    menuItemsJson: JSON.stringify(options.menuItems ?? []),
  };
  const collected: Collected = {};
  return new Promise<PluginProbe>((resolve) => {
    const baseline = process.memoryUsage.rss();
    let settled = false;
    const finish = (stopped?: SourceFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(memoryWatch);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (stopped) {
        void worker.terminate();
        if (current?.worker === worker) current = undefined;
      } else {
        worker.unref();
      }
      resolve(probeResult(collected, fileName, stopped));
    };
    const onMessage = (message: ProbeWorkerMessage): void => {
      if (message.id !== job.id) return;
      if (message.stage === 'evaluated') {
        collected.evaluated = message;
        stopAt(exerciseTimeoutMs + STAGE_GRACE_MS, exerciseTimeoutMs);
      } else if (message.stage === 'exercised') collected.exercised = message;
      else finish();
    };
    const onError = (error: Error): void => {
      const code = (error as { code?: unknown }).code;
      finish(
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? memoryFailure(memoryLimitMb)
          : { kind: 'timeout', message: `the probe stopped: ${error.message}` },
      );
    };
    const onExit = (): void =>
      finish({ kind: 'timeout', message: 'the probe stopped before the plugin finished' });
    // Each stage has its own deadline: a worker can hang where no node:vm time limit reaches
    // (Node itself reads the stack of what a script threw: a looping getter or proxy trap there).
    let deadline: NodeJS.Timeout | undefined;
    const stopAt = (afterMs: number, limitMs: number): void => {
      clearTimeout(deadline);
      deadline = setTimeout(
        () =>
          finish({
            kind: 'timeout',
            message: `did not finish within ${limitMs} ms (an endless loop, or a thrown value whose getters never return?); the probe was stopped`,
          }),
        afterMs,
      );
    };
    stopAt(2 * timeoutMs + STAGE_GRACE_MS + (cold ? WORKER_START_MS : 0), timeoutMs);
    // The worker's heap limit does not count typed arrays and other memory outside the heap:
    // the process size does.
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > memoryLimitMb * 1024 * 1024) {
        finish(memoryFailure(memoryLimitMb));
      }
    }, MEMORY_SAMPLE_MS);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage(job);
  });
}

function memoryFailure(limitMb: number): SourceFailure {
  return {
    kind: 'memory',
    message: `used more than ${limitMb} MB (allocating without end?); the probe was stopped`,
  };
}

let rxjsLoader: string | undefined;

/** RxJS's UMD build, wrapped so it defines nothing global inside the sandbox. */
function rxjsLoaderSource(): string {
  if (rxjsLoader === undefined) {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('rxjs/package.json'));
    const umd = readFileSync(path.join(root, 'dist', 'bundles', 'rxjs.umd.min.js'), 'utf8');
    rxjsLoader = `(function () { var exports = {}; var module = { exports: exports };\n${umd}\n;return module.exports; })()`;
  }
  return rxjsLoader;
}

/** The result from what the worker posted; a stop (time, memory) is the failure of its stage. */
function probeResult(
  collected: Collected,
  fileName: string,
  stopped: SourceFailure | undefined,
): PluginProbe {
  const { evaluated, exercised } = collected;
  if (!evaluated) {
    return {
      registrations: [],
      leakedGlobals: [],
      uses: [],
      failure: stopped ?? { kind: 'timeout', message: 'the probe stopped before the plugin ran' },
    };
  }
  const atEvaluation = readSummary(evaluated.summary);
  // What the exercise recorded when it ran; the registrations are the evaluation's either way.
  const summary = exercised?.summary ? readSummary(exercised.summary) : atEvaluation;
  const failure = evaluated.failure ? sourceFailure(evaluated.failure, fileName) : undefined;
  const result: PluginProbe = {
    registrations: atEvaluation.registrations,
    leakedGlobals: evaluated.leakedGlobals,
    uses: summary.uses,
    ...(failure ? { failure } : {}),
  };
  const stopKind = stopped?.kind === 'memory' ? 'memory' : 'stopped';
  const exerciseStop: ExerciseReport['failure'] = exercised?.failure
    ? exerciseFailure(exercised.failure)
    : stopped && { kind: stopKind, message: stopped.message };
  if (exercised || summary.loads.length > 0 || exerciseStop) {
    result.exercise = {
      loads: summary.loads,
      states: summary.states,
      errors: summary.errors,
      ...(exerciseStop ? { failure: exerciseStop } : {}),
    };
  }
  return result;
}

function exerciseFailure(failure: WorkerFailure): ExerciseReport['failure'] {
  if (failure.kind === 'timeout') {
    return {
      kind: 'timeout',
      message: `${failure.step} did not finish within the ${failure.limitMs} ms the probe gives load(), the actions of a call and the menu actions`,
    };
  }
  return { kind: 'stopped', message: 'message' in failure ? failure.message : 'stopped' };
}

function sourceFailure(failure: WorkerFailure, fileName: string): SourceFailure {
  if (failure.kind === 'timeout') {
    return {
      kind: 'timeout',
      message: `did not finish within ${failure.limitMs} ms (an endless loop at load time?)`,
    };
  }
  if (failure.kind === 'undescribable')
    return { kind: 'threw', message: failure.message, errorMessage: failure.message };
  const message = failure.isError ? `${failure.name}: ${failure.message}` : failure.message;
  const position = positionIn(failure.stack, fileName);
  return { kind: failure.kind, message, errorMessage: failure.message, ...position };
}

function positionIn(stack: string, fileName: string): { line?: number; column?: number } {
  const match = new RegExp(`${escapeRegExp(fileName)}:(\\d+)(?::(\\d+))?`).exec(stack);
  if (!match) return {};
  return { line: Number(match[1]), ...(match[2] ? { column: Number(match[2]) } : {}) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Summary {
  registrations: RecordedRegistration[];
  uses: PluginUse[];
  errors: { where: string; message: string }[];
  loads: LoadOutcome[];
  states: StateSeen[];
}

const USE_KINDS: readonly PluginUseKind[] = [
  'pex',
  'action-type',
  'dom',
  'global',
  'keyboard',
  'page-path',
];
const LOAD_OUTCOMES: readonly LoadOutcome['outcome'][] = [
  'returned',
  'threw',
  'resolved',
  'rejected',
  'pending',
];

/** The sandbox's record, validated: it is text produced next to code under test. */
function readSummary(json: string): Summary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = {};
  }
  const record = isRecord(parsed) ? parsed : {};
  const objects = (key: string) => objectsIn(record[key]);
  return {
    registrations: objects('registrations').map(registrationFrom),
    uses: objects('uses')
      .filter((entry) => USE_KINDS.includes(entry['kind'] as PluginUseKind))
      .filter((entry) => typeof entry['name'] === 'string')
      .map((entry) => ({
        kind: entry['kind'] as PluginUseKind,
        name: text(entry['name']),
        where: text(entry['where']),
      })),
    errors: objects('errors').map((entry) => ({
      where: text(entry['where']),
      message: text(entry['message']),
    })),
    loads: objects('loads')
      .filter((entry) => LOAD_OUTCOMES.includes(entry['outcome'] as LoadOutcome['outcome']))
      .map((entry) => {
        const outcome: LoadOutcome = {
          id: idOf(entry['id']),
          outcome: entry['outcome'] as LoadOutcome['outcome'],
        };
        const error = entry['error'];
        if (isRecord(error)) {
          const message = text(error['message']);
          outcome.error =
            error['isError'] === true ? `${text(error['name'])}: ${message}` : message;
        }
        return outcome;
      }),
    states: objects('states').map((entry) => ({
      id: idOf(entry['id']),
      icon: entry['icon'] === true,
      label: entry['label'] === true,
      participantIcon: entry['participantIcon'] === true,
      participantLabel: entry['participantLabel'] === true,
      icons: arrayOf(entry['icons']).filter((icon) => typeof icon === 'string'),
    })),
  };
}

function registrationFrom(value: Record<string, unknown>): RecordedRegistration {
  const keys = objectsIn(value['keys'])
    .filter((entry) => typeof entry['key'] === 'string' && typeof entry['type'] === 'string')
    .map((entry) => ({ key: text(entry['key']), type: text(entry['type']) }));
  return {
    id: idOf(value['id']),
    idType: typeof value['idType'] === 'string' ? value['idType'] : 'undefined',
    functionKeys: keys.filter((entry) => entry.type === 'function').map((entry) => entry.key),
    keys,
    hasState: value['hasState'] === true,
  };
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function objectsIn(value: unknown): Record<string, unknown>[] {
  return arrayOf(value).filter(isRecord);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}
