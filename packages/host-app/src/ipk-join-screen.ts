import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';

export interface JoinDetail {
  readonly alias: string;
  readonly displayName: string;
  readonly pin: string | null;
}

/**
 * The join screen: conference, display name and, once the node has asked for one, a PIN. The role
 * is not chosen here: the node's token says whether the PIN made us a Host (chair) or a Guest.
 * Settings is here too, so a plugin that is invalid can be seen before joining.
 * Events (bubble): `ipk-join` {alias, displayName, pin}, `ipk-open-settings`.
 */
export class IpkJoinScreen extends LightElement {
  static override properties = {
    alias: { type: String, value: '' },
    displayName: { type: String, attribute: 'display-name', value: '' },
    pinRequired: { type: Boolean, attribute: 'pin-required', value: false },
    busy: { type: Boolean, value: false },
    error: { type: String, value: '' },
  };

  declare alias: string;
  declare displayName: string;
  declare pinRequired: boolean;
  declare busy: boolean;
  declare error: string;

  override render() {
    return html`<main class="ipk-join">
      <form class="ipk-join-card" aria-label="Join a conference" @submit=${this.onSubmit}>
        <h1>Infinity Plugin Kit</h1>
        <p class="ipk-muted-text">A local stand-in for Infinity Connect.</p>
        <label>
          <span>Conference</span>
          <input
            class="pex-text-input"
            name="alias"
            required
            autocomplete="off"
            .value=${this.alias}
          />
        </label>
        <label>
          <span>Your name</span>
          <input
            class="pex-text-input"
            name="displayName"
            required
            autocomplete="name"
            .value=${this.displayName}
          />
        </label>
        ${
          this.pinRequired
            ? html`<label>
                <span>PIN</span>
                <input
                  class="pex-text-input"
                  name="pin"
                  type="password"
                  inputmode="numeric"
                  autocomplete="off"
                />
              </label>`
            : nothing
        }
        ${this.error === '' ? nothing : html`<p class="ipk-join-error" role="alert">${this.error}</p>`}
        <button type="submit" class="dialog-button green-action-button" ?disabled=${this.busy}>
          ${this.busy ? 'Joining…' : 'Join'}
        </button>
        <button
          type="button"
          class="dialog-button green-non-action-button"
          @click=${() => this.emit('ipk-open-settings')}
        >
          Settings
        </button>
      </form>
    </main>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const field = (name: string) =>
      this.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';
    const detail: JoinDetail = {
      alias: field('alias'),
      displayName: field('displayName'),
      pin: this.pinRequired ? field('pin') : null,
    };
    if (detail.alias === '' || detail.displayName === '') return;
    this.emit('ipk-join', detail);
  }
}

customElements.define('ipk-join-screen', IpkJoinScreen);
