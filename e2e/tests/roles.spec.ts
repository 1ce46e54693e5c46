import { expect, readPluginPackage, test } from '@ipk/e2e';

const recording = readPluginPackage(
  new URL('../../plugins/recording/recording.plugin.package.json', import.meta.url),
);
const chatWatcher = readPluginPackage(
  new URL('../../plugins/chat-watcher/chat-watcher.plugin.package.json', import.meta.url),
);

test.describe('chair versus guest (package file "participantRoles")', () => {
  test('a chair gets the chair-only plugins', async ({ host }) => {
    await host.join({ role: 'chair' });
    await host.expectToolbarItem('Start recording');
    const menu = await host.openConferenceMenu();
    await expect(menu.getByRole('menuitem', { name: 'Chat watcher rules' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Take a screenshot' })).toBeVisible();
  });

  test('a guest does not see them, and Settings says why', async ({ host, target }) => {
    test.skip(
      !target.conference.guestPin,
      'no guest PIN for the conference under test (set PEXIP_GUEST_PIN): everyone joins as host',
    );
    await host.join({ role: 'guest' });
    await expect(host.page.getByRole('banner')).toContainText('· Guest');
    const menu = await host.openConferenceMenu();
    await expect(menu.getByRole('menuitem', { name: 'Take a screenshot' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Chat watcher rules' })).toHaveCount(0);
    await host.page.keyboard.press('Escape');

    const settings = await host.openSettings();
    for (const plugin of [recording, chatWatcher]) {
      await expect(settings.row(plugin.name)).toContainText('Skipped');
      await expect(settings.row(plugin.name)).toContainText(
        'role guest not allowed (package participantRoles: chair)',
      );
    }
    await settings.close();
    // Only now, with every plugin settled: before the plugins load, any control is absent.
    await host.expectToolbarItem('Start recording', { present: false });
  });
});
