import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';

/**
 * The real app's "Oops" page (seed, "Application Oops": a plugin error is treated as an application
 * crash). Shown only with `?strictPlugins=1`, for parity testing; by default a fault is contained.
 */
export class IpkOops extends LightElement {
  static override properties = {
    fault: { attribute: false, value: null },
  };

  declare fault: Error | null;

  override render() {
    return html`<main class="ipk-oops" role="alert">
      <h1>Oops</h1>
      <p>Something went wrong. Please reload the application.</p>
      ${this.fault === null ? nothing : html`<p class="ipk-oops-detail">${this.fault.message}</p>`}
      <button
        type="button"
        class="dialog-button blue-action-button"
        @click=${() => window.location.reload()}
      >
        Reload
      </button>
    </main>`;
  }
}

customElements.define('ipk-oops', IpkOops);
