import { html, type PropertyValues } from 'lit';
import type { ChatMessage } from './app-host.js';
import { appIcon } from './app-icons.js';
import { LightElement } from './light-element.js';

/**
 * Chat: the conference's messages (text from the node, rendered as text only) and a box to send.
 * Event (bubbles): `ipk-send-chat` {text}. The box keeps what was typed until the send is handed on.
 */
export class IpkChat extends LightElement {
  static override properties = {
    messages: { attribute: false },
    enabled: { type: Boolean },
  };

  declare messages: readonly ChatMessage[];
  declare enabled: boolean;

  constructor() {
    super();
    this.messages = [];
    this.enabled = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('messages')) return;
    const log = this.querySelector('.ipk-chat-log');
    if (log !== null) log.scrollTop = log.scrollHeight;
  }

  override render() {
    return html`<section class="ipk-chat">
      <h2 class="ipk-panel-title">Chat</h2>
      <ol class="ipk-chat-log" role="log" aria-label="Chat messages">
        ${this.messages.map(
          (message) =>
            html`<li class="ipk-chat-message ${message.own ? 'mine' : ''}">
              <span class="ipk-chat-from">${message.origin}</span>
              <time datetime=${new Date(message.at).toISOString()}>${clock(message.at)}</time>
              <p class="ipk-chat-text">${message.text}</p>
            </li>`,
        )}
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

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('input[name="text"]');
    if (input === null) return;
    const text = input.value.trim();
    if (text === '') return;
    this.dispatchEvent(
      new CustomEvent('ipk-send-chat', { detail: { text }, bubbles: true, composed: true }),
    );
    input.value = '';
  }
}

function clock(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

customElements.define('ipk-chat', IpkChat);

declare global {
  interface HTMLElementTagNameMap {
    'ipk-chat': IpkChat;
  }
}
