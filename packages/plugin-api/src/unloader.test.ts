import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createUnloader,
  registerDialog,
  registerDomEvent,
  registerInterval,
  registerSubscription,
} from './unloader.js';

afterEach(() => vi.useRealTimers());

/** A dialog like openTemplateDialog's ref: `close()` emits on `close$`. */
function templateDialog() {
  const close$ = new Subject<unknown>();
  const dialog = {
    closes: 0,
    close$,
    close() {
      dialog.closes++;
      close$.next(undefined);
    },
  };
  return dialog;
}

describe('createUnloader', () => {
  it('unsubscribes what it subscribed, on unload and not before', () => {
    const unloader = createUnloader();
    const source = new Subject<number>();
    const seen: number[] = [];
    registerSubscription(unloader, source, (value) => seen.push(value));
    source.next(1);
    unloader.unload();
    source.next(2);
    expect(seen).toEqual([1]);
    expect(source.observed).toBe(false);
  });

  it('removes DOM listeners and clears intervals on unload', () => {
    vi.useFakeTimers();
    const unloader = createUnloader();
    const target = new EventTarget();
    const events: string[] = [];
    let ticks = 0;
    registerDomEvent(unloader, target, 'ping', (event) => events.push(event.type));
    registerInterval(unloader, () => ticks++, 100);
    target.dispatchEvent(new Event('ping'));
    vi.advanceTimersByTime(250);
    unloader.unload();
    target.dispatchEvent(new Event('ping'));
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['ping']);
    expect(ticks).toBe(2);
  });

  it('closes dialogs still open on unload, and forgets those that closed by themselves', async () => {
    const unloader = createUnloader();
    const open = templateDialog();
    const closedByUser = templateDialog();
    await registerDialog(unloader, open);
    await registerDialog(unloader, Promise.resolve(closedByUser));
    closedByUser.close();
    unloader.unload();
    expect(open.closes).toBe(1);
    expect(closedByUser.closes).toBe(1);
  });

  it('forgets an @ipk/dialogs handle once its `closed` promise settles', async () => {
    const unloader = createUnloader();
    let resolveClosed: (value?: unknown) => void = () => undefined;
    const handle = { close: vi.fn(), closed: new Promise((resolve) => (resolveClosed = resolve)) };
    await registerDialog(unloader, handle);
    resolveClosed();
    await handle.closed;
    unloader.unload();
    expect(handle.close).not.toHaveBeenCalled();
  });

  it('closes a dialog that finishes opening after unload at once', async () => {
    const unloader = createUnloader();
    const late = templateDialog();
    let open: (dialog: typeof late) => void = () => undefined;
    const opening = registerDialog(
      unloader,
      new Promise<typeof late>((resolve) => (open = resolve)),
    );
    unloader.unload();
    open(late);
    await opening;
    expect(late.closes).toBe(1);
  });

  it('runs teardowns newest first, each once, and all of them when one throws', () => {
    const unloader = createUnloader();
    const order: string[] = [];
    unloader.register(() => order.push('first'));
    unloader.register(() => {
      order.push('throws');
      throw new Error('teardown failed');
    });
    const forget = unloader.register(() => order.push('forgotten'));
    unloader.register(() => order.push('last'));
    forget();
    expect(() => unloader.unload()).toThrow('teardown failed');
    unloader.unload();
    expect(order).toEqual(['last', 'throws', 'first']);
  });

  it('works again after an unload (a plugin enabled again is loaded again)', () => {
    const unloader = createUnloader();
    const source = new Subject<string>();
    const seen: string[] = [];
    registerSubscription(unloader, source, (value) => seen.push(`first ${value}`));
    unloader.unload();
    registerSubscription(unloader, source, (value) => seen.push(`second ${value}`));
    source.next('load');
    expect(seen).toEqual(['second load']);
  });
});
