import { defineElement } from './define-element.js';
import { IpkElement, h, s } from './ipk-element.js';
import { deepActiveElement, tabbableElements } from './tabbable-elements.js';
import { focusRing, themeTokens } from './theme.js';

/** `detail` of the `ipk-dialog-close` event. */
export interface DialogCloseDetail {
  /** What `close(result)` was given; `undefined` when closed by Esc, the close button or the backdrop. */
  result: unknown;
}

/**
 * `'dismiss'`: a click on the backdrop closes the dialog (when closing is allowed).
 * `'static'`: it does not — webapp2's `openTemplateDialog(config, 'static')` asks for this.
 */
export type DialogBackdrop = 'dismiss' | 'static';

/**
 * The native `<dialog>`'s own style, inline: it is in the light DOM (see `IpkDialog`), where no
 * stylesheet of ours applies and the page's CSS must not reshape it. It covers the viewport and is
 * the backdrop; the panel sits centred inside it.
 */
const NATIVE_DIALOG_STYLE =
  'position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;' +
  'padding:0;border:0;overflow:hidden;background:var(--ipk-backdrop,rgb(5 14 26/.65))';

/**
 * A modal dialog: dark header with the title and a close button, then the content. Built on the
 * native `<dialog>` with `showModal()`: the page behind becomes inert and the dialog sits in the
 * top layer above any z-index. Esc, focus-in, the focus trap and focus return are handled here so
 * that they behave the same whatever the browser's own policy is.
 *
 * The tree, all light DOM except the panel's shadow root:
 * `<ipk-dialog-v…>` › `<dialog role="dialog" aria-label=…>` › panel `<div>` (shadow root: header,
 * body slot, toast slot) › the content. The `<dialog>` is an ancestor of the content in the
 * document itself, not only in the flat tree: a plugin's fields are inside the dialog for
 * `getByRole('dialog').getByRole('textbox')` (Playwright, Testing Library) as they are for a
 * screen reader, and the plugin's HTML stays reachable by `document.getElementById`.
 *
 * The heading is the `heading` attribute, not `title`: `title` is a global HTML attribute and
 * would show as a tooltip over the whole dialog.
 *
 * @fires ipk-dialog-close - after the dialog closed; `detail: {result}`.
 * @slot - the content (children are moved into the panel when the element is connected).
 * @slot toast - where `showToast` puts toasts while this dialog is modal: outside it they would
 *   be inert (hidden from screen readers) until it closes.
 * @csspart header / title / close-button / body
 */
export class IpkDialog extends IpkElement {
  static override properties = {
    heading: { type: String, value: '' },
    label: { type: String, value: 'Dialog' },
    closeDisabled: { type: Boolean, attribute: 'close-disabled', reflect: true, value: false },
    backdrop: { type: String, value: 'dismiss' },
    open: { type: Boolean, reflect: true, value: false },
  };

  /** Shown in the header and used as the dialog's accessible name. */
  declare heading: string;
  /** Accessible name used when there is no heading (webapp2 allows `title: null`). */
  declare label: string;
  /** Hides the close button and ignores Esc and backdrop clicks; `close()` still works. */
  declare closeDisabled: boolean;
  declare backdrop: DialogBackdrop;
  declare open: boolean;

  #returnFocusTo: Element | null = null;
  #focusedIn: Promise<void> = Promise.resolve();
  readonly #dialog = document.createElement('dialog');
  /** The panel: the light-DOM parent of the content, its shadow root is this element's render root. */
  readonly #panel = document.createElement('div');

  constructor() {
    super();
    this.#dialog.style.cssText = NATIVE_DIALOG_STYLE;
    this.#dialog.setAttribute('role', 'dialog');
    this.#dialog.setAttribute('aria-modal', 'true');
    this.#dialog.append(this.#panel);
    this.#dialog.addEventListener('keydown', this.#onKeydown);
    this.#dialog.addEventListener('click', this.#onDialogClick);
    this.#dialog.addEventListener('cancel', this.#onCancel);
    this.#dialog.addEventListener('close', this.#onNativeClose);
  }

  static override styles =
    themeTokens +
    focusRing +
    `
      :host {
        position: absolute;
        inset: 0;
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
        width: min(32rem, calc(100% - 1rem));
        height: fit-content;
        max-height: calc(100% - 1rem);
        margin: auto;
        border-radius: var(--_radius);
        background: var(--_surface);
        box-shadow: 0 12px 40px rgb(0 0 0 / 0.45);
        overflow: hidden;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 3rem;
        padding: 0 0.5rem 0 1rem;
        background: var(--_primary);
        color: var(--_on-primary);
      }
      h2 {
        flex: 1;
        margin: 0;
        font-size: 1.05rem;
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      .close {
        display: grid;
        place-items: center;
        width: 2.75rem;
        height: 2.75rem;
        margin-left: auto;
        padding: 0;
        border: none;
        border-radius: 50%;
        background: transparent;
        color: inherit;
        cursor: pointer;
      }
      .close:focus-visible {
        /* Inside the button: the panel clips anything drawn past its edge. */
        outline-offset: -4px;
      }
      .close:hover {
        background: rgb(255 255 255 / 0.12);
      }
      .close svg {
        width: 1.25rem;
        height: 1.25rem;
      }
      .body {
        min-height: 0;
        padding: 1rem;
        overflow: auto;
        overscroll-behavior: contain;
        line-height: 1.4;
      }
    `;

  /** Renders into the panel's shadow root, with this class's styles adopted there. */
  protected override createRenderRoot(): ShadowRoot {
    return super.createRenderRoot(this.#panel);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Children given to the element (openDialog's content, HTML written inside the tag, a toast)
    // go into the panel, inside the native dialog.
    for (const child of [...this.childNodes]) if (child !== this.#dialog) this.#panel.append(child);
    if (this.#dialog.parentNode !== this) this.append(this.#dialog);
    // No box of its own (it has no shadow root to style it): it is as visible as its <dialog>.
    this.style.display = 'contents';
  }

  #title = h('h2', { part: 'title' });
  #closeButton = h(
    'button',
    {
      class: 'close',
      part: 'close-button',
      type: 'button',
      'aria-label': 'Close',
      '@click': () => this.close(),
    },
    s(
      'svg',
      { viewBox: '0 0 24 24', 'aria-hidden': 'true' },
      s('path', {
        d: 'M6 6l12 12M18 6L6 18',
        stroke: 'currentColor',
        'stroke-width': 2.2,
        'stroke-linecap': 'round',
      }),
    ),
  );
  #header = h('header', { part: 'header' });
  #body = h('div', { class: 'body', part: 'body' }, h('slot'));

  protected override render(): void {
    this.renderRoot.append(this.#header, this.#body, h('slot', { name: 'toast' }));
  }

  protected override update(): void {
    const heading = this.heading.trim();
    // Named by text, not aria-labelledby: the title is in the panel's shadow root, which an id
    // reference from the light-DOM <dialog> cannot reach.
    this.#dialog.setAttribute('aria-label', heading || this.label);
    this.#title.textContent = this.heading;
    this.#header.replaceChildren(
      ...(heading ? [this.#title] : []),
      ...(this.closeDisabled ? [] : [this.#closeButton]),
    );
  }

  /** The panel, where content and toasts go (`showToast` appends to it while this dialog is open). */
  get panel(): HTMLElement {
    return this.#panel;
  }

  /** Opens the dialog; resolves once it is shown and focus is inside. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    await this.#focusedIn;
  }

  /** Closes the dialog (even when `closeDisabled`), returns focus and fires `ipk-dialog-close`. */
  close(result?: unknown): void {
    if (!this.open) return;
    this.open = false;
    this.#dialog.close();
    this.#handOverToasts();
    this.#restoreFocus();
    this.fire<DialogCloseDetail>('ipk-dialog-close', { result });
  }

  protected override updated(changed: ReadonlySet<string>): void {
    if (!changed.has('open')) return;
    const dialog = this.#dialog;
    if (this.open && !dialog.open) {
      this.#returnFocusTo = deepActiveElement();
      dialog.showModal();
      this.#focusedIn = this.#focusFirstWhenContentRendered();
    } else if (!this.open && dialog.open) {
      // `open` set to false from outside: close the same way as `close()`.
      this.open = true;
      this.close();
    }
  }

  disconnectedCallback(): void {
    if (this.open) this.#restoreFocus();
  }

  /**
   * Components in the content (a keypad, a text input) render their shadow DOM asynchronously,
   * so their buttons and inputs only exist after their first update: wait for it, then focus.
   */
  async #focusFirstWhenContentRendered(): Promise<void> {
    const pending = [...this.querySelectorAll('*')]
      .map((element) => (element as { updateComplete?: unknown }).updateComplete)
      .filter((value): value is Promise<unknown> => value instanceof Promise);
    await Promise.all(pending);
    if (this.open) this.#focusFirst();
  }

  /** Focus goes to the content's `[autofocus]` element, else its first tabbable, else the close button. */
  #focusFirst(): void {
    const content = tabbableElements(this.#body);
    const target =
      content.find((element) => element.hasAttribute('autofocus')) ??
      content[0] ??
      this.renderRoot.querySelector<HTMLElement>('.close') ??
      this.#dialog;
    target.focus();
  }

  /** Toasts shown while the dialog was open outlive it: move them back to the page. */
  #handOverToasts(): void {
    for (const toast of this.#panel.querySelectorAll<HTMLElement>(':scope > [slot="toast"]')) {
      toast.removeAttribute('slot');
      this.ownerDocument.body.append(toast);
      if (toast.popover) toast.showPopover();
    }
  }

  #restoreFocus(): void {
    const target = this.#returnFocusTo;
    this.#returnFocusTo = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Handled here, before it becomes the browser's close request: under Chromium's
      // close-watcher rules `cancel` can be uncancelable (repeated Esc without user activation),
      // which would defeat `closeDisabled`.
      this.#onCancel(event);
    } else if (event.key === 'Tab') {
      this.#trapTab(event);
    }
  };

  #trapTab(event: KeyboardEvent): void {
    const tabbables = tabbableElements(this.#dialog);
    const first = tabbables[0];
    const last = tabbables[tabbables.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = deepActiveElement();
    const inside = tabbables.some((element) => element === active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  #onDialogClick = (event: MouseEvent): void => {
    // The <dialog> covers the viewport around the panel: a click whose target is the <dialog>
    // itself landed outside the panel, on what the user sees as the backdrop.
    if (event.target !== this.#dialog) return;
    if (this.closeDisabled || this.backdrop === 'static') return;
    this.close();
  };

  #onCancel = (event: Event): void => {
    event.preventDefault();
    if (!this.closeDisabled) this.close();
  };

  /** The browser closed the <dialog> by itself (a form with method=dialog, a close request). */
  #onNativeClose = (): void => {
    if (!this.open) return;
    if (this.closeDisabled) {
      this.#dialog.showModal();
      return;
    }
    this.close();
  };
}

/** The tag `IpkDialog` is registered under in this page (versioned: see `defineElement`). */
export const DIALOG_TAG = defineElement('ipk-dialog', IpkDialog);
