import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  conferenceDetails,
  menuItem,
  participant,
  pluginRecord,
} from './test-fixtures/fake-host.js';
import { mountApp } from './test-fixtures/mount-app.js';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

async function joinFromForm(alias: string, name: string): Promise<void> {
  fireEvent.input(await screen.findByLabelText('Conference'), { target: { value: alias } });
  fireEvent.input(screen.getByLabelText('Your name'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Join' }));
}

async function joined() {
  const mounted = mountApp('/webapp2/conference/meet?name=Alice&join=1');
  await screen.findByRole('toolbar', { name: 'Conference toolbar' });
  return mounted;
}

describe('joining', () => {
  it('joins with the conference and name typed on the join screen', async () => {
    const { host } = mountApp();
    await joinFromForm('meet', 'Alice');
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    expect(host.calls.join).toEqual([{ alias: 'meet', displayName: 'Alice' }]);
  });

  it('asks for a PIN only once the node requires one, then joins with it', async () => {
    const { host } = mountApp();
    host.joinOutcomes = [
      { kind: 'pin-required', hostPin: true, guestPin: true, wrongPin: false },
      { kind: 'joined', role: 'chair' },
    ];
    expect(screen.queryByLabelText('PIN')).toBeNull();
    await joinFromForm('meet', 'Alice');
    const pin = await screen.findByLabelText('PIN');
    expect(screen.getByRole('alert').textContent).toContain('needs a PIN');
    fireEvent.input(pin, { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    expect(host.calls.join[1]).toEqual({ alias: 'meet', displayName: 'Alice', pin: '1234' });
  });

  it('lets a Guest join with an empty PIN where only the Host PIN is set', async () => {
    const { host } = mountApp();
    host.joinOutcomes = [
      { kind: 'pin-required', hostPin: true, guestPin: false, wrongPin: false },
      { kind: 'joined', role: 'guest' },
    ];
    await joinFromForm('meet', 'Gus');
    expect((await screen.findByRole('alert')).textContent).toContain('leave it empty');
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    expect(host.calls.join[1]).toEqual({ alias: 'meet', displayName: 'Gus', pin: '' });
  });

  it('says so when the node refuses the PIN', async () => {
    const { host } = mountApp();
    host.joinOutcomes = [{ kind: 'pin-required', hostPin: true, guestPin: true, wrongPin: true }];
    await joinFromForm('meet', 'Alice');
    expect((await screen.findByRole('alert')).textContent).toContain('not accepted');
  });

  it('shows why joining failed and stays on the join screen', async () => {
    const { host } = mountApp();
    host.joinOutcomes = [{ kind: 'failed', message: 'Conference not found' }];
    await joinFromForm('nowhere', 'Alice');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not join nowhere: Conference not found',
    );
    expect(screen.getByLabelText('Conference')).toBeTruthy();
  });

  it('joins straight away from a deep link with name and pin', async () => {
    const { host } = mountApp('/webapp2/conference/meet?name=Bob&pin=4321&join=1');
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    expect(host.calls.join).toEqual([{ alias: 'meet', displayName: 'Bob', pin: '4321' }]);
  });

  it('joins straight away from ?conference=<alias>', async () => {
    const { host } = mountApp('/webapp2/?conference=meet&name=Carol');
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    expect(host.calls.join).toEqual([{ alias: 'meet', displayName: 'Carol' }]);
  });

  it('fills in a deep link without join=1 and waits for the user', async () => {
    const { host } = mountApp('/webapp2/conference/meet?name=Dan');
    expect(((await screen.findByLabelText('Conference')) as HTMLInputElement).value).toBe('meet');
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Dan');
    expect(host.calls.join).toEqual([]);
  });

  it('returns to the join screen with the reason when the node drops the call', async () => {
    const { host } = await joined();
    host.connection.next({ kind: 'disconnected', reason: 'Disconnected by the host' });
    expect((await screen.findByRole('alert')).textContent).toContain('Disconnected by the host');
  });

  it('says it is reconnecting while the event stream is down, and stays in the call', async () => {
    const { host } = await joined();
    host.connection.next({ kind: 'reconnecting' });
    await screen.findByText('Reconnecting…');
    host.connection.next({ kind: 'connected' });
    await waitFor(() => expect(screen.queryByText('Reconnecting…')).toBeNull());
    screen.getByRole('toolbar', { name: 'Conference toolbar' });
  });

  it('leaves from the toolbar', async () => {
    const { host } = await joined();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByLabelText('Conference');
    expect(host.calls.leave).toBe(1);
  });
});

describe('the stage', () => {
  it('puts #mainVideo and #selfviewVideo in the document, where plugins look for them', async () => {
    await joined();
    const main = document.getElementById('mainVideo') as HTMLVideoElement;
    expect(main.tagName).toBe('VIDEO');
    expect(main.autoplay).toBe(true);
    expect(main.hasAttribute('playsinline')).toBe(true);
    expect(document.getElementById('selfviewVideo')?.tagName).toBe('VIDEO');
  });

  it('gives the videos real dimensions before any media arrives', async () => {
    await joined();
    const size = (id: string) => {
      const video = document.getElementById(id);
      return [video?.getAttribute('width'), video?.getAttribute('height')];
    };
    expect(size('mainVideo')).toEqual(['1280', '720']);
    expect(size('selfviewVideo')).toEqual(['320', '180']);
  });
});

describe('the toolbar', () => {
  it('shows each visible plugin toolbar item as a button named by its label', async () => {
    const { host } = await joined();
    host.menuItems.next([
      menuItem({ key: 'a', placement: 'toolbar', label: 'Start recording', iconUrl: '/i.svg#rec' }),
      menuItem({ key: 'b', placement: 'toolbar', label: 'Hidden one', hidden: true }),
      menuItem({ key: 'c', placement: 'conference', label: 'Not on the toolbar' }),
      menuItem({
        key: 'd',
        placement: 'toolbar',
        label: null,
        iconUrl: 'http://node/x.svg#x',
        action: 'takeScreenshot',
        pluginName: 'Screenshot',
      }),
    ]);
    const toolbar = screen.getByRole('toolbar', { name: 'Conference toolbar' });
    const button = await within(toolbar).findByRole('button', { name: 'Start recording' });
    expect(button.getAttribute('title')).toBe('Start recording');
    expect(within(toolbar).queryByRole('button', { name: 'Hidden one' })).toBeNull();
    expect(within(toolbar).queryByRole('button', { name: 'Not on the toolbar' })).toBeNull();
    // An icon and no label: the button is named after the plugin, never its action function.
    within(toolbar).getByRole('button', { name: 'Screenshot' });
    expect(within(toolbar).queryByRole('button', { name: 'takeScreenshot' })).toBeNull();
    fireEvent.click(button);
    expect(host.calls.invokeMenuItem).toEqual([{ key: 'a' }]);
  });

  it("asks the host to mute the microphone and shows the host's state", async () => {
    const { host } = await joined();
    fireEvent.click(screen.getByRole('button', { name: 'Mute microphone' }));
    await screen.findByRole('button', { name: 'Unmute microphone' });
    expect(host.calls.controls).toEqual(['microphone:true']);
  });

  it("follows the host's self-media state, whoever changed it (a plugin's PEX.dispatchAction)", async () => {
    const { host } = await joined();
    host.selfMedia.next({ microphoneMuted: false, cameraMuted: true });
    await screen.findByRole('button', { name: 'Start camera' });
    expect(host.calls.controls).toEqual([]);
  });
});

describe('the conference control menu', () => {
  async function openMenu() {
    fireEvent.click(screen.getByRole('button', { name: 'Conference control menu' }));
    return screen.findByRole('menu', { name: 'Conference control' });
  }

  it("offers a Host the app's lock and mute-guests items, then the plugins' items", async () => {
    const { host } = await joined();
    host.menuItems.next([
      menuItem({ key: 'shot', placement: 'conference', label: 'Take screenshot' }),
      menuItem({ key: 'gone', placement: 'conference', label: 'Hidden', hidden: true }),
    ]);
    const menu = await openMenu();
    const names = within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent?.trim());
    expect(names).toEqual(['Lock conference', 'Mute all guests', 'Take screenshot']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Lock conference' }));
    expect(host.calls.controls).toEqual(['lock']);
  });

  it('turns into "Unlock conference" when the conference is locked', async () => {
    const { host } = await joined();
    host.conference.next(conferenceDetails({ locked: true, guestsMuted: true }));
    const menu = await openMenu();
    within(menu).getByRole('menuitem', { name: 'Unlock conference' });
    within(menu).getByRole('menuitem', { name: 'Unmute all guests' });
  });

  it("gives a Guest only the plugins' items, and calls the plugin's action", async () => {
    const { host } = mountApp('/webapp2/conference/meet?name=Gus&join=1');
    host.joinOutcomes = [{ kind: 'joined', role: 'guest' }];
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    host.menuItems.next([
      menuItem({ key: 'shot', placement: 'conference', label: 'Take screenshot' }),
    ]);
    const menu = await openMenu();
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(1);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Take screenshot' }));
    expect(host.calls.invokeMenuItem).toEqual([{ key: 'shot' }]);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  });
});

describe('the roster', () => {
  const mallory = participant({ uuid: 'm', name: '<img src=x onerror="window.__pwned=1">' });
  const scripted = participant({ uuid: 's', name: '<script>window.__pwned=1</script>' });

  it('renders display names from the node as text, never as HTML', async () => {
    const { host } = await joined();
    host.participants.next([mallory, scripted]);
    const roster = await screen.findByRole('list', { name: 'Participants' });
    await within(roster).findByText(mallory.name);
    within(roster).getByText(scripted.name);
    expect(roster.querySelector('img, script')).toBeNull();
    expect(Reflect.get(window, '__pwned')).toBeUndefined();
  });

  it("lists each participant's plugin items, relabelled or hidden per participant", async () => {
    const { host } = await joined();
    const alice = participant({ uuid: 'a', name: 'Alice' });
    const bob = participant({ uuid: 'b', name: 'Bob' });
    host.participants.next([alice, bob]);
    host.menuItems.next([
      menuItem({
        key: 'rename',
        placement: 'participants',
        label: 'Rename',
        perParticipant: { b: null },
      }),
      menuItem({
        key: 'spotlight',
        placement: 'participants',
        label: 'Spotlight',
        perParticipant: { a: { label: 'Remove spotlight', iconUrl: null } },
      }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Alice' }));
    const aliceMenu = await screen.findByRole('menu', { name: 'Actions for Alice' });
    expect(
      within(aliceMenu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent?.trim()),
    ).toEqual(['Rename', 'Remove spotlight']);
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Bob' }));
    const bobMenu = await screen.findByRole('menu', { name: 'Actions for Bob' });
    expect(
      within(bobMenu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent?.trim()),
    ).toEqual(['Spotlight']);
    fireEvent.click(within(bobMenu).getByRole('menuitem', { name: 'Spotlight' }));
    expect(host.calls.invokeMenuItem).toEqual([{ key: 'spotlight', participant: bob }]);
  });
});

describe('chat', () => {
  it('shows messages as text and sends what the user types', async () => {
    const { host } = await joined();
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));
    host.timeline.next([
      {
        kind: 'chat',
        id: '1',
        origin: '<b>Eve</b>',
        uuid: 'e',
        text: '<img src=x onerror="window.__pwned=1">',
        at: 0,
        direct: false,
        own: false,
      },
      { kind: 'joined', id: '2', uuid: 'b', name: 'Bob', at: 1 },
    ]);
    const log = await screen.findByRole('log', { name: 'Chat messages' });
    await within(log).findByText('<b>Eve</b>');
    expect(log.querySelector('img, b')).toBeNull();
    fireEvent.input(screen.getByLabelText('Chat message'), { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(host.calls.sendChat).toEqual(['hello']);
  });

  it('lists joins in the timeline, and picking an entry tells the host (SELECT_EVENT)', async () => {
    const { host } = await joined();
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));
    host.timeline.next([{ kind: 'joined', id: 'event-7', uuid: 'b', name: 'Bob', at: 1 }]);
    const log = await screen.findByRole('log', { name: 'Chat messages' });
    fireEvent.click(await within(log).findByRole('button', { name: /Bob joined/ }));
    expect(host.calls.selectTimelineEntry).toEqual(['event-7']);
  });
});

describe('Settings > Plugins', () => {
  async function openPlugins() {
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    return within(dialog).getByRole('list', { name: 'Plugins' });
  }

  it('lists name, description and status, with a switch where allowUnload is set', async () => {
    const { host } = await joined();
    host.plugins.next([
      pluginRecord({ id: 'rec', name: 'Recording', description: 'Record the conference' }),
      pluginRecord({ id: 'fixed', name: 'Fixed', allowUnload: false }),
    ]);
    const list = await openPlugins();
    const [recording, fixed] = within(list).getAllByRole('listitem');
    expect(recording?.textContent).toContain('Recording');
    expect(recording?.textContent).toContain('Record the conference');
    expect(recording?.textContent).toContain('Running');
    within(recording as HTMLElement).getByRole('switch', { name: 'Enable Recording' });
    expect(within(fixed as HTMLElement).queryByRole('switch')).toBeNull();
  });

  it('disables and re-enables a plugin through the runtime', async () => {
    const { host } = await joined();
    host.plugins.next([pluginRecord({ id: 'rec', name: 'Recording' })]);
    const list = await openPlugins();
    const toggle = within(list).getByRole('switch', { name: 'Enable Recording' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    expect(host.calls.setPluginEnabled).toEqual([{ id: 'rec', enabled: false }]);
    host.plugins.next([
      pluginRecord({
        id: 'rec',
        name: 'Recording',
        enabled: false,
        status: { kind: 'disabled', by: 'user' },
      }),
    ]);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    fireEvent.click(toggle);
    expect(host.calls.setPluginEnabled[1]).toEqual({ id: 'rec', enabled: true });
  });

  it('shows why a plugin is skipped, failed or invalid', async () => {
    const { host } = await joined();
    host.plugins.next([
      pluginRecord({
        id: 'ios',
        name: 'iOS only',
        status: {
          kind: 'skipped',
          cause: 'platform',
          reason: 'platforms [ios] do not include web',
        },
      }),
      pluginRecord({
        id: 'boom',
        name: 'Boom',
        status: { kind: 'failed', phase: 'load', message: 'TypeError: x is undefined' },
      }),
      pluginRecord({
        id: 'bad',
        name: 'bad',
        status: {
          kind: 'invalid',
          reason: 'plugins/bad/bad.plugin.package.json: /menuItems must be object',
        },
      }),
    ]);
    const list = await openPlugins();
    const text = list.textContent ?? '';
    expect(text).toContain('Skipped');
    expect(text).toContain('platforms [ios] do not include web');
    expect(text).toContain('Failed');
    expect(text).toContain('load: TypeError: x is undefined');
    expect(text).toContain('/menuItems must be object');
    // A plugin that cannot run here cannot be switched on either.
    expect(
      within(list).getByRole('switch', { name: 'Enable iOS only' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('opens from the join screen too, to see invalid plugins before joining', async () => {
    const { host } = mountApp();
    host.plugins.next([
      pluginRecord({
        id: 'bad',
        name: 'bad',
        status: { kind: 'invalid', reason: 'settings.json: /plugins/0/srcURL is missing' },
      }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    expect(dialog.textContent).toContain('settings.json: /plugins/0/srcURL is missing');
  });

  it('closes with its close button', async () => {
    await joined();
    await openPlugins();
    fireEvent.click(screen.getByRole('button', { name: 'Close settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull());
  });
});

describe('faults and notices', () => {
  it("shows the runtime's notices as toasts that can be dismissed", async () => {
    const { host } = await joined();
    host.notices.next({ level: 'error', message: 'Plugin "boom" failed: nope', pluginId: 'boom' });
    const toasts = screen.getByRole('status', { name: 'Notifications' });
    await within(toasts).findByText('Plugin "boom" failed: nope');
    expect(within(within(toasts).getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(toasts).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(within(toasts).queryByText('Plugin "boom" failed: nope')).toBeNull(),
    );
  });

  it('shows the Oops page when the runtime reports a fatal plugin error (strictPlugins)', async () => {
    const { host } = mountApp('/webapp2/conference/meet?name=A&join=1&strictPlugins=1');
    await screen.findByRole('toolbar', { name: 'Conference toolbar' });
    host.fatalError.next(new Error('boom threw in load'));
    const oops = await screen.findByRole('alert');
    expect(oops.textContent).toContain('Oops');
    expect(oops.textContent).toContain('boom threw in load');
    expect(screen.queryByRole('toolbar')).toBeNull();
  });
});
