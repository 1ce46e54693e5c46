import { absenceReason, expect, readPluginPackage, test } from '@ipk/e2e';

// Two fixtures: desktop-only (web, electron) and electron-only (electron). Together they tell each
// of the four platforms apart, so the test proves the host detected this project's platform.
const desktopOnly = readPluginPackage(
  new URL('../fixtures/plugins/desktop-only/desktop-only.plugin.package.json', import.meta.url),
);
const electronOnly = readPluginPackage(
  new URL('../fixtures/plugins/electron-only/electron-only.plugin.package.json', import.meta.url),
);

test.describe('plugins limited to some platforms (package file "platforms")', () => {
  test('run where their package file lists the platform told by the user agent, and are absent elsewhere', async ({
    host,
    platform,
  }) => {
    await host.join();
    // No ?platform= override: the runtime reads the user agent (Electron/, iPhone, Android).
    expect(new URL(host.page.url()).searchParams.has('platform')).toBe(false);

    const settings = await host.openSettings();
    for (const plugin of [desktopOnly, electronOnly]) {
      const absent = absenceReason(plugin, platform);
      const row = settings.row(plugin.name);
      if (absent) {
        await expect(row).toContainText('Skipped');
        await expect(row).toContainText(
          `not available on ${platform} (package platforms: ${plugin.platforms.join(', ')})`,
        );
      } else {
        await expect(row).toContainText('Running');
      }
    }
    await settings.close();

    if (absenceReason(desktopOnly, platform)) {
      await host.expectToolbarItem('Desktop only', { present: false });
    } else {
      await host.useToolbarItem('Desktop only');
      await expect(
        host.dialog('Desktop only').getByText('Loaded on a desktop platform.'),
      ).toBeVisible();
    }
  });
});
