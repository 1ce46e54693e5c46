import { html } from 'lit';
import type { MenuItemView } from './app-host.js';
import { appIcon, type AppIconName } from './app-icons.js';
import { LightElement } from './light-element.js';
import type { MenuEntry } from './ipk-menu-button.js';
import './ipk-menu-button.js';
import { accessibleLabel, menuIcon } from './menu-item-look.js';

export type SidePanel = 'participants' | 'chat';

/**
 * The floating conference toolbar: the app's own buttons, then one button per plugin toolbar item
 * (seed: "toolbar: appears as a button in the floating conference toolbar"; the label is the hover
 * tip). Every button says what it does to a screen reader; plugin buttons use the label.
 *
 * Events (all bubble): `ipk-invoke` {key}, `ipk-toggle-microphone`, `ipk-toggle-camera`,
 * `ipk-toggle-panel` {panel}, `ipk-open-settings`, `ipk-leave`.
 */
export class IpkToolbar extends LightElement {
  static override properties = {
    pluginItems: { attribute: false },
    conferenceEntries: { attribute: false },
    microphoneMuted: { type: Boolean, attribute: false },
    cameraMuted: { type: Boolean, attribute: false },
    panel: { attribute: false },
  };

  declare pluginItems: readonly MenuItemView[];
  declare conferenceEntries: readonly MenuEntry[];
  declare microphoneMuted: boolean;
  declare cameraMuted: boolean;
  declare panel: SidePanel | null;

  constructor() {
    super();
    this.pluginItems = [];
    this.conferenceEntries = [];
    this.microphoneMuted = false;
    this.cameraMuted = false;
    this.panel = null;
  }

  override render() {
    return html`<div class="ipk-toolbar" role="toolbar" aria-label="Conference toolbar">
      ${this.appButton(
        this.microphoneMuted ? 'Unmute microphone' : 'Mute microphone',
        this.microphoneMuted ? 'microphoneOff' : 'microphone',
        'ipk-toggle-microphone',
        this.microphoneMuted,
      )}
      ${this.appButton(
        this.cameraMuted ? 'Start camera' : 'Stop camera',
        this.cameraMuted ? 'cameraOff' : 'camera',
        'ipk-toggle-camera',
        this.cameraMuted,
      )}
      ${this.panelButton('participants', 'Participants', 'people')}
      ${this.panelButton('chat', 'Chat', 'chat')}
      ${this.pluginItems.map((item) => this.pluginButton(item))}
      <ipk-menu-button
        class="ipk-conference-menu"
        label="Conference control menu"
        menu-label="Conference control"
        icon="menu"
        .entries=${this.conferenceEntries}
      ></ipk-menu-button>
      ${this.appButton('Settings', 'settings', 'ipk-open-settings', false)}
      <button
        type="button"
        class="ipk-toolbar-button ipk-leave"
        aria-label="Leave"
        title="Leave"
        @click=${() => this.emit('ipk-leave')}
      >
        ${appIcon('leave')}
      </button>
    </div>`;
  }

  private appButton(label: string, icon: AppIconName, event: string, pressed: boolean) {
    return html`<button
      type="button"
      class="ipk-toolbar-button"
      aria-label=${label}
      title=${label}
      data-pressed=${pressed ? 'true' : 'false'}
      @click=${() => this.emit(event)}
    >
      ${appIcon(icon)}
    </button>`;
  }

  private panelButton(panel: SidePanel, label: string, icon: AppIconName) {
    return html`<button
      type="button"
      class="ipk-toolbar-button"
      aria-label=${label}
      title=${label}
      aria-pressed=${this.panel === panel ? 'true' : 'false'}
      @click=${() => this.emit('ipk-toggle-panel', { panel })}
    >
      ${appIcon(icon)}
    </button>`;
  }

  private pluginButton(item: MenuItemView) {
    const label = accessibleLabel(item, item);
    return html`<button
      type="button"
      class="ipk-toolbar-button ipk-plugin-button"
      data-plugin=${item.pluginId}
      aria-label=${label}
      title=${label}
      @click=${() => this.emit('ipk-invoke', { key: item.key })}
    >
      ${item.iconUrl === null ? appIcon('puzzle') : menuIcon(item.iconUrl)}
    </button>`;
  }

  private emit(type: string, detail: unknown = null): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('ipk-toolbar', IpkToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'ipk-toolbar': IpkToolbar;
  }
}
