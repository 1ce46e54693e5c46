import { html } from 'lit';
import type { MenuItemView, Participant } from './app-host.js';
import { LightElement } from './light-element.js';
import { menuEntry, type MenuEntry } from './ipk-menu-button.js';
import { accessibleLabel, lookForParticipant } from './menu-item-look.js';

/**
 * The participant roster. Each row has a context menu ("Actions for <name>") with the plugins'
 * participant items (seed: "participants: appears as a menu item in the context menu for a
 * participant"), each looked up per participant so per-uuid plugin state relabels or hides it.
 * Names come from the node and are rendered as text only.
 *
 * Event (bubbles): `ipk-invoke` {key, participantUuid}.
 */
export class IpkRoster extends LightElement {
  static override properties = {
    participants: { attribute: false, value: [] },
    participantItems: { attribute: false, value: [] },
    selfUuid: { attribute: false, value: null },
  };

  declare participants: readonly Participant[];
  /** Plugin items placed in the participant menu, already without globally hidden ones. */
  declare participantItems: readonly MenuItemView[];
  declare selfUuid: string | null;

  override render() {
    return html`<section class="ipk-roster">
      <h2 class="ipk-panel-title">Participants (${this.participants.length})</h2>
      <ul class="ipk-roster-list" aria-label="Participants">
        ${this.participants.map((participant) => this.renderParticipant(participant))}
      </ul>
    </section>`;
  }

  private renderParticipant(participant: Participant) {
    const isSelf = participant.uuid === this.selfUuid;
    return html`<li class="ipk-participant" data-uuid=${participant.uuid}>
      <span class="ipk-avatar" aria-hidden="true">${initials(participant.name)}</span>
      <span class="ipk-participant-name">${participant.name}</span>
      ${isSelf ? html`<span class="ipk-badge">you</span>` : ''}
      ${participant.role === 'chair' ? html`<span class="ipk-badge">host</span>` : ''}
      ${participant.presenting ? html`<span class="ipk-badge">presenting</span>` : ''}
      ${participant.isStreaming ? html`<span class="ipk-badge ipk-badge-live">recording</span>` : ''}
      ${participant.buzzTime > 0 ? html`<span class="ipk-badge">hand raised</span>` : ''}
      ${participant.muted ? html`<span class="ipk-badge">muted</span>` : ''}
      <ipk-menu-button
        label=${`Actions for ${participant.name}`}
        empty-text="No actions"
        .entries=${this.entriesFor(participant)}
      ></ipk-menu-button>
    </li>`;
  }

  private entriesFor(participant: Participant): MenuEntry[] {
    return this.participantItems.flatMap((item) => {
      const look = lookForParticipant(item, participant.uuid);
      if (look === null) return [];
      return [
        menuEntry(item.key, accessibleLabel(look, item), look.iconUrl, () =>
          this.emit('ipk-invoke', { key: item.key, participantUuid: participant.uuid }),
        ),
      ];
    });
  }
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

customElements.define('ipk-roster', IpkRoster);
