import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test, type HostPage } from '../src/index.js';
import { REPO_DIR } from '../src/paths.js';

/** Saves the whole page as `plugins/<plugin>/docs/screenshot.png` (`screenshot-phone.png`). */
async function savePicture(host: HostPage, plugin: string): Promise<void> {
  const name = test.info().project.name === 'phone' ? 'screenshot-phone.png' : 'screenshot.png';
  const file = join(REPO_DIR, 'plugins', plugin, 'docs', name);
  await mkdir(dirname(file), { recursive: true });
  // Let the dialog's opening animation finish: the picture is taken once the layout is still.
  // (An animation cancelled meanwhile rejects `finished`: it is over too.)
  await host.page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  await host.page.screenshot({ path: file });
  console.log(`saved ${file}`);
}

test('recording: the toolbar button and the dialog', async ({ host, joinBot }) => {
  await host.join({ role: 'chair' });
  await joinBot({ name: 'Alice Andersen' });
  await host.useToolbarItem('Start recording');
  await host
    .dialog('Start recording')
    .getByRole('textbox', { name: 'Recorder address' })
    .fill('rtmp://recorder.example.com/live/weekly-meeting');
  await savePicture(host, 'recording');
});

test('chat-watcher: the rules dialog and a toast', async ({ host, joinBot }) => {
  await host.join({ role: 'chair' });
  await host.chooseConferenceMenuItem('Chat watcher rules');
  let dialog = host.dialog('Chat watcher rules');
  await dialog.getByRole('textbox', { name: 'When a message matches' }).fill('urgent');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await dialog.getByRole('textbox', { name: 'When a message matches' }).nth(1).fill('/^help\\b/i');
  await dialog
    .getByRole('combobox', { name: 'Then' })
    .nth(1)
    .selectOption({ label: 'Show an alert' });
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  const bot = await joinBot({ name: 'Alice Andersen' });
  await bot.chat('Urgent: the projector in room 4 is down');
  await expect(host.page.getByRole('status').filter({ hasText: 'projector' })).toBeVisible();
  await host.chooseConferenceMenuItem('Chat watcher rules');
  dialog = host.dialog('Chat watcher rules');
  await expect(dialog.getByRole('textbox', { name: 'When a message matches' })).toHaveCount(2);
  await savePicture(host, 'chat-watcher');
});

test('screenshot: the dialog with a preview', async ({ host, joinBot }) => {
  await host.join({ role: 'chair' });
  await joinBot({ name: 'Alice Andersen' });
  await joinBot({ name: 'Meeting Room 4' });
  await host.openParticipants();
  await expect(host.rosterRow('Meeting Room 4')).toBeVisible();
  await expect(host.page.locator('#mainVideo')).toHaveJSProperty('readyState', 4);
  await host.chooseConferenceMenuItem('Take a screenshot');
  await expect(
    host.dialog('Take a screenshot').getByRole('img', { name: 'Preview of the screenshot' }),
  ).toBeVisible();
  await savePicture(host, 'screenshot');
});

test('layout: the layout dialog', async ({ host, joinBot }) => {
  await host.join({ role: 'chair' });
  await joinBot({ name: 'Alice Andersen' });
  await host.useToolbarItem('Change layout');
  await expect(
    host.dialog('Conference layout').getByRole('button', { name: '2 × 2' }),
  ).toBeVisible();
  await savePicture(host, 'layout');
});

test('dtmf: the keypad for a SIP participant', async ({ host, mock, target }) => {
  await host.join({ role: 'chair' });
  mock.addParticipant(target.conference.alias, {
    displayName: 'Conference bridge',
    protocol: 'sip',
  });
  const menu = await host.openParticipantMenu('Conference bridge');
  await menu.getByRole('menuitem', { name: 'Send DTMF' }).click();
  const dialog = host.dialog('Send DTMF to Conference bridge');
  const keypad = dialog.getByRole('group', { name: 'Keypad for Conference bridge' });
  for (const key of ['1', '2', '3', '4', '#'])
    await keypad.getByRole('button', { name: key }).click();
  await expect(dialog.getByText('Sent: 1234#', { exact: true })).toBeVisible();
  await savePicture(host, 'dtmf');
});
