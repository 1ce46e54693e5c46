import { html, type PropertyValues } from 'lit';
import type { TimelineEntry } from './app-host.js';
import { appIcon } from './app-icons.js';
import { LightElement } from './light-element.js';

/**
 * The conference timeline, as webapp2's side panel: chat messages (text from the node, rendered as
 * text only) and who joined or left, and a box to send. Picking an entry tells plugins
 * (`PEX.actions.SELECT_EVENT`, seed: "The application user selects an event in the timeline").
 *
 * Events (bubble): `ipk-send-chat` {text}; `ipk-select-entry` {id}. The box keeps what was typed
 * until the send is handed on.
 */
export class IpkChat extends LightElement {
  static override properties = {
    entries: { attribute: false, value: [] },
    enabled: { type: Boolean, value: true },
  };

  declare entries: readonly TimelineEntry[];
  declare enabled: boolean;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('entries')) return;
    const log = this.querySelector('.ipk-chat-log');
    if (log !== null) log.scrollTop = log.scrollHeight;
  }

  override render() {
    return html`<section class="ipk-chat">
      <h2 class="ipk-panel-title">Chat</h2>
      <ol class="ipk-chat-log" role="log" aria-label="Chat messages">
        ${this.entries.map((entry) => this.renderEntry(entry))}
      </ol>
      ${
        this.enabled
          ? html`<form class="ipk-chat-form" @submit=${this.onSubmit}>
              <input
                class="pex-text-input"
                name="text"
                aria-label="Chat message"
                placeholder="Type a message"
                autocomplete="off"
              />
              <button type="submit" class="ipk-icon-button" aria-label="Send">
                ${appIcon('send')}
              </button>
            </form>`
          : html`<p class="ipk-muted-text">Chat is turned off in this conference.</p>`
      }
    </section>`;
  }

  private renderEntry(entry: TimelineEntry) {
    const time = html`<time datetime=${new Date(entry.at).toISOString()}>${clock(entry.at)}</time>`;
    const select = (): void => this.emit('ipk-select-entry', { id: entry.id });
    if (entry.kind !== 'chat') {
      const what = entry.kind === 'joined' ? 'joined' : 'left';
      return html`<li class="ipk-timeline-event">
        <button type="button" class="ipk-timeline-select" @click=${select}>
          <span>${entry.name} ${what}</span> ${time}
        </button>
      </li>`;
    }
    return html`<li class="ipk-chat-message ${entry.own ? 'mine' : ''}">
      <button type="button" class="ipk-timeline-select" @click=${select}>
        <span class="ipk-chat-from">${entry.origin}</span> ${time}
        <span class="ipk-chat-text">${entry.text}</span>
      </button>
    </li>`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('input[name="text"]');
    if (input === null) return;
    const text = input.value.trim();
    if (text === '') return;
    this.emit('ipk-send-chat', { text });
    input.value = '';
  }
}

/** Local `HH:MM` (`toTimeString` starts with the zero-padded 24-hour time). */
function clock(at: number): string {
  return new Date(at).toTimeString().slice(0, 5);
}

customElements.define('ipk-chat', IpkChat);
