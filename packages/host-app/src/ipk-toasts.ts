import { html } from 'lit';
import type { Notice } from './app-host.js';
import { appIcon } from './app-icons.js';
import { LightElement } from './light-element.js';

/** A notice with the id the app gave it, so one can be dismissed. */
export interface ShownNotice extends Notice {
  readonly id: string;
}

/**
 * Toasts: short notices from the runtime (a plugin failed, the stream reconnected…), announced
 * politely to screen readers. The app decides when one goes; each also has a Dismiss button.
 * Event (bubbles): `ipk-dismiss-notice` {id}.
 */
export class IpkToasts extends LightElement {
  static override properties = {
    notices: { attribute: false, value: [] },
  };

  declare notices: readonly ShownNotice[];

  // The live region is the element itself, so the toasts stay a list: a `<ul role="status">` is no
  // list any more, and its `<li>`s fail axe's listitem rule whenever a toast shows.
  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
    this.setAttribute('aria-label', 'Notifications');
  }

  override render() {
    return html`<ul class="ipk-toasts">
      ${this.notices.map(
        (notice) =>
          html`<li class="ipk-toast level-${notice.level}" data-id=${notice.id}>
            <span class="ipk-toast-text">${notice.message}</span>
            <button
              type="button"
              class="ipk-icon-button"
              aria-label="Dismiss"
              @click=${() => this.emit('ipk-dismiss-notice', { id: notice.id })}
            >
              ${appIcon('close')}
            </button>
          </li>`,
      )}
    </ul>`;
  }
}

customElements.define('ipk-toasts', IpkToasts);
