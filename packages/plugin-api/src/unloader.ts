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
 * Everything a plugin registers, released by one `unload()` in its `unload` (in the spirit of
 * Obsidian's `register*` helpers): no hand bookkeeping of subscriptions, listeners, timers and
 * dialogs. The `register*` functions below add to it; they are separate functions, not methods,
 * so a plugin bundles only those it calls (a few hundred bytes in all).
 */
export interface Unloader {
  /** Runs `teardown` on the next `unload()`. Returns a function that forgets it (never runs it). */
  register(teardown: () => void): () => void;
  /**
   * Runs every teardown registered, newest first, each once; one that throws does not stop the
   * others (the first error is rethrown after all ran, so the host reports it against the
   * plugin). The unloader can be used again afterwards: a plugin enabled again is loaded again.
   */
  unload(): void;
}

export function createUnloader(): Unloader {
  const teardowns = new Set<() => void>();
  return {
    register(teardown) {
      teardowns.add(teardown);
      return () => void teardowns.delete(teardown);
    },
    unload() {
      const all = [...teardowns].reverse();
      teardowns.clear();
      const failures: unknown[] = [];
      for (const teardown of all) {
        try {
          teardown();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length) throw failures[0];
    },
  };
}

/** Subscribes now; unsubscribes on unload. */
export function registerSubscription<T>(
  unloader: Unloader,
  source: SubscribableSource<T>,
  next: (value: T) => void,
): void {
  const subscription = source.subscribe(next);
  unloader.register(() => subscription.unsubscribe());
}

/** Adds the listener now; removes it on unload. */
export function registerDomEvent<K extends keyof HTMLElementEventMap>(
  unloader: Unloader,
  target: EventTarget,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): void;
export function registerDomEvent(
  unloader: Unloader,
  target: EventTarget,
  type: string,
  listener: (event: Event) => void,
): void;
export function registerDomEvent(
  unloader: Unloader,
  target: EventTarget,
  type: string,
  listener: (event: Event) => void,
): void {
  target.addEventListener(type, listener);
  unloader.register(() => target.removeEventListener(type, listener));
}

/** `setInterval` now; `clearInterval` on unload. */
export function registerInterval(
  unloader: Unloader,
  callback: () => void,
  milliseconds: number,
): void {
  const timer = setInterval(callback, milliseconds);
  unloader.register(() => clearInterval(timer));
}

/**
 * Closes the dialog on unload unless it closed first. Takes the dialog or the promise of one
 * (`openTemplateDialog`'s handle); one that finishes opening after an unload is closed at once.
 * Resolves with the dialog.
 */
export async function registerDialog<D extends ClosableDialog>(
  unloader: Unloader,
  opening: D | PromiseLike<D>,
): Promise<D> {
  let unloaded = false;
  let onUnload = (): void => void (unloaded = true);
  const forget = unloader.register(() => onUnload());
  const dialog = await opening;
  if (unloaded) dialog.close();
  onUnload = () => dialog.close();
  dialog.close$?.subscribe(forget);
  void dialog.closed?.then(forget);
  return dialog;
}
