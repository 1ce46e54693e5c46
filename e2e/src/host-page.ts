import { expect, type Locator, type Page } from '@playwright/test';
import type { Target } from './target.js';

export type Role = 'chair' | 'guest';

export interface JoinOptions {
  readonly role?: Role;
  readonly name?: string;
  /** Extra query parameters, e.g. `{strictPlugins: '1'}`. */
  readonly query?: Record<string, string>;
}

/**
 * The host app as a user sees it: every locator is a role and an accessible name listed in
 * `@ipk/host-app`'s README ("What is on the page"), so a test reads like what a person does.
 */
export class HostPage {
  readonly toolbar: Locator;
  readonly roster: Locator;
  readonly notifications: Locator;
  readonly chatLog: Locator;

  constructor(
    readonly page: Page,
    private readonly target: Target,
  ) {
    this.toolbar = page.getByRole('toolbar', { name: 'Conference toolbar' });
    this.roster = page.getByRole('list', { name: 'Participants' });
    this.notifications = page.getByRole('status', { name: 'Notifications' });
    this.chatLog = page.getByRole('log', { name: 'Chat messages' });
  }

  /** The deep link that joins straight away (host-app README, "Addresses"). */
  joinUrl(options: JoinOptions = {}): string {
    const { conference } = this.target;
    const pin = options.role === 'guest' ? conference.guestPin : conference.hostPin;
    const query = new URLSearchParams({
      name: options.name ?? HostPage.defaultName(options.role),
      ...(pin ? { pin } : {}),
      join: '1',
      ...options.query,
    });
    return `/webapp2/conference/${encodeURIComponent(conference.alias)}?${query}`;
  }

  /** The name a join uses when the test gives none. */
  static defaultName(role: Role = 'chair'): string {
    return role === 'guest' ? 'Gail Guest' : 'Harriet Host';
  }

  /** Joins and waits until the node has admitted us (the banner shows our name and role). */
  async join(options: JoinOptions = {}): Promise<void> {
    const name = options.name ?? HostPage.defaultName(options.role);
    await this.page.goto(this.joinUrl({ ...options, name }));
    await expect(this.toolbar).toBeVisible();
    await expect(this.page.getByRole('banner').getByText(`${name} · `)).toBeVisible();
  }

  /** A button in the toolbar itself (on a narrow screen, what does not fit is under "More"). */
  toolbarButton(name: string | RegExp): Locator {
    return this.toolbar.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /**
   * Every control the toolbar offers, by name, as a user finds them: its buttons and, when the
   * screen is too narrow for all of them, the rows of "More" (opened to read them, closed again).
   * The conference control menu's rows join "More" when its button does not fit. Not while a
   * modal dialog is open: a user cannot reach "More" then either.
   */
  async toolbarItemNames(): Promise<string[]> {
    const names = await this.toolbar
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map(
          (button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '',
        ),
      );
    if (!names.includes('More')) return names;
    const more = await this.openMoreMenu();
    const rows = await more.getByRole('menuitem').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await expect(more).toBeHidden();
    return [...names.filter((name) => name !== 'More'), ...rows.map((row) => row.trim())];
  }

  /** Waits until the toolbar offers (or, with `present: false`, no longer offers) a control. */
  async expectToolbarItem(name: string, { present = true } = {}): Promise<void> {
    await expect
      .poll(async () => (await this.toolbarItemNames()).includes(name), {
        message: `the toolbar ${present ? 'offers' : 'does not offer'} "${name}"`,
        // Plugins load in the background within ~0.1–0.3 s of the join: look often, not after
        // Playwright's default 100, 250, 500 and 1000 ms pauses.
        intervals: [25, 50, 100, 250],
      })
      .toBe(present);
  }

  /**
   * A toolbar control where a user sees it: its button, or its row under "More" (opened for it).
   * Waits until the toolbar offers it; the control's icon is inside, as `use` or `img`.
   */
  async showToolbarItem(name: string): Promise<Locator> {
    await this.expectToolbarItem(name);
    const button = this.toolbarButton(name);
    if (await button.isVisible()) return button;
    const more = await this.openMoreMenu();
    return more.getByRole('menuitem', { name, exact: true });
  }

  /**
   * Uses a toolbar control as a user would: its button, or its row under "More". The toolbar lays
   * itself out again as plugins load, so a control found in the bar can be under "More" by the
   * time it is clicked: it is found again until a click lands.
   */
  async useToolbarItem(name: string): Promise<void> {
    await expect(async () => {
      await (await this.showToolbarItem(name)).click({ timeout: 1_000 });
    }).toPass({ timeout: 10_000, intervals: [100, 250, 500] });
  }

  /** Opens "More" (the toolbar's overflow menu, on a narrow screen) and returns it. */
  async openMoreMenu(): Promise<Locator> {
    const menu = this.page.getByRole('menu', { name: 'More' });
    // Already open (a click that missed a moving row leaves it so): pressing "More" would close it.
    if (await menu.isVisible()) return menu;
    await this.toolbarButton('More').click();
    await expect(menu).toBeVisible();
    return menu;
  }

  /**
   * Opens the conference control menu and returns it; on a narrow screen its rows are under
   * "More", which is then the menu returned.
   */
  async openConferenceMenu(): Promise<Locator> {
    const button = this.toolbarButton('Conference control menu');
    if (!(await button.isVisible()) && (await this.toolbarButton('More').isVisible())) {
      return this.openMoreMenu();
    }
    await button.click();
    const menu = this.page.getByRole('menu', { name: 'Conference control' });
    await expect(menu).toBeVisible();
    return menu;
  }

  /** Picks an item of the conference control menu, e.g. a plugin's `conference` item. */
  async chooseConferenceMenuItem(name: string): Promise<void> {
    const menu = await this.openConferenceMenu();
    await menu.getByRole('menuitem', { name }).click();
  }

  /** A participant's row in the roster. */
  rosterRow(displayName: string): Locator {
    return this.roster.getByRole('listitem').filter({ hasText: displayName });
  }

  /** Opens "Actions for <name>" and returns that menu. */
  async openParticipantMenu(displayName: string): Promise<Locator> {
    await this.openParticipants();
    await this.roster.getByRole('button', { name: `Actions for ${displayName}` }).click();
    const menu = this.page.getByRole('menu', { name: `Actions for ${displayName}` });
    await expect(menu).toBeVisible();
    return menu;
  }

  /**
   * A plugin's dialog (`openTemplateDialog`/`openDialog`) by its title. The `role="dialog"` sits in
   * the `@ipk/dialogs` element's shadow root while the body is slotted light DOM, so the locator is
   * the element itself: `dialog(t).getByText(…)` then finds the body too.
   */
  dialog(title: string): Locator {
    return this.page
      .locator("xpath=//*[starts-with(local-name(), 'ipk-dialog')]")
      .filter({ has: this.page.getByRole('dialog', { name: title }) });
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.useToolbarItem('Settings');
    const dialog = this.page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    return new SettingsDialog(dialog);
  }

  async sendChat(text: string): Promise<void> {
    await this.openChat();
    await this.page.getByRole('textbox', { name: 'Chat message' }).fill(text);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  /**
   * Waits until `#mainVideo` plays the node's video: a track received on the call's peer
   * connection (`PEX.pexrtc.call.pc`), connected, with a frame. Until it arrives the stage shows
   * a picture of its own, and a test that looks in between sees the stream being swapped.
   */
  async waitForNodeVideo({ timeout = 15_000 } = {}): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const video = document.getElementById('mainVideo') as HTMLVideoElement | null;
        const pex = (
          window as unknown as { PEX?: { pexrtc?: { call?: { pc?: RTCPeerConnection } } } }
        ).PEX;
        const pc = pex?.pexrtc?.call?.pc;
        const stream = video?.srcObject;
        if (!video || !pc || !(stream instanceof MediaStream)) return false;
        const [track] = stream.getVideoTracks();
        return (
          pc.connectionState === 'connected' &&
          pc.getReceivers().some((receiver) => receiver.track === track) &&
          video.readyState >= 2 &&
          video.videoWidth > 0
        );
      },
      null,
      { timeout },
    );
  }

  /** Opens the chat panel (the roster and chat share the side panel). */
  async openChat(): Promise<void> {
    await this.showSidePanel('Chat');
    await expect(this.chatLog).toBeVisible();
  }

  /** Opens the participants panel. */
  async openParticipants(): Promise<void> {
    await this.showSidePanel('Participants');
    await expect(this.roster).toBeVisible();
  }

  /**
   * Shows the side panel on `tab`, reading whether it already shows from the toolbar as a user
   * (or a screen reader) does: the button is pressed, or "More" offers "Hide …". (An empty roster
   * is not "visible" to Playwright, so its visibility cannot tell.)
   */
  private async showSidePanel(tab: 'Participants' | 'Chat'): Promise<void> {
    const button = this.toolbarButton(tab);
    if (await button.isVisible()) {
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      return;
    }
    if ((await this.toolbarItemNames()).includes(`Hide ${tab.toLowerCase()}`)) return;
    await this.useToolbarItem(tab);
  }
}

/** Settings > Plugins. */
export class SettingsDialog {
  readonly plugins: Locator;

  constructor(readonly dialog: Locator) {
    this.plugins = dialog.getByRole('list', { name: 'Plugins' });
  }

  /** A plugin's row, by the `name` in its package file. */
  row(pluginName: string): Locator {
    return this.plugins.getByRole('listitem').filter({
      has: this.dialog.page().getByText(pluginName, { exact: true }),
    });
  }

  /** "Enable <name>": only present when the package file says `allowUnload: true`. */
  enableSwitch(pluginName: string): Locator {
    return this.dialog.getByRole('switch', { name: `Enable ${pluginName}` });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close settings' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
