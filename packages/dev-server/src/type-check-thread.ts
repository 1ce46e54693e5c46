import type { TypeChecker, TypeCheckError, TypeCheckTarget } from '@ipk/rollup-config';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code: one incremental `createTypeChecker` of `@ipk/rollup-config` per plugin, kept
 * between saves. Plain JavaScript in a string (`eval`), so the same code runs from this package's
 * sources under Vitest and from `dist/`; it loads rollup-config's build.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.rollupConfigUrl);
const checkers = new Map();
parentPort.on('message', async ({ id, root, input }) => {
  try {
    const { createTypeChecker } = await loaded;
    let checker = checkers.get(root);
    if (checker === undefined) {
      checker = createTypeChecker({ root, input });
      checkers.set(root, checker);
    }
    parentPort.postMessage({ id, errors: await checker.check() });
  } catch (error) {
    parentPort.postMessage({ id, failure: error instanceof Error ? error.stack : String(error) });
  }
});
`;

interface Answer {
  readonly id: number;
  readonly errors?: readonly TypeCheckError[];
  readonly failure?: string;
}

/**
 * The dev loop's type checks, on a thread of their own: a check (TypeScript is synchronous) runs
 * on the second core while Rollup bundles on the first, and the cold first check of each plugin,
 * started when the server starts, does not hold up the page or the server. A save then costs the
 * incremental re-check, tens of milliseconds (see the README's measurement).
 */
export class TypeCheckThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private nextId = 0;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { rollupConfigUrl: import.meta.resolve('@ipk/rollup-config') },
    });
    this.worker.on('message', (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    this.worker.on('error', (error) => this.failAll(`the type-check thread stopped: ${error}`));
    this.worker.on('exit', () => this.failAll('the type-check thread has exited'));
  }

  /** A checker that runs on this thread; what `definePluginConfig({typeCheck})` takes. */
  checkerFor(target: TypeCheckTarget): TypeChecker {
    return { check: () => this.check(target) };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private check(target: TypeCheckTarget): Promise<readonly TypeCheckError[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => {
        if (answer.errors !== undefined) resolve(answer.errors);
        else reject(new Error(answer.failure ?? 'the type check failed'));
      });
      this.worker.postMessage({ id, root: target.root, input: target.input });
    });
  }

  private failAll(reason: string): void {
    for (const settle of this.waiting.values()) settle({ id: -1, failure: reason });
    this.waiting.clear();
  }
}
