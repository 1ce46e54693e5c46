import { defineElement } from './define-element.js';
import { IpkElement, h } from './ipk-element.js';
import { themeTokens } from './theme.js';

export type ToastKind = 'info' | 'success' | 'error';

/**
 * A short message at the bottom of the screen. Errors are announced at once (`role="alert"`),
 * others politely (`role="status"`). Shown as a manual popover so it sits in the top layer,
 * above an open modal dialog.
 *
 * @csspart toast
 */
export class IpkToast extends IpkElement {
  static override properties = {
    kind: { type: String, reflect: true, value: 'info' },
  };

  declare kind: ToastKind;

  static override styles =
    themeTokens +
    `
      :host {
        position: fixed;
        inset: auto 0 1rem 0;
        width: fit-content;
        max-width: calc(100vw - 2rem);
        margin: 0 auto;
        padding: 0;
        border: none;
        background: transparent;
        overflow: visible;
      }
      .toast {
        display: block;
        padding: 0.75rem 1rem;
        border-left: 6px solid var(--_blue);
        border-radius: var(--_radius);
        background: var(--_primary);
        color: var(--_on-primary);
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.35);
        line-height: 1.35;
      }
      :host([kind='success']) .toast {
        border-left-color: #2fbf71;
      }
      :host([kind='error']) .toast {
        border-left-color: #ff6b6b;
      }
    `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', this.kind === 'error' ? 'alert' : 'status');
  }

  protected override render(): void {
    this.renderRoot.append(h('div', { class: 'toast', part: 'toast' }, h('slot')));
  }
}

export const TOAST_TAG = defineElement('ipk-toast', IpkToast);

export interface ShowToastOptions {
  kind?: ToastKind;
  /** How long it stays, in ms. Default 4000; `0` keeps it until `dismiss()`. */
  timeoutMs?: number;
  /** Where to attach it. Default `document.body`. */
  container?: Element;
}

export interface ToastHandle {
  readonly element: IpkToast;
  /** Resolves once the toast is rendered and laid out. */
  readonly shown: Promise<void>;
  /** Resolves once the toast is gone (timed out or dismissed). */
  readonly dismissed: Promise<void>;
  dismiss(): void;
}

const DEFAULT_TIMEOUT_MS = 4000;

/**
 * Shows `text` (as text, never HTML) in a toast; several stack upwards without hiding each other.
 * While one of our modal dialogs is open the toast goes into it (its `toast` slot), because the
 * rest of the page is inert then.
 */
export function showToast(text: string, options: ShowToastOptions = {}): ToastHandle {
  const element = document.createElement(TOAST_TAG) as IpkToast;
  element.kind = options.kind ?? 'info';
  element.textContent = text;
  if ('popover' in element) element.popover = 'manual';
  const modal = topmostOpenDialog();
  if (options.container) {
    options.container.append(element);
  } else if (modal) {
    // Everything outside a modal dialog is inert, so a toast there would not be announced.
    element.slot = 'toast';
    // Into the panel inside the native <dialog> (`panel`); a release without one takes it itself.
    ((modal as { panel?: Element }).panel ?? modal).append(element);
  } else {
    document.body.append(element);
  }
  element.showPopover?.();
  // Measured for stacking once rendered: before its first render the toast has no size.
  const shown = element.updateComplete.then(() => restackToasts());

  let resolveDismissed: () => void = () => undefined;
  const dismissed = new Promise<void>((resolve) => (resolveDismissed = resolve));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = timeoutMs > 0 ? setTimeout(() => dismiss(), timeoutMs) : undefined;

  function dismiss(): void {
    if (!element.isConnected) return;
    clearTimeout(timer);
    element.remove();
    restackToasts();
    resolveDismissed();
  }

  return { element, shown, dismissed, dismiss };
}

/** The last opened `<ipk-dialog-v…>` that is open (any version: they all reflect `open` and have a toast slot). */
function topmostOpenDialog(): Element | undefined {
  return [...document.querySelectorAll('[open]')].findLast((element) =>
    element.localName.startsWith('ipk-dialog-v'),
  );
}

/** Lays the toasts on the page out upwards from the bottom, newest lowest, so none hides another. */
function restackToasts(): void {
  const toasts = [...document.querySelectorAll<HTMLElement>(TOAST_TAG)].reverse();
  let bottom = 16;
  for (const toast of toasts) {
    toast.style.bottom = `${bottom}px`;
    bottom += toast.getBoundingClientRect().height + 8;
  }
}
