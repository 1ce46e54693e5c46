import { DIALOG_TAG } from './dialog.js';
import type { DialogBackdrop, DialogCloseDetail, IpkDialog } from './dialog.js';

/**
 * What a dialog shows:
 * - a string of HTML — put into the light DOM as it is, so the plugin's `onclick="…"` handlers
 *   run and `document.getElementById` finds its ids (webapp2's `openTemplateDialog({body})`
 *   contract, seed guide "openTemplateDialog");
 * - a DOM `Node`, appended as it is (a Lit template: `render(template, element)` first, then
 *   pass the element; this package does not bundle Lit).
 */
export type DialogContent = string | Node;

export interface OpenDialogOptions {
  /** Header text; `null`/empty leaves the header without a title (webapp2 allows `title: null`). */
  title?: string | null;
  content?: DialogContent | null;
  /** Hides the close button and ignores Esc and backdrop clicks (`isCloseDisabled` in webapp2). */
  closeDisabled?: boolean;
  /** `'static'`: backdrop clicks do not close it. Default `'dismiss'`. */
  backdrop?: DialogBackdrop;
  /** Accessible name when there is no title. Default `'Dialog'`. */
  label?: string;
  /** Where the dialog element is attached. Default `document.body`. */
  container?: Element;
}

export interface DialogHandle {
  /** The `<ipk-dialog-v…>` element; the content is already inside it when `openDialog` returns. */
  readonly element: IpkDialog;
  /** The light-DOM element holding the content (`class="ipk-dialog-content"`). */
  readonly contentElement: HTMLElement;
  /** Resolves once the dialog is shown and focus has moved into it. */
  readonly opened: Promise<void>;
  /** Resolves with the `close(result)` argument (`undefined` for Esc, close button, backdrop) once closed and removed. */
  readonly closed: Promise<unknown>;
  /** Closes and removes the dialog; later calls do nothing. */
  close(result?: unknown): void;
}

function fillContent(container: HTMLElement, content: DialogContent | null | undefined): void {
  if (content == null) return;
  if (typeof content === 'string') {
    container.innerHTML = content;
  } else if (content instanceof Node) {
    container.append(content);
  } else if (typeof content === 'object' && '_$litType$' in content) {
    // Lit marks template results with `_$litType$` (checked by shape: any copy of Lit).
    throw new TypeError(
      "openDialog: a Lit TemplateResult cannot be shown as it is (@ipk/dialogs does not bundle Lit). Render it into an element with Lit's render(template, element) and pass the element.",
    );
  } else {
    throw new TypeError(
      `openDialog: content must be a string of HTML or a DOM Node, not ${Object.prototype.toString.call(content)}.`,
    );
  }
}

/**
 * Opens a modal dialog and returns its handle. The element and its content are in the document
 * as soon as this returns (synchronously), so code can look up ids in the content right away.
 */
export function openDialog(options: OpenDialogOptions = {}): DialogHandle {
  const element = document.createElement(DIALOG_TAG) as IpkDialog;
  element.heading = options.title ?? '';
  element.closeDisabled = options.closeDisabled ?? false;
  element.backdrop = options.backdrop ?? 'dismiss';
  if (options.label) element.label = options.label;

  const contentElement = document.createElement('div');
  contentElement.className = 'ipk-dialog-content';
  fillContent(contentElement, options.content);
  element.append(contentElement);

  const closed = new Promise<unknown>((resolve) => {
    element.addEventListener(
      'ipk-dialog-close',
      (event) => {
        element.remove();
        resolve((event as CustomEvent<DialogCloseDetail>).detail.result);
      },
      { once: true },
    );
  });

  (options.container ?? document.body).append(element);
  const opened = element.show();

  return {
    element,
    contentElement,
    opened,
    closed,
    close: (result?: unknown) => element.close(result),
  };
}
