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

  toolbarButton(name: string | RegExp): Locator {
    return this.toolbar.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Opens the conference control menu and returns it. */
  async openConferenceMenu(): Promise<Locator> {
    await this.toolbarButton('Conference control menu').click();
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
    await this.toolbarButton('Settings').click();
    const dialog = this.page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    return new SettingsDialog(dialog);
  }

  async sendChat(text: string): Promise<void> {
    if (!(await this.chatLog.isVisible())) await this.toolbarButton('Chat').click();
    await this.page.getByRole('textbox', { name: 'Chat message' }).fill(text);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  /** Opens the chat panel (the roster and chat share the side panel). */
  async openChat(): Promise<void> {
    if (!(await this.chatLog.isVisible())) await this.toolbarButton('Chat').click();
    await expect(this.chatLog).toBeVisible();
  }

  /** Opens the participants panel. */
  async openParticipants(): Promise<void> {
    if (!(await this.roster.isVisible())) await this.toolbarButton('Participants').click();
    await expect(this.roster).toBeVisible();
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
