import {
  absenceReason,
  expect,
  readPluginPackage,
  test,
  type HostPage,
  expectUsableAndAccessible,
} from '@ipk/e2e';

const dtmf = readPluginPackage(new URL('../dtmf.plugin.package.json', import.meta.url));

test.beforeEach(({ platform }) => {
  const absent = absenceReason(dtmf, platform);
  test.skip(absent !== undefined, absent);
});

async function openKeypad(host: HostPage, participant: string) {
  const menu = await host.openParticipantMenu(participant);
  await menu.getByRole('menuitem', { name: 'Send DTMF' }).click();
  return host.dialog(`Send DTMF to ${participant}`);
}

// DTMF needs a participant with a call (the plugin hides the item for API-only ones such as the
// bots), and checking what arrived needs the node's records: these tests add SIP participants
// and read the digits through the mock node's control.
test.describe('dtmf', { tag: '@mock-only' }, () => {
  test('digits pressed on the keypad reach the chosen participant, and no one else', async ({
    host,
    mock,
    target,
  }) => {
    await host.join({ role: 'chair' });
    const { alias } = target.conference;
    const ivr = mock.addParticipant(alias, { displayName: 'IVR', protocol: 'sip' });
    // Both in the same tick: the roster must keep every participant of a burst.
    const room = mock.addParticipant(alias, { displayName: 'Room 4', protocol: 'sip' });
    await host.openParticipants();
    await expect(host.rosterRow('IVR')).toBeVisible();
    await expect(host.rosterRow('Room 4')).toBeVisible();

    const dialog = await openKeypad(host, 'IVR');
    const keypad = dialog.getByRole('group', { name: 'Keypad for IVR' });
    for (const key of ['4', '2', '#']) await keypad.getByRole('button', { name: key }).click();
    await expect(dialog.getByText('Sent: 42#', { exact: true })).toBeVisible();

    expect(mock.dtmfReceived(ivr.uuid)).toBe('42#');
    expect(mock.dtmfReceived(room.uuid)).toBe('');
  });

  test('a typed sequence with a character DTMF cannot carry is refused and nothing is sent', async ({
    host,
    mock,
    target,
  }) => {
    await host.join({ role: 'chair' });
    const ivr = mock.addParticipant(target.conference.alias, {
      displayName: 'IVR',
      protocol: 'sip',
    });
    const dialog = await openKeypad(host, 'IVR');
    await dialog.getByRole('textbox', { name: 'Digits' }).fill('12x');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(dialog.getByText('Only 0-9, * and # can be sent; remove: x')).toBeVisible();
    await expectUsableAndAccessible(host.page, 'keypad dialog with a refused sequence');
    expect(mock.dtmfReceived(ivr.uuid)).toBe('');
  });

  test('participants without a call (API-only) are not offered the keypad', async ({
    host,
    joinBot,
    mock,
    target,
  }) => {
    await host.join({ role: 'chair' });
    await joinBot({ name: 'Control Bot' });
    await host.openParticipants();
    await expect(host.rosterRow('Control Bot')).toBeVisible();
    mock.addParticipant(target.conference.alias, { displayName: 'Phone', protocol: 'sip' });
    let menu = await host.openParticipantMenu('Phone');
    await expect(menu.getByRole('menuitem', { name: 'Send DTMF' })).toBeVisible();
    await host.page.keyboard.press('Escape');
    menu = await host.openParticipantMenu('Control Bot');
    await expect(menu.getByRole('menuitem', { name: 'Send DTMF' })).toHaveCount(0);
  });
});
