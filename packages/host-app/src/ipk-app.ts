import { html, nothing, type PropertyValues } from 'lit';
import type {
  AppHost,
  ConferenceDetails,
  ConnectionState,
  JoinOutcome,
  MediaState,
  MenuItemView,
  Notice,
  Participant,
  PluginRecord,
  SelfMediaState,
  SelfView,
  TimelineEntry,
} from './app-host.js';
import { joinedAddress, type DeepLink } from './deep-link.js';
import { LightElement } from './light-element.js';
import { menuEntry, type MenuEntry } from './ipk-menu-button.js';
import type { JoinDetail } from './ipk-join-screen.js';
import type { ShownNotice } from './ipk-toasts.js';
import type { SidePanel } from './ipk-toolbar.js';
import { accessibleLabel, visibleItems } from './menu-item-look.js';
import { startStagePainter, type StagePainter } from './stage-painter.js';
import './ipk-chat.js';
import './ipk-join-screen.js';
import './ipk-oops.js';
import './ipk-roster.js';
import './ipk-settings.js';
import './ipk-stage.js';
import './ipk-toasts.js';
import './ipk-toolbar.js';

type Phase = 'join' | 'joining' | 'in-call';

const DISPLAY_NAME_KEY = 'ipk.displayName';
const NOTICE_MS = 8000;
/** Below this width the side panel covers the stage instead of sitting beside it. */
const WIDE_VIEWPORT_PX = 800;

const EMPTY_CONFERENCE: ConferenceDetails = {
  locked: false,
  guestsMuted: false,
  chatEnabled: true,
  mediaType: 'video',
  started: false,
};

/**
 * The whole app: join screen, then the conference (stage, roster or chat, toolbar), Settings >
 * Plugins and toasts, or the Oops page. It renders what the runtime's streams say and hands every
 * user choice back to the runtime; it holds no plugin logic of its own.
 */
export class IpkApp extends LightElement {
  static override properties = {
    host: { attribute: false, value: null },
    link: { attribute: false, value: null },
    phase: { state: true, value: 'join' },
    pinRequired: { state: true, value: false },
    joinError: { state: true, value: '' },
    connection: { state: true, value: { kind: 'idle' } },
    participants: { state: true, value: [] },
    conference: { state: true, value: EMPTY_CONFERENCE },
    self: { state: true },
    timeline: { state: true, value: [] },
    plugins: { state: true, value: [] },
    menuItems: { state: true, value: [] },
    notices: { state: true, value: [] },
    fault: { state: true },
    sidebarOpen: { state: true, value: false },
    sidebarTab: { state: true, value: 'participants' },
    settingsOpen: { state: true, value: false },
    selfMedia: { state: true, value: { microphoneMuted: false, cameraMuted: false } },
    selfStream: { state: true, value: null },
    mainStream: { state: true, value: null },
  };

  declare host: AppHost | null;
  declare link: DeepLink | null;
  declare phase: Phase;
  declare pinRequired: boolean;
  declare joinError: string;
  declare connection: ConnectionState;
  declare participants: readonly Participant[];
  declare conference: ConferenceDetails;
  declare self: SelfView | undefined;
  declare timeline: readonly TimelineEntry[];
  declare plugins: readonly PluginRecord[];
  declare menuItems: readonly MenuItemView[];
  declare notices: readonly ShownNotice[];
  declare fault: Error | undefined;
  /** The side panel shows (webapp2: `#conference-container.sidebar-open`). */
  declare sidebarOpen: boolean;
  /** What the side panel shows: the roster or the chat timeline. */
  declare sidebarTab: SidePanel;
  declare settingsOpen: boolean;
  declare selfMedia: SelfMediaState;
  declare selfStream: MediaStream | null;
  declare mainStream: MediaStream | null;

  private subscriptions: { unsubscribe(): void }[] = [];
  private noticeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private noticeCount = 0;
  private stagePainter: StagePainter | null = null;
  private media: MediaState = { kind: 'off', reason: 'Not in a conference.' };
  private alias = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.sidebarOpen = window.innerWidth >= WIDE_VIEWPORT_PX;
    window.addEventListener('keydown', this.onShortcut);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onShortcut);
    this.unsubscribeAll();
    this.stopMedia();
    for (const timer of this.noticeTimers.values()) clearTimeout(timer);
    this.noticeTimers.clear();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host')) this.subscribeTo(this.host);
    if (changed.has('participants')) this.stagePainter?.show(this.participants);
  }

  protected override firstUpdated(): void {
    const link = this.link;
    if (link?.joinNow && link.alias !== null) {
      void this.join({
        alias: link.alias,
        displayName: link.displayName ?? this.rememberedName() ?? 'Guest',
        pin: link.pin,
      });
    }
  }

  override render() {
    if (this.fault !== undefined) return html`<ipk-oops .fault=${this.fault}></ipk-oops>`;
    return html`${this.phase === 'in-call' ? this.renderConference() : this.renderJoin()}
      ${
        this.settingsOpen
          ? html`<ipk-settings
              .plugins=${this.plugins}
              @ipk-set-plugin-enabled=${this.onSetPluginEnabled}
              @ipk-close-settings=${() => (this.settingsOpen = false)}
            ></ipk-settings>`
          : nothing
      }
      <ipk-toasts
        .notices=${this.notices}
        @ipk-dismiss-notice=${(event: CustomEvent<{ id: string }>) =>
          this.dismissNotice(event.detail.id)}
      ></ipk-toasts>`;
  }

  private renderJoin() {
    return html`<ipk-join-screen
      .alias=${this.alias || (this.link?.alias ?? '')}
      .displayName=${this.link?.displayName ?? this.rememberedName() ?? ''}
      .pinRequired=${this.pinRequired}
      .busy=${this.phase === 'joining'}
      .error=${this.joinError}
      @ipk-join=${(event: CustomEvent<JoinDetail>) => void this.join(event.detail)}
      @ipk-open-settings=${() => (this.settingsOpen = true)}
    ></ipk-join-screen>`;
  }

  /**
   * The conference, with webapp2's ids and classes where Pexip's gallery plugins read them
   * (webapp2-in-the-wild.md, "The page"): `#conference-container` (class `sidebar-open` while the
   * side panel shows), `#pex-sidebar-container > div.pex-sidebar__list > pex-roster-list` (class
   * `hide` while the chat is shown instead), `#conference-stage-container` in the stage. The side
   * panel is always in the DOM, so plugins that read those classes never meet a missing element.
   */
  private renderConference() {
    const open = this.sidebarOpen;
    const showsChat = this.sidebarTab === 'chat';
    return html`<div
      id="conference-container"
      class="ipk-conference ${open ? 'with-panel sidebar-open' : ''}"
    >
      <header class="ipk-conference-header">
        <h1 class="ipk-conference-title">${this.alias}</h1>
        ${this.conference.locked ? html`<span class="ipk-badge">locked</span>` : nothing}
        ${
          this.connection.kind === 'reconnecting'
            ? html`<span class="ipk-badge ipk-badge-warn" role="status">Reconnecting…</span>`
            : nothing
        }
        ${
          this.self === undefined
            ? nothing
            : html`<span class="ipk-self-role"
                >${this.self.displayName} · ${this.self.role === 'chair' ? 'Host' : 'Guest'}</span
              >`
        }
      </header>
      <ipk-stage
        .mainStream=${this.mainStream}
        .selfStream=${this.selfStream}
        .cameraMuted=${this.selfMedia.cameraMuted}
      ></ipk-stage>
      <aside
        id="pex-sidebar-container"
        class="ipk-side-panel"
        aria-label=${showsChat ? 'Chat' : 'Participants'}
        ?hidden=${!open}
      >
        <div class="pex-sidebar__list">
          <pex-roster-list class=${showsChat ? 'hide' : ''} ?hidden=${showsChat}>
            <ipk-roster
              .participants=${this.participants}
              .participantItems=${visibleItems(this.menuItems, 'participants')}
              .selfUuid=${this.self?.uuid ?? null}
              @ipk-invoke=${this.onInvoke}
            ></ipk-roster>
          </pex-roster-list>
          <ipk-chat
            ?hidden=${!showsChat}
            .entries=${this.timeline}
            .enabled=${this.conference.chatEnabled}
            @ipk-send-chat=${this.onSendChat}
            @ipk-select-entry=${(event: CustomEvent<{ id: string }>) =>
              this.host?.selectTimelineEntry(event.detail.id)}
          ></ipk-chat>
        </div>
      </aside>
      <ipk-toolbar
        .pluginItems=${visibleItems(this.menuItems, 'toolbar')}
        .conferenceEntries=${this.conferenceEntries()}
        .microphoneMuted=${this.selfMedia.microphoneMuted}
        .cameraMuted=${this.selfMedia.cameraMuted}
        .microphoneStream=${this.selfStream}
        .panel=${open ? this.sidebarTab : null}
        @ipk-invoke=${this.onInvoke}
        @ipk-toggle-microphone=${() =>
          this.host?.setMicrophoneMuted(!this.selfMedia.microphoneMuted)}
        @ipk-toggle-camera=${() => this.host?.setCameraMuted(!this.selfMedia.cameraMuted)}
        @ipk-toggle-panel=${this.onTogglePanel}
        @ipk-open-settings=${() => (this.settingsOpen = true)}
        @ipk-leave=${() => void this.leave()}
      ></ipk-toolbar>
    </div>`;
  }

  /**
   * The conference control menu: the app's own Host controls first (webapp2 offers lock and
   * mute-guests to Hosts only), then the plugins' `conference` items.
   */
  private conferenceEntries(): MenuEntry[] {
    const own: MenuEntry[] = [];
    const host = this.host;
    if (host !== null && this.self?.role === 'chair') {
      const { locked, guestsMuted } = this.conference;
      const lock = locked ? 'unlock' : 'lock';
      const mute = guestsMuted ? 'unmute' : 'mute';
      own.push(
        menuEntry('app:lock', locked ? 'Unlock conference' : 'Lock conference', null, () =>
          this.reportFailure(host.setLocked(!locked), `Could not ${lock} the conference`),
        ),
        menuEntry(
          'app:mute-guests',
          guestsMuted ? 'Unmute all guests' : 'Mute all guests',
          null,
          () =>
            this.reportFailure(host.setGuestsMuted(!guestsMuted), `Could not ${mute} the guests`),
        ),
      );
    }
    const plugin = visibleItems(this.menuItems, 'conference').map((item) =>
      menuEntry(item.key, accessibleLabel(item, item), item.iconUrl, () =>
        this.host?.invokeMenuItem(item.key),
      ),
    );
    return [...own, ...plugin];
  }

  private subscribeTo(host: AppHost | null): void {
    this.unsubscribeAll();
    if (host === null) return;
    this.subscriptions = [
      host.connection$.subscribe((state) => this.onConnection(state)),
      host.media$.subscribe((state) => this.onMedia(state)),
      host.participants$.subscribe((list) => (this.participants = list)),
      host.conference$.subscribe((details) => (this.conference = details)),
      host.self$.subscribe((self) => (this.self = self)),
      host.selfMedia$.subscribe((state) => (this.selfMedia = state)),
      host.timeline$.subscribe((entries) => (this.timeline = entries)),
      host.plugins$.subscribe((records) => (this.plugins = records)),
      host.menuItems$.subscribe((items) => (this.menuItems = items)),
      host.notices$.subscribe((notice) => this.showNotice(notice)),
      host.fatalError$.subscribe((error) => (this.fault = error)),
    ];
  }

  private unsubscribeAll(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
  }

  private async join(detail: JoinDetail): Promise<void> {
    const host = this.host;
    if (host === null || this.phase !== 'join') return;
    this.alias = detail.alias;
    this.phase = 'joining';
    this.joinError = '';
    this.rememberName(detail.displayName);
    let outcome: JoinOutcome;
    try {
      outcome = await host.join({
        alias: detail.alias,
        displayName: detail.displayName,
        ...(detail.pin === null ? {} : { pin: detail.pin }),
      });
    } catch (error) {
      outcome = { kind: 'failed', message: errorText(error) };
    }
    if (outcome.kind === 'joined') {
      this.phase = 'in-call';
      this.pinRequired = false;
      document.title = `${this.alias} · Infinity Plugin Kit`;
      // As webapp2: the address is the conference's, without the query (and its PIN).
      window.history.replaceState(window.history.state, '', joinedAddress(this.alias));
      this.startMedia();
      return;
    }
    this.phase = 'join';
    if (outcome.kind === 'failed') {
      this.joinError = `Could not join ${this.alias}: ${outcome.message}`;
      return;
    }
    this.pinRequired = true;
    this.joinError = pinPrompt(outcome);
  }

  private async leave(): Promise<void> {
    this.stopMedia();
    this.phase = 'join';
    try {
      await this.host?.leave();
    } catch (error) {
      console.warn('[ipk-host-app] leave failed:', error);
    }
  }

  private onConnection(state: ConnectionState): void {
    this.connection = state;
    if (state.kind !== 'disconnected' || this.phase !== 'in-call') return;
    this.stopMedia();
    this.phase = 'join';
    this.joinError = `Disconnected: ${state.reason}`;
  }

  /**
   * The stage plays the call's media from the runtime (`media$`): the node's stream in
   * `#mainVideo`, the camera in `#selfviewVideo`. Until the node's stream arrives, or without
   * media (control-only), `#mainVideo` shows the painted roster so it always has frames.
   */
  private startMedia(): void {
    this.stagePainter = startStagePainter(document);
    this.stagePainter?.show(this.participants);
    this.showMedia();
  }

  private onMedia(state: MediaState): void {
    this.media = state;
    if (this.phase === 'in-call') this.showMedia();
  }

  private showMedia(): void {
    const media = this.media;
    this.selfStream = media.kind === 'off' ? null : media.local;
    this.mainStream =
      (media.kind === 'off' ? null : media.remote) ?? this.stagePainter?.stream ?? null;
  }

  /** The runtime stops the camera and the call; the app stops what it painted. */
  private stopMedia(): void {
    this.stagePainter?.stop();
    this.stagePainter = null;
    this.mainStream = null;
    this.selfStream = null;
  }

  private readonly onInvoke = (
    event: CustomEvent<{ key: string; participantUuid?: string }>,
  ): void => {
    const { key, participantUuid } = event.detail;
    if (participantUuid === undefined) {
      this.host?.invokeMenuItem(key);
      return;
    }
    const participant = this.participants.find((p) => p.uuid === participantUuid);
    if (participant !== undefined) this.host?.invokeMenuItem(key, participant);
  };

  private readonly onSendChat = (event: CustomEvent<{ text: string }>): void => {
    this.reportFailure(this.host?.sendChat(event.detail.text), 'Message not sent');
  };

  private readonly onSetPluginEnabled = (
    event: CustomEvent<{ id: string; enabled: boolean }>,
  ): void => {
    const { id, enabled } = event.detail;
    this.host?.setPluginEnabled(id, enabled).catch((error: unknown) => {
      this.showNotice({
        level: 'error',
        message: `Could not ${enabled ? 'enable' : 'disable'} ${id}: ${String(error)}`,
      });
    });
  };

  private readonly onTogglePanel = (event: CustomEvent<{ panel: SidePanel }>): void => {
    const tab = event.detail.panel;
    // The panel's own button hides it; any other shows that panel.
    this.sidebarOpen = !(this.sidebarOpen && this.sidebarTab === tab);
    this.sidebarTab = tab;
  };

  /**
   * webapp2's keyboard shortcut for the side panel, which chat-notify drives by dispatching
   * `keydown` on `window`: `s` shows or hides it; `S` opens it, or switches it between the
   * participants and the chat. (The two keys are our reading of what chat-notify expects: with
   * them each of its three cases ends with the chat showing.) Typing in a field is left alone.
   */
  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (this.phase !== 'in-call' || isTyping(event.target)) return;
    if (event.key === 's') {
      this.sidebarOpen = !this.sidebarOpen;
    } else if (event.key === 'S') {
      if (!this.sidebarOpen) this.sidebarOpen = true;
      else this.sidebarTab = this.sidebarTab === 'chat' ? 'participants' : 'chat';
    }
  };

  /** A failed request of the app's own becomes an error notice: `<what failed>: <why>`. */
  private reportFailure(request: Promise<unknown> | undefined, what: string): void {
    request?.catch((error: unknown) => {
      this.showNotice({ level: 'error', message: `${what}: ${errorText(error)}` });
    });
  }

  private showNotice(notice: Notice): void {
    const id = `notice-${++this.noticeCount}`;
    this.notices = [...this.notices, { ...notice, id }];
    this.noticeTimers.set(
      id,
      setTimeout(() => this.dismissNotice(id), NOTICE_MS),
    );
  }

  private dismissNotice(id: string): void {
    clearTimeout(this.noticeTimers.get(id));
    this.noticeTimers.delete(id);
    this.notices = this.notices.filter((notice) => notice.id !== id);
  }

  private rememberedName(): string | null {
    try {
      return localStorage.getItem(DISPLAY_NAME_KEY);
    } catch {
      return null; // Storage blocked (private mode, sandboxed frame): ask every time.
    }
  }

  private rememberName(name: string): void {
    try {
      localStorage.setItem(DISPLAY_NAME_KEY, name);
    } catch {
      // Storage blocked: the name is simply not remembered.
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A keystroke meant for a field, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function pinPrompt(outcome: Extract<JoinOutcome, { kind: 'pin-required' }>): string {
  if (outcome.wrongPin) return 'That PIN was not accepted. Try again.';
  if (!outcome.guestPin) return 'Enter the Host PIN, or leave it empty to join as a Guest.';
  return 'This conference needs a PIN.';
}

customElements.define('ipk-app', IpkApp);

declare global {
  interface HTMLElementTagNameMap {
    'ipk-app': IpkApp;
  }
}
