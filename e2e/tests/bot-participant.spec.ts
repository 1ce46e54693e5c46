import { expect, test } from '@ipk/e2e';

test.describe('a second participant joining through the client API', () => {
  test('appears in the roster, chats both ways and disappears when it leaves', async ({
    host,
    joinBot,
  }) => {
    await host.join();
    const bot = await joinBot({ name: 'Bob Bot' });

    await host.openParticipants();
    await expect(host.rosterRow('Bob Bot')).toBeVisible();

    await bot.chat('Hello from the bot');
    await host.openChat();
    await expect(host.chatLog).toContainText('Hello from the bot');

    await host.sendChat('Hello, bot');
    const received = await bot.waitForEvent(
      'message_received',
      (data) => (data as { payload?: unknown }).payload === 'Hello, bot',
    );
    expect(received.data).toMatchObject({ origin: HostName, type: 'text/plain' });

    await bot.leave();
    await host.openParticipants();
    await expect(host.rosterRow('Bob Bot')).toHaveCount(0);
  });
});

const HostName = 'Harriet Host';
