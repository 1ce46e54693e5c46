import type { Subscription } from 'rxjs';

/** Where a plugin fault happened (shown with the message in Settings > Plugins). */
export type FaultPhase =
  'evaluation' | 'registration' | 'load' | 'unload' | 'action' | 'subscription' | 'callback';

export type FaultHandler = (phase: FaultPhase, error: unknown) => void;

/**
 * Everything one plugin owns at run time: its subscriptions and the handler that contains its
 * faults. Plugin code we call runs "inside" its scope, so a subscription the plugin opens during
 * that call (to `PEX.actions$`, say) is attributed to it even though the stream is shared.
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
    private readonly onFault: FaultHandler,
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

  /** Runs plugin code; a throw is reported as a fault of this plugin and `undefined` returned. */
  contain<T>(phase: FaultPhase, run: () => T): T | undefined {
    if (this.dead) return undefined;
    try {
      return currentScope.run(this, run);
    } catch (error) {
      this.fail(phase, error);
      return undefined;
    }
  }

  fail(phase: FaultPhase, error: unknown): void {
    if (this.dead) return;
    this.dead = true;
    this.closeAll();
    this.onFault(phase, error);
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
