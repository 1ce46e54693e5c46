import type { Subscription } from 'rxjs';

/** Where a plugin fault happened (shown with the message in Settings > Plugins). */
export type FaultPhase =
  | 'evaluation'
  | 'registration'
  | 'load'
  | 'unload'
  | 'action'
  | 'subscription'
  | 'callback'
  /** It replaced or removed `window.PEX` / `window.PexRTC`, which every plugin relies on. */
  | 'globals';

/** What a scope reports to its plugin's entry. */
export interface ScopeEvents {
  fault(phase: FaultPhase, error: unknown): void;
  /** A call of the plugin's code that held the main thread for `ms` (a long task: 50 ms or more). */
  longTask(where: string, ms: number): void;
}

/** The browser's long-task threshold (Long Tasks API: a task of 50 ms or more). */
export const LONG_TASK_MS = 50;

const now: () => number =
  typeof performance === 'object' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

/**
 * Everything one plugin owns at run time: its subscriptions and the handler that contains its
 * faults. Plugin code we call runs "inside" its scope, so a subscription the plugin opens during
 * that call (to `PEX.actions$`, say) is attributed to it even though the stream is shared, and so
 * is anything it does to the page's globals.
 */
export class PluginScope {
  /** Subscriptions opened during `load` or an action: closed by `unload`. */
  private readonly loadSubscriptions = new Set<Subscription>();
  /** Subscriptions opened while the source was evaluated: closed only if the plugin fails. */
  private readonly lifetimeSubscriptions = new Set<Subscription>();
  private phase: 'evaluating' | 'running' = 'evaluating';
  private dead = false;

  constructor(
    readonly pluginId: string,
    /** The plugin script's URL: errors the browser reports by file or stack are matched on it. */
    readonly sourceUrl: string,
    private readonly events: ScopeEvents,
  ) {}

  get failed(): boolean {
    return this.dead;
  }

  /** After evaluation, new subscriptions belong to the current load. */
  startRunning(): void {
    this.phase = 'running';
  }

  adopt(subscription: Subscription): void {
    const bucket =
      this.phase === 'evaluating' ? this.lifetimeSubscriptions : this.loadSubscriptions;
    bucket.add(subscription);
    subscription.add(() => bucket.delete(subscription));
  }

  /**
   * Runs plugin code; a throw is reported as a fault of this plugin and `undefined` returned. A
   * call that holds the main thread for a long task is reported too: the page froze for it.
   */
  contain<T>(phase: FaultPhase, run: () => T): T | undefined {
    if (this.dead) return undefined;
    const started = now();
    try {
      return currentScope.run(this, run);
    } catch (error) {
      this.fail(phase, error);
      return undefined;
    } finally {
      const took = now() - started;
      if (took >= LONG_TASK_MS) this.events.longTask(phase, took);
    }
  }

  fail(phase: FaultPhase, error: unknown): void {
    if (this.dead) return;
    this.dead = true;
    this.closeAll();
    this.events.fault(phase, error);
  }

  /** Whether an error (by the file the browser names, or its stack) came from this plugin's script. */
  owns(filename: string | undefined, stack: string | undefined): boolean {
    return filename === this.sourceUrl || (stack?.includes(this.sourceUrl) ?? false);
  }

  /** Closes what `load` opened (on unload). */
  closeLoadSubscriptions(): void {
    for (const subscription of [...this.loadSubscriptions]) subscription.unsubscribe();
  }

  closeAll(): void {
    this.closeLoadSubscriptions();
    for (const subscription of [...this.lifetimeSubscriptions]) subscription.unsubscribe();
  }
}

class ScopeStack {
  private stack: PluginScope[] = [];

  get current(): PluginScope | undefined {
    return this.stack[this.stack.length - 1];
  }

  run<T>(scope: PluginScope, run: () => T): T {
    this.stack.push(scope);
    try {
      return run();
    } finally {
      this.stack.pop();
    }
  }
}

/** The plugin whose code is running right now (synchronously), if any. */
export const currentScope = new ScopeStack();

function stackOf(error: unknown): string | undefined {
  try {
    return error instanceof Error ? error.stack : undefined;
  } catch {
    return undefined; // a hostile error object whose stack getter throws
  }
}

/**
 * The plugin behind an error that surfaced outside any plugin call: the first scope whose script
 * is the file the browser names or is in the error's stack.
 */
export function scopeOwning(
  scopes: readonly (PluginScope | undefined)[],
  error: unknown,
  filename?: string,
): PluginScope | undefined {
  const stack = stackOf(error);
  return scopes.find((scope) => scope !== undefined && scope.owns(filename, stack));
}

/**
 * Plugin code the browser calls itself (timers, DOM handlers, script evaluation, promise
 * callbacks) throws to the window, not to the host: those errors are matched to a plugin by the
 * script's URL (the event's `filename`, else the stack) and contained there (`preventDefault`
 * keeps them off the console as uncaught). Errors of other scripts are left alone.
 * Returns the remover of the listeners.
 */
export function containUncaughtPluginErrors(
  window: Window,
  scopes: () => readonly (PluginScope | undefined)[],
  phaseOf: (scope: PluginScope) => FaultPhase,
): () => void {
  /** The live plugin an uncaught error belongs to, with the event kept off the console. */
  const claim = (event: Event, error: unknown, filename?: string): PluginScope | undefined => {
    const scope = scopeOwning(scopes(), error, filename);
    if (!scope || scope.failed) return undefined;
    event.preventDefault();
    return scope;
  };
  const onError = (event: ErrorEvent): void => {
    const scope = claim(event, event.error, event.filename);
    scope?.fail(phaseOf(scope), event.error ?? new Error(event.message));
  };
  const onRejection = (event: PromiseRejectionEvent): void =>
    claim(event, event.reason)?.fail('callback', event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
