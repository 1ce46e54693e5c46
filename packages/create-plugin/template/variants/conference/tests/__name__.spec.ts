// End to end: the built plugin in the kit's host app (the e2e suite runs plugins/*/tests/*.spec.ts
// on web, Android, iOS and Electron, against the mock node or a real deployment).
import {
  absenceReason,
  expect,
  expectUsableAndAccessible,
  readPluginPackage,
  test,
} from '@ipk/e2e';

const plugin = readPluginPackage(new URL('../__name__.plugin.package.json', import.meta.url));

test.beforeEach(({ platform }) => {
  const absent = absenceReason(plugin, platform);
  test.skip(absent !== undefined, absent);
});

test('__title__ in the conference control menu opens a dialog that says hello', async ({
  host,
}) => {
  await host.join();
  await host.chooseConferenceMenuItem('__title__');
  await expect(host.dialog('__title__')).toContainText('Hello');
  // Fits the screen on every device, and axe finds no serious or critical violation.
  await expectUsableAndAccessible(host.page, '__title__ dialog');
});
