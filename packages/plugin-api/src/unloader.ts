import type { PexGlobal, PluginAPI } from './pex.js';

/**
 * The part of `window.PEX` a plugin factory takes: `pluginAPI` narrowed to the calls it makes,
 * plus the other members it reads. `createDtmfPlugin(pex: PexSubset<'createNewState' |
 * 'sendRequest'>)` says in its signature what it uses, and a test passes the harness's `PEX`.
 */
export type PexSubset<
  Calls extends keyof PluginAPI = never,
  Members extends Exclude<keyof PexGlobal, 'pluginAPI'> = never,
> = { readonly pluginAPI: Pick<PluginAPI, Calls> } & Pick<PexGlobal, Members>;

/** What `registerSubscription` accepts: an RxJS observable, `actions$.ofType(…)`, a subject. */
export interface SubscribableSource<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/**
 * A dialog `unload` closes: `openTemplateDialog`'s `DialogRef` (forgotten once its `close$` emits)
 * or an `@ipk/dialogs` handle (forgotten once `closed` settles).
 */
export interface ClosableDialog {
  close(): void;
  readonly close$?: SubscribableSource<unknown>;
  readonly closed?: PromiseLike<unknown>;
}

/**
 * Everything a plugin registers, released by one `unload()` (in the spirit of Obsidian's
 * `register*` helpers): no hand bookkeeping of subscriptions, listeners, timers and dialogs.
 */
export interface Unloader {
  /** Runs `teardown` on unload. Returns a function that runs it now (and not again). */
  register(teardown: () => void): () => void;
  /** Subscribes now, unsubscribes on unload. */
  registerSubscription<T>(source: SubscribableSource<T>, next: (value: T) => void): void;
  /** Adds the listener now, removes it on unload. */
  registerDomEvent<K extends keyof HTMLElementEventMap>(
    target: EventTarget,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
  ): void;
  registerDomEvent(target: EventTarget, type: string, listener: (event: Event) => void): void;
  /** `setInterval` now, `clearInterval` on unload. */
  registerInterval(callback: () => void, milliseconds: number): void;
  /**
   * Closes the dialog on unload unless it closed first. Takes the dialog or the promise of one
   * (`openTemplateDialog`'s handle): one that opens after `unload()` is closed at once. Resolves
   * with the dialog.
   */
  registerDialog<D extends ClosableDialog>(dialog: D | PromiseLike<D>): Promise<D>;
  /**
   * Releases everything registered, newest first, each exactly once; a throwing teardown does not
   * stop the others (the first error is rethrown after all ran, so the host reports the plugin).
   * The unloader can be used again afterwards (a plugin enabled again is loaded again).
   */
  unload(): void;
}

export function createUnloader(): Unloader {
  const teardowns = new Set<() => void>();
  let unloads = 0;
  const register = (teardown: () => void): (() => void) => {
    teardowns.add(teardown);
    return () => {
      if (teardowns.delete(teardown)) teardown();
    };
  };
  return {
    register,
    registerSubscription(source, next) {
      const subscription = source.subscribe(next);
      register(() => subscription.unsubscribe());
    },
    registerDomEvent(target: EventTarget, type: string, listener: (event: Event) => void) {
      target.addEventListener(type, listener);
      register(() => target.removeEventListener(type, listener));
    },
    registerInterval(callback, milliseconds) {
      const timer = setInterval(callback, milliseconds);
      register(() => clearInterval(timer));
    },
    async registerDialog(opening) {
      const before = unloads;
      const dialog = await opening;
      const close = (): void => dialog.close();
      if (before !== unloads) close();
      else teardowns.add(close);
      const forget = (): void => void teardowns.delete(close);
      dialog.close$?.subscribe(forget);
      void dialog.closed?.then(forget);
      return dialog;
    },
    unload() {
      unloads++;
      const all = [...teardowns].reverse();
      teardowns.clear();
      let failure: { error: unknown } | undefined;
      for (const teardown of all) {
        try {
          teardown();
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
    },
  };
}
