import { readFile } from 'node:fs/promises';
import {
  absenceReason,
  expect,
  readPluginPackage,
  test,
  expectUsableAndAccessible,
} from '@ipk/e2e';

const screenshot = readPluginPackage(new URL('../screenshot.plugin.package.json', import.meta.url));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.beforeEach(({ platform }) => {
  const absent = absenceReason(screenshot, platform);
  test.skip(absent !== undefined, absent);
});

test.describe('screenshot', () => {
  for (const role of ['chair', 'guest'] as const) {
    test(`a ${role} previews the conference video and downloads it as a PNG named after the conference`, async ({
      host,
      target,
    }) => {
      test.skip(
        role === 'guest' && !target.conference.guestPin,
        'no guest PIN for the conference under test',
      );
      await host.join({ role });
      if (target.kind === 'upstream') {
        // A real node's video replaces the stage's own picture once the call is up: looking in
        // between would find the stream being swapped.
        await host.waitForNodeVideo();
      }
      await expect(host.page.locator('#mainVideo')).toHaveJSProperty('readyState', 4);
      await host.chooseConferenceMenuItem('Take a screenshot');
      const dialog = host.dialog('Take a screenshot');
      await expect(dialog.getByRole('radio', { name: 'Conference video' })).toBeChecked();
      const preview = dialog.getByRole('img', { name: 'Preview of the screenshot' });
      await expect(preview).toBeVisible();
      await expect(preview).not.toHaveJSProperty('naturalWidth', 0);
      await expectUsableAndAccessible(host.page, `screenshot dialog (${role})`);

      const [download] = await Promise.all([
        host.page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Download PNG' }).click(),
      ]);
      // <conference name, file-name-safe>-<YYYYMMDD-HHMMSS>.png; the mock's `secure` is "Secure meeting".
      const conference = target.kind === 'mock' ? 'Secure-meeting' : '[A-Za-z0-9._-]+';
      const name = new RegExp(`^${conference}-\\d{8}-\\d{6}\\.png$`);
      expect(download.suggestedFilename()).toMatch(name);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    });
  }

  test('with no video showing yet it says so instead of saving an empty picture', async ({
    host,
    target,
  }) => {
    await host.join();
    // On a real node its video arrives with the call and would be put back on the stage: wait
    // for it first, so nothing comes after the videos are emptied.
    if (target.kind === 'upstream') await host.waitForNodeVideo();
    // The state before the node's video arrives: no <video> has a frame.
    await host.page.evaluate(() => {
      for (const video of document.querySelectorAll('video')) {
        video.srcObject = null;
        video.load();
      }
    });
    await host.chooseConferenceMenuItem('Take a screenshot');
    const dialog = host.dialog('Take a screenshot');
    await expect(
      dialog.getByText('No video is showing yet. Try again once the conference video appears.'),
    ).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Download PNG' })).toHaveCount(0);
  });
});
