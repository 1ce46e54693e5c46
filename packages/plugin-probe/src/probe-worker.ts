import type * as NodeThreads from 'node:worker_threads';
import type * as NodeUtil from 'node:util';
import type * as NodeVm from 'node:vm';

/**
 * The probe's worker thread. `probeWorkerMain` is started from its own source text (`eval: true`),
 * so it must stay self-contained: no reference to anything outside the function body.
 *
 * Why a worker: everything that touches plugin values (evaluating the source, describing what it
 * threw, calling `load()` and the menu actions) runs here, so the host thread can always stop it
 * (`worker.terminate()`), whatever the plugin does: an endless loop the `node:vm` time limit does
 * not reach (a looping `message` getter read after the evaluation), or memory allocated faster
 * than any limit inside the thread can react.
 */

/** One probe run, as posted to the worker. */
export interface ProbeJob {
  readonly id: number;
  readonly source: string;
  readonly fileName: string;
  /** Time limit for evaluating the source at top level (and for describing what it threw). */
  readonly timeoutMs: number;
  /** Time limit for all exercise steps together; 0: do not exercise. */
  readonly exerciseTimeoutMs: number;
  /** Handed to the sandbox setup as JSON: actions, sample data, page stand-ins, the API name. */
  readonly sandboxOptionsJson: string;
  /** The global name of the sandbox's API (random per run, so the plugin cannot shadow it). */
  readonly apiName: string;
  /** `[{placement, action}]` as JSON, for the menu action step. */
  readonly menuItemsJson: string;
}

/** What the worker posts back, stage by stage; the host keeps the last summary it got. */
export type ProbeWorkerMessage =
  | {
      readonly id: number;
      readonly stage: 'evaluated';
      readonly summary: string;
      readonly leakedGlobals: string[];
      readonly failure?: WorkerFailure;
    }
  | {
      readonly id: number;
      readonly stage: 'exercised';
      readonly summary: string;
      readonly failure?: WorkerFailure;
    }
  | { readonly id: number; readonly stage: 'done' };

/** How a step failed, described by the worker from host-realm values and sandbox JSON only. */
export type WorkerFailure =
  | {
      readonly kind: 'syntax' | 'threw';
      readonly name: string;
      readonly message: string;
      readonly stack: string;
      readonly isError: boolean;
    }
  | { readonly kind: 'undescribable'; readonly message: string }
  | { readonly kind: 'timeout'; readonly step: string; readonly limitMs: number };

/** The data the worker needs once: the RxJS UMD loader and the sandbox setup, both as source text. */
export interface ProbeWorkerData {
  readonly rxjsLoader: string;
  readonly sandboxSetup: string;
}

export function probeWorkerMain(load: NodeJS.Require): void {
  const vm = load('node:vm') as typeof NodeVm;
  const threads = load('node:worker_threads') as typeof NodeThreads;
  const util = load('node:util') as typeof NodeUtil;
  const port = threads.parentPort;
  const data = threads.workerData as ProbeWorkerData;
  if (port === null) return;
  // A plugin's rejected promise (fetch has no network here) must not end the worker.
  process.on('unhandledRejection', () => undefined);
  const rxjsScript = new vm.Script(data.rxjsLoader, { filename: 'rxjs.umd.min.js' });
  const setupScript = new vm.Script(data.sandboxSetup, { filename: 'ipk-probe-sandbox.js' });

  /** Node's own time-out error, told apart without touching a plugin value's getters or traps. */
  function isTimeout(error: unknown): boolean {
    if (util.types.isProxy(error) || !util.types.isNativeError(error)) return false;
    const code = Object.getOwnPropertyDescriptor(error, 'code');
    return code !== undefined && 'value' in code && code.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
  }

  function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
  }

  function run(job: ProbeJob): void {
    const post = (message: ProbeWorkerMessage): void => port?.postMessage(message);
    let script: NodeVm.Script;
    try {
      script = new vm.Script(job.source, { filename: job.fileName });
    } catch (error) {
      // A compile error is made by this thread's own realm: reading it runs no plugin code.
      const compileError = error as Error;
      post({
        id: job.id,
        stage: 'evaluated',
        summary: '{}',
        leakedGlobals: [],
        failure: {
          kind: 'syntax',
          name: String(compileError.name),
          message: String(compileError.message),
          stack: String(compileError.stack),
          isError: true,
        },
      });
      post({ id: job.id, stage: 'done' });
      return;
    }
    const context = vm.createContext(Object.create(null), {
      microtaskMode: 'afterEvaluate',
      codeGeneration: { strings: true, wasm: false },
    });
    const rx: unknown = rxjsScript.runInContext(context);
    const setup = setupScript.runInContext(context) as (rx: unknown, options: string) => void;
    setup(rx, job.sandboxOptionsJson);
    const api = vm.runInContext(job.apiName, context) as { keep(value: unknown): void };
    const call = (method: string, timeout: number, argument?: string): string =>
      text(
        vm.runInContext(
          `${job.apiName}.${method}(${argument === undefined ? '' : JSON.stringify(argument)})`,
          context,
          { timeout },
        ),
      );
    const globalsOf = (summary: string): string[] => {
      try {
        const parsed = JSON.parse(summary) as { globals?: unknown };
        return Array.isArray(parsed.globals)
          ? parsed.globals.filter((name): name is string => typeof name === 'string')
          : [];
      } catch {
        return [];
      }
    };
    // The globals before the plugin runs: only the kit's own code reads them, so the bound is the
    // kit's (the host thread's stage deadline), not the plugin's limit. A 50 ms limit was shorter
    // than this one read on a loaded machine, and its timeout killed the worker with a vm message
    // instead of the probe's "did not finish within 50 ms".
    const before = new Set(globalsOf(call('readBack', Math.max(job.timeoutMs, 10_000))));
    let failure: WorkerFailure | undefined;
    try {
      script.runInContext(context, { timeout: job.timeoutMs });
    } catch (error) {
      if (isTimeout(error)) {
        failure = { kind: 'timeout', step: 'top level', limitMs: job.timeoutMs };
      } else {
        api.keep(error);
        failure = describeKept();
      }
    }
    function describeKept(): WorkerFailure {
      try {
        const described = JSON.parse(call('describeKept', job.timeoutMs)) as Record<
          string,
          unknown
        >;
        return {
          kind: 'threw',
          name: text(described['name']),
          message: text(described['message']),
          stack: text(described['stack']),
          isError: described['isError'] === true,
        };
      } catch {
        return {
          kind: 'undescribable',
          message: `threw a value that could not be described within ${job.timeoutMs} ms (a looping getter or toString?)`,
        };
      }
    }
    let summary = '{}';
    try {
      summary = call('readBack', job.timeoutMs);
    } catch {
      // The record stays empty: a tampered JSON.stringify or toJSON that loops.
    }
    const leakedGlobals = globalsOf(summary).filter((name) => !before.has(name));
    post({
      id: job.id,
      stage: 'evaluated',
      summary,
      leakedGlobals,
      ...(failure === undefined ? {} : { failure }),
    });
    if (job.exerciseTimeoutMs > 0 && (failure === undefined || failure.kind === 'threw')) {
      exercise(job, call, post);
    }
    post({ id: job.id, stage: 'done' });
  }

  function exercise(
    job: ProbeJob,
    call: (method: string, timeout: number, argument?: string) => string,
    post: (message: ProbeWorkerMessage) => void,
  ): void {
    const deadline = performance.now() + job.exerciseTimeoutMs;
    const steps: [string, string?][] = [
      ['load'],
      ['sendActions'],
      ['callMenuActions', job.menuItemsJson],
      ['runTimers'],
      ['sendDisconnect'],
      ['unload'],
      ['runTimers'],
    ];
    let summary = '';
    for (const [step, argument] of steps) {
      const left = Math.max(1, Math.round(deadline - performance.now()));
      try {
        summary = call(step, left, argument) || summary;
      } catch (error) {
        const failure: WorkerFailure = isTimeout(error)
          ? { kind: 'timeout', step, limitMs: job.exerciseTimeoutMs }
          : { kind: 'undescribable', message: `the probe's ${step} step failed` };
        try {
          // What the step recorded before it was stopped (a read-back, under its own time limit).
          summary = call('readBack', 500) || summary;
        } catch {
          // Keep the summary of the steps before.
        }
        post({ id: job.id, stage: 'exercised', summary, failure });
        return;
      }
    }
    post({ id: job.id, stage: 'exercised', summary });
  }

  port.on('message', (job: ProbeJob) => run(job));
}
