import {
  absenceReason,
  expect,
  readPluginPackage,
  test,
  type HostPage,
  expectUsableAndAccessible,
} from '@ipk/e2e';

const chatWatcher = readPluginPackage(
  new URL('../chat-watcher.plugin.package.json', import.meta.url),
);

test.beforeEach(({ platform }) => {
  const absent = absenceReason(chatWatcher, platform);
  test.skip(absent !== undefined, absent);
});

interface RuleInput {
  readonly pattern: string;
  /** The label of the action, as in the dialog's "Then" list. */
  readonly then: string;
}

/** Opens "Chat watcher rules", fills one row per rule and presses "Save rules". */
async function saveRules(host: HostPage, rules: readonly RuleInput[]): Promise<void> {
  await host.chooseConferenceMenuItem('Chat watcher rules');
  const dialog = host.dialog('Chat watcher rules');
  for (const [index, rule] of rules.entries()) {
    if (index > 0) await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog
      .getByRole('textbox', { name: 'When a message matches' })
      .nth(index)
      .fill(rule.pattern);
    await dialog
      .getByRole('combobox', { name: 'Then' })
      .nth(index)
      .selectOption({ label: rule.then });
  }
  await dialog.getByRole('button', { name: 'Save rules' }).click();
}

test.describe('chat watcher', () => {
  test('a message matching a rule raises a toast, and a lock rule locks the conference', async ({
    host,
    joinBot,
  }) => {
    await host.join({ role: 'chair' });
    await saveRules(host, [
      { pattern: 'urgent', then: 'Raise a toast' },
      { pattern: '/^lock\\b/i', then: 'Lock the conference' },
    ]);
    await expect(host.dialog('Chat watcher rules')).toBeHidden();

    const bot = await joinBot({ name: 'Sam Sender' });
    await bot.chat('URGENT: the projector is down');
    const toast = host.page
      .getByRole('status')
      .filter({ hasText: 'URGENT: the projector is down' });
    await expect(toast).toContainText('Sam Sender');
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toHaveCount(0);

    await bot.chat('Lock it, please');
    const menu = await host.openConferenceMenu();
    await expect(menu.getByRole('menuitem', { name: 'Unlock conference' })).toBeVisible();
  });

  test('an alert rule opens a dialog that shows the message as text, never as markup', async ({
    host,
    joinBot,
  }) => {
    await host.join({ role: 'chair' });
    await saveRules(host, [{ pattern: 'help', then: 'Show an alert' }]);
    const bot = await joinBot({ name: 'Mallory' });
    await bot.chat('help <img src=x onerror="document.title=\'pwned\'">');

    const alert = host.dialog('Chat alert');
    await expect(
      alert.getByText('help <img src=x onerror="document.title=\'pwned\'">'),
    ).toBeVisible();
    await expect(alert.getByText('Mallory')).toBeVisible();
    await expectUsableAndAccessible(host.page, 'chat alert dialog');
    await expect(host.page).not.toHaveTitle('pwned');
  });

  test('a rule that is not a valid regular expression is refused with the reason and nothing is saved', async ({
    host,
  }) => {
    await host.join({ role: 'chair' });
    await saveRules(host, [{ pattern: '/(unclosed/', then: 'Raise a toast' }]);
    const dialog = host.dialog('Chat watcher rules');
    await expect(dialog.getByRole('alert')).toContainText('Rule 1:');
    await expect(dialog).toBeVisible();
    await expectUsableAndAccessible(host.page, 'rules dialog with a refused rule');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await host.chooseConferenceMenuItem('Chat watcher rules');
    await expect(
      host.dialog('Chat watcher rules').getByRole('textbox', { name: 'When a message matches' }),
    ).toHaveValue('');
  });
});
