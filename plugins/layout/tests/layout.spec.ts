import {
  absenceReason,
  expect,
  readPluginPackage,
  test,
  expectUsableAndAccessible,
} from '@ipk/e2e';

const layout = readPluginPackage(new URL('../layout.plugin.package.json', import.meta.url));

test.beforeEach(({ platform }) => {
  const absent = absenceReason(layout, platform);
  test.skip(absent !== undefined, absent);
});

test.describe('layout', () => {
  test('a layout chosen by the host is announced by the node to everyone', async ({
    host,
    joinBot,
  }) => {
    await host.join({ role: 'chair' });
    const watcher = await joinBot({ name: 'Layout Watcher' });
    await host.useToolbarItem('Change layout');
    const dialog = host.dialog('Conference layout');
    await dialog.getByRole('button', { name: '2 × 2' }).click();
    await expect(dialog.getByRole('button', { name: '2 × 2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectUsableAndAccessible(host.page, 'layout dialog');

    // The other side learns it from the node's `layout` event, not from the plugin.
    const announced = await watcher.waitForEvent(
      'layout',
      (data) => (data as { view?: unknown }).view === '4:0',
    );
    expect(announced.data).toMatchObject({ view: '4:0' });
  });

  test('"Back to default" resets the layout and the dialog says what applies', async ({
    host,
    joinBot,
  }) => {
    await host.join({ role: 'chair' });
    const watcher = await joinBot({ name: 'Layout Watcher' });
    await host.useToolbarItem('Change layout');
    const dialog = host.dialog('Conference layout');
    await dialog.getByRole('button', { name: '2 × 2' }).click();
    await watcher.waitForEvent('layout', (data) => (data as { view?: unknown }).view === '4:0');
    await dialog.getByRole('button', { name: 'Back to default' }).click();
    await expect(dialog.getByRole('button', { name: '2 × 2' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(dialog.getByRole('alert')).toHaveText('');
  });
});
