import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { MenuItemView } from './app-host.js';
import { appIcon, type AppIconName } from './app-icons.js';
import { meterAudioLevel } from './audio-level-meter.js';
import { LightElement } from './light-element.js';
import { menuEntry, type MenuEntry } from './ipk-menu-button.js';
import { accessibleLabel, menuIcon } from './menu-item-look.js';

export type SidePanel = 'participants' | 'chat';

/** One control of the toolbar: a button when it fits, rows of the "More" menu when it does not. */
interface ToolbarControl {
  readonly render: () => TemplateResult;
  /** What the control offers as rows of the "More" menu (the conference menu: all its rows). */
  readonly entries: readonly MenuEntry[];
}

/** The toolbar's padding, its margin to the edges, the Leave button and the "More" button. */
const RESERVED_PX = 16 + 20 + 56 + 48;

/**
 * The floating conference toolbar: the app's own buttons, then one button per plugin toolbar item
 * (seed: "toolbar: appears as a button in the floating conference toolbar"; the label is the hover
 * tip). Every button says what it does to a screen reader; plugin buttons use the label.
 *
 * On a narrow screen what does not fit goes into a "More" menu, as phone apps do: microphone,
 * camera and Leave always stay, the rest (panels, conference menu, Settings, plugins) overflows
 * from the end, so nothing is cut off and nothing scrolls sideways.
 *
 * The microphone button sits in `#toolbar-audio-on__button-container` (unmuted) or
 * `#toolbar-audio-off__button-container` (muted) with an input level in
 * `.toolbar-audio-bar-fill`, as in webapp2: server-mute-notifier and older plugins find them by id
 * and class (webapp2-in-the-wild.md, "The page"). The toolbar meters `microphoneStream` itself:
 * the level changes ten times a second, and only the toolbar should redraw for it, not the app.
 *
 * Events (all bubble): `ipk-invoke` {key}, `ipk-toggle-microphone`, `ipk-toggle-camera`,
 * `ipk-toggle-panel` {panel}, `ipk-open-settings`, `ipk-leave`.
 */
export class IpkToolbar extends LightElement {
  static override properties = {
    pluginItems: { attribute: false, value: [] },
    conferenceEntries: { attribute: false, value: [] },
    microphoneMuted: { type: Boolean, attribute: false, value: false },
    cameraMuted: { type: Boolean, attribute: false, value: false },
    panel: { attribute: false, value: null },
    microphoneStream: { attribute: false, value: null },
    audioLevel: { state: true, value: 0 },
    capacity: { state: true, value: Number.POSITIVE_INFINITY },
  };

  declare pluginItems: readonly MenuItemView[];
  declare conferenceEntries: readonly MenuEntry[];
  declare microphoneMuted: boolean;
  declare cameraMuted: boolean;
  declare panel: SidePanel | null;
  /** The stream the host sends, whose microphone the meter shows (null: none). */
  declare microphoneStream: MediaStream | null;
  /** Microphone input level, 0–1. */
  declare audioLevel: number;
  /** How many optional controls fit beside the fixed ones; Infinity before a layout exists. */
  declare capacity: number;

  private resizeObserver: ResizeObserver | undefined;
  private stopMeter: () => void = () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(this);
    }
    // Back in the page with the stream it had: the meter stopped when it left.
    if (this.hasUpdated) this.meter(this.microphoneStream);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.meter(null);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('microphoneStream')) this.meter(this.microphoneStream);
  }

  /** The input level follows the stream the host sends; it starts again from 0 on a new one. */
  private meter(stream: MediaStream | null): void {
    this.stopMeter();
    this.audioLevel = 0;
    this.stopMeter =
      stream === null ? () => {} : meterAudioLevel(stream, (level) => (this.audioLevel = level));
  }

  /** Fits as many optional controls as the width allows (a DOM without layout shows them all). */
  private measure(): void {
    const width = this.getBoundingClientRect().width;
    if (width <= 0) {
      this.capacity = Number.POSITIVE_INFINITY;
      return;
    }
    // Button width plus gap, as app.css draws them (44 + 4 px; 40 + 2 px below 800 px).
    const slot = window.innerWidth < 800 ? 42 : 48;
    // The two media buttons are fixed too.
    this.capacity = Math.max(0, Math.floor((width - RESERVED_PX - 2 * slot) / slot));
  }

  override render() {
    const optional = this.optionalControls();
    const shown = optional.slice(0, this.capacity);
    const more = optional.slice(this.capacity);
    return html`<div class="ipk-toolbar" role="toolbar" aria-label="Conference toolbar">
      ${this.microphoneButton()}
      ${this.appButton(
        this.cameraMuted ? 'Start camera' : 'Stop camera',
        this.cameraMuted ? 'cameraOff' : 'camera',
        'ipk-toggle-camera',
        this.cameraMuted,
      )}
      ${shown.map((control) => control.render())}
      ${
        more.length === 0
          ? nothing
          : html`<ipk-menu-button
              class="ipk-more-menu"
              label="More"
              menu-label="More"
              icon="more"
              .entries=${more.flatMap((control) => control.entries)}
            ></ipk-menu-button>`
      }
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

  /** In the order they give way: the last ones move to "More" first. */
  private optionalControls(): ToolbarControl[] {
    const panel = (which: SidePanel, label: string, icon: AppIconName): ToolbarControl => ({
      render: () => this.panelButton(which, label, icon),
      entries: [
        menuEntry(
          `panel:${which}`,
          this.panel === which ? `Hide ${label.toLowerCase()}` : label,
          null,
          () => this.emit('ipk-toggle-panel', { panel: which }),
        ),
      ],
    });
    const conferenceMenu: ToolbarControl = {
      render: () =>
        html`<ipk-menu-button
          class="ipk-conference-menu"
          label="Conference control menu"
          menu-label="Conference control"
          icon="menu"
          .entries=${this.conferenceEntries}
        ></ipk-menu-button>`,
      // A menu inside a menu is no use on a phone: its rows join "More" as they are.
      entries: this.conferenceEntries,
    };
    const plugins = this.pluginItems.map((item): ToolbarControl => {
      const label = accessibleLabel(item, item);
      return {
        render: () => this.pluginButton(item, label),
        entries: [
          menuEntry(item.key, label, item.iconUrl, () =>
            this.emit('ipk-invoke', { key: item.key }),
          ),
        ],
      };
    });
    const settings: ToolbarControl = {
      render: () => this.appButton('Settings', 'settings', 'ipk-open-settings', false),
      entries: [menuEntry('settings', 'Settings', null, () => this.emit('ipk-open-settings'))],
    };
    return [
      panel('participants', 'Participants', 'people'),
      panel('chat', 'Chat', 'chat'),
      conferenceMenu,
      ...plugins,
      settings,
    ];
  }

  private microphoneButton() {
    const muted = this.microphoneMuted;
    const label = muted ? 'Unmute microphone' : 'Mute microphone';
    const level = Math.round(Math.min(1, Math.max(0, this.audioLevel)) * 100);
    return html`<div
      id=${muted ? 'toolbar-audio-off__button-container' : 'toolbar-audio-on__button-container'}
      class="ipk-toolbar-audio"
    >
      <button
        type="button"
        class="ipk-toolbar-button"
        aria-label=${label}
        title=${label}
        data-pressed=${muted ? 'true' : 'false'}
        @click=${() => this.emit('ipk-toggle-microphone')}
      >
        ${appIcon(muted ? 'microphoneOff' : 'microphone')}
      </button>
      <div class="toolbar-audio-bar" aria-hidden="true">
        <div class="toolbar-audio-bar-fill" style=${`height: ${muted ? 0 : level}%`}></div>
      </div>
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

  private pluginButton(item: MenuItemView, label: string) {
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
}

customElements.define('ipk-toolbar', IpkToolbar);
