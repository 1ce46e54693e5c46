import {
  Observable,
  Subscriber,
  distinctUntilChanged,
  filter,
  first,
  map,
  take,
  takeUntil,
  type Observer,
  type OperatorFunction,
  type Subscription,
} from 'rxjs';
import type { PluginScope } from './plugin-scope.js';
import { currentScope } from './plugin-scope.js';

/** Who owns a subscription: decided when a plugin subscribes. */
export type ScopeResolver = () => PluginScope | undefined;

/** Where a fault goes when no plugin can be blamed (the callback ran outside any plugin call). */
export type UnattributedFault = (error: unknown) => void;

type SubscribeArgument<T> = Partial<Observer<T>> | ((value: T) => void) | null | undefined;

function toObserver<T>(
  observerOrNext: SubscribeArgument<T>,
  error?: ((error: unknown) => void) | null,
  complete?: (() => void) | null,
): Partial<Observer<T>> {
  if (typeof observerOrNext === 'function') {
    return { next: observerOrNext, error: error ?? undefined, complete: complete ?? undefined };
  }
  return observerOrNext ?? {};
}

/**
 * A stream handed to plugins.
 *
 * - **Contained**: each subscriber's callbacks run inside the subscribing plugin's scope, so a
 *   throw in a plugin's `subscribe` callback (or in its `.filter` predicate, which RxJS turns
 *   into an error notification) marks that plugin failed instead of escaping as an unhandled
 *   error, which in webapp2 shows the "Oops" page. RxJS 7 catches consumer errors itself and
 *   rethrows them later on a timer, so the wrapping has to happen before RxJS sees the observer.
 *   The subscription is owned by the scope: unload and failure close it.
 * - **Chainable**: webapp2 ran on RxJS 5, whose observables carried operators as methods; real
 *   plugins still write `PEX.actions$.ofType(X).filter(...).map(...)` (webapp2-in-the-wild.md).
 */
export class PluginStream<T> extends Observable<T> {
  constructor(
    private readonly source$: Observable<T>,
    private readonly scopeOf: ScopeResolver,
    private readonly onUnattributed: UnattributedFault,
  ) {
    super((subscriber) => source$.subscribe(subscriber));
  }

  override subscribe(
    observerOrNext?: SubscribeArgument<T>,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ): Subscription {
    // RxJS operators subscribing internally (pipe) pass their own Subscriber: not plugin code.
    if (observerOrNext instanceof Subscriber) return super.subscribe(observerOrNext);
    const scope = this.scopeOf();
    const observer = toObserver(observerOrNext, error, complete);
    const run = (callback: () => void): void => {
      if (!scope) {
        try {
          callback();
        } catch (thrown) {
          this.onUnattributed(thrown);
        }
        return;
      }
      scope.contain('subscription', callback);
    };
    const subscription = super.subscribe({
      next: (value) => run(() => observer.next?.(value)),
      error: (thrown: unknown) => {
        if (observer.error) run(() => observer.error?.(thrown));
        else if (scope) scope.fail('subscription', thrown);
        else this.onUnattributed(thrown);
      },
      complete: () => run(() => observer.complete?.()),
    });
    scope?.adopt(subscription);
    return subscription;
  }

  /** RxJS 7 style `pipe(...)` stays contained too (the result is again a PluginStream). */
  override pipe(): PluginStream<T>;
  override pipe(...operations: OperatorFunction<unknown, unknown>[]): Observable<unknown>;
  override pipe(...operations: OperatorFunction<unknown, unknown>[]): Observable<unknown> {
    const piped = operations.reduce<Observable<unknown>>(
      (stream, operation) => operation(stream),
      this.source$,
    );
    return new PluginStream(piped, this.scopeOf, this.onUnattributed);
  }

  private chain<R>(operator: OperatorFunction<T, R>): PluginStream<R> {
    return new PluginStream(this.source$.pipe(operator), this.scopeOf, this.onUnattributed);
  }

  filter<S extends T>(predicate: (value: T, index: number) => value is S): PluginStream<S>;
  filter(predicate: (value: T, index: number) => boolean): PluginStream<T>;
  filter(predicate: (value: T, index: number) => boolean): PluginStream<T> {
    return this.chain(filter(predicate));
  }

  map<R>(project: (value: T, index: number) => R): PluginStream<R> {
    return this.chain(map(project));
  }

  take(count: number): PluginStream<T> {
    return this.chain(take(count));
  }

  first(): PluginStream<T> {
    return this.chain(first());
  }

  distinctUntilChanged(): PluginStream<T> {
    return this.chain(distinctUntilChanged());
  }

  takeUntil(notifier: Observable<unknown>): PluginStream<T> {
    return this.chain(takeUntil(notifier));
  }
}

/** Owned by whichever plugin's code is running when it subscribes (for shared streams). */
export const runningPlugin: ScopeResolver = () => currentScope.current;
