import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from '@ipk/mock-node';
import { BotParticipant, BotRequestError } from './bot-participant.js';

let node: MockNode;
const bots: BotParticipant[] = [];

async function join(displayName: string, pin = '1234'): Promise<BotParticipant> {
  const bot = await BotParticipant.join({ apiOrigin: node.url, alias: 'secure', displayName, pin });
  bots.push(bot);
  return bot;
}

beforeEach(async () => {
  node = await startMockNode({ simulate: false });
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.leave()));
  await node.close();
});

describe('BotParticipant', () => {
  it("joins with the PIN's role and reads the node's named events from the event stream", async () => {
    const host = await join('Hana Host');
    const guest = await join('Gus Guest', '5678');
    expect([host.role, guest.role]).toEqual(['HOST', 'GUEST']);

    const created = await host.waitForEvent(
      'participant_create',
      (data) => (data as { uuid?: unknown }).uuid === guest.uuid,
    );
    expect(created.data).toMatchObject({ display_name: 'Gus Guest', role: 'guest' });
  });

  it('receives chat with its payload intact, line breaks included', async () => {
    const sender = await join('Sender');
    const receiver = await join('Receiver', '5678');
    await sender.chat('first line\nsecond line: with a colon');

    await receiver.waitForEvent('message_received');
    expect(receiver.receivedChat()).toEqual([
      expect.objectContaining({
        origin: 'Sender',
        payload: 'first line\nsecond line: with a colon',
      }),
    ]);
  });

  it("tells what a refused call was and the node's answer", async () => {
    const guest = await join('Gus Guest', '5678');
    await expect(guest.request('POST', 'lock')).rejects.toThrow(BotRequestError);
    await expect(guest.request('POST', 'lock')).rejects.toThrow(/^POST lock: HTTP 403/);
  });

  it('leaves the roster when it leaves', async () => {
    const stays = await join('Stays');
    const goes = await join('Goes', '5678');
    await goes.leave();
    await stays.waitForEvent(
      'participant_delete',
      (data) => (data as { uuid?: unknown }).uuid === goes.uuid,
    );
  });
});
