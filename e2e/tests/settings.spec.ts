import { expect, readPluginPackage, test } from '@ipk/e2e';

const recording = readPluginPackage(
  new URL('../../plugins/recording/recording.plugin.package.json', import.meta.url),
);
const desktopOnly = readPluginPackage(
  new URL('../fixtures/plugins/desktop-only/desktop-only.plugin.package.json', import.meta.url),
);

test.describe('Settings > Plugins', () => {
  test('switching a plugin off unloads it, and the choice survives a reload until it is switched on', async ({
    host,
  }) => {
    await host.join();
    await host.expectToolbarItem('Start recording');

    let settings = await host.openSettings();
    await expect(settings.row(recording.name)).toContainText('Running');
    await settings.enableSwitch(recording.name).click();
    await expect(settings.enableSwitch(recording.name)).not.toBeChecked();
    await expect(settings.row(recording.name)).toContainText('Disabled');
    await settings.close();
    await host.expectToolbarItem('Start recording', { present: false });

    await host.join();
    settings = await host.openSettings();
    await expect(settings.row(recording.name)).toContainText('Disabled');
    await settings.enableSwitch(recording.name).click();
    await expect(settings.row(recording.name)).toContainText('Running');
    await settings.close();
    await host.expectToolbarItem('Start recording');
  });

  test('a plugin whose package file says allowUnload: false has no switch', async ({
    host,
    platform,
  }) => {
    test.skip(
      !desktopOnly.platforms.includes(platform),
      `the allowUnload fixture is limited to ${desktopOnly.platforms.join(', ')}`,
    );
    expect(desktopOnly.allowUnload).toBe(false);
    await host.join();
    const settings = await host.openSettings();
    await expect(settings.row(desktopOnly.name)).toContainText('Running');
    await expect(settings.enableSwitch(desktopOnly.name)).toHaveCount(0);
    // …while a plugin that allows it has one, in the same list.
    await expect(settings.enableSwitch(recording.name)).toBeChecked();
  });
});
