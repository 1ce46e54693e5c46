import { ReplaySubject, of, type Observable } from 'rxjs';
import { PluginStream, runningPlugin, type UnattributedFault } from './plugin-stream.js';

/** The `@ipk/dialogs` `openDialog` contract the host renders template dialogs with. */
export interface OpenedDialog {
  readonly element: HTMLElement;
  readonly closed: Promise<unknown>;
  close(result?: unknown): void;
}

export type DialogOpener = (options: {
  title: string | null;
  content: string;
  closeDisabled: boolean;
  backdrop: 'dismiss' | 'static';
}) => OpenedDialog;

export interface TemplateDialogRef {
  close(result?: unknown): void;
  readonly close$: Observable<unknown>;
  readonly viewInit$: Observable<void>;
}

/** Both generations of webapp2's return value: a Promise of the ref and an Observable of it. */
export interface TemplateDialogHandle extends PromiseLike<TemplateDialogRef> {
  catch(onRejected: (reason: unknown) => unknown): Promise<unknown>;
  subscribe: Observable<TemplateDialogRef>['subscribe'];
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function readConfig(config: unknown): {
  title: string | null;
  body: string;
  closeDisabled: boolean;
} {
  const record =
    typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
  return {
    title: textOrNull(record['title']),
    body: typeof record['body'] === 'string' ? record['body'] : '',
    closeDisabled: record['isCloseDisabled'] === true,
  };
}

/**
 * `PEX.pluginAPI.openTemplateDialog(config, ...extra)`. The body is raw HTML in the light DOM
 * (inline `onclick` and `document.getElementById` work: seed "openTemplateDialog"). Extra
 * positional arguments of older plugins are accepted: `'static'` (backdrop clicks do not close)
 * and a number (z-index, e.g. `1001`). The dialog is open and its body in the DOM before the
 * handle is returned, so both `.then(ref => …)` (2022 gallery) and
 * `.subscribe(ref => ref.viewInit$.subscribe(…))` (older samples) find their elements.
 */
export function openTemplateDialog(
  open: DialogOpener,
  onUnattributed: UnattributedFault,
  onOpened: (dialog: OpenedDialog) => void,
  config: unknown,
  extra: readonly unknown[],
): TemplateDialogHandle {
  const { title, body, closeDisabled } = readConfig(config);
  const dialog = open({
    title,
    content: body,
    closeDisabled,
    backdrop: extra.includes('static') ? 'static' : 'dismiss',
  });
  const zIndex = extra.find((value): value is number => typeof value === 'number');
  if (zIndex !== undefined) dialog.element.style.zIndex = String(zIndex);
  onOpened(dialog);

  const closed = new ReplaySubject<unknown>(1);
  void dialog.closed.then((result) => {
    closed.next(result);
    closed.complete();
  });

  const ref: TemplateDialogRef = {
    close: (result?: unknown) => dialog.close(result),
    close$: new PluginStream(closed, runningPlugin, onUnattributed),
    viewInit$: new PluginStream(of(undefined), runningPlugin, onUnattributed),
  };
  const promise = Promise.resolve(ref);
  const stream = new PluginStream(of(ref), runningPlugin, onUnattributed);
  return {
    then: (onFulfilled, onRejected) => promise.then(onFulfilled, onRejected),
    catch: (onRejected) => promise.catch(onRejected),
    subscribe: stream.subscribe.bind(stream),
  };
}
