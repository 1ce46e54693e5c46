import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from '@ipk/mock-node';
import { BotParticipant } from './bot-participant.js';
import {
  restoreConference,
  snapshotConference,
  TestFootprint,
  type KeeperAccess,
} from './conference-keeper.js';
import type { ConferenceState } from './conference-state.js';

// A real mock node on a free port, reached only through the public client API, as a real
// deployment would be: `secure` has host PIN 1234 and guest PIN 5678.
let node: MockNode;
let access: KeeperAccess;
let baseline: ConferenceState;
let resident: { uuid: string };
const joined: BotParticipant[] = [];

async function join(name: string, pin: string): Promise<BotParticipant> {
  const bot = await BotParticipant.join({
    apiOrigin: node.url,
    alias: 'secure',
    displayName: name,
    pin,
  });
  joined.push(bot);
  return bot;
}

beforeEach(async () => {
  node = await startMockNode({ simulate: false, dialConnectMs: 1 });
  access = { apiOrigin: node.url, alias: 'secure', hostPin: '1234' };
  // Someone already in the conference before the run (a room system), who must stay as they were.
  resident = node.control.addParticipant('secure', { displayName: 'Room 101', protocol: 'sip' });
  baseline = await snapshotConference(access);
});

afterEach(async () => {
  await Promise.all(joined.splice(0).map((bot) => bot.leave()));
  await node.close();
});

describe('restoreConference', () => {
  it('undoes a lock, muted guests, a dial-out, a layout and changes to who was there, and says what it did not have to', async () => {
    const footprint = new TestFootprint();
    const chair = await join('Chair Bot', '1234');
    footprint.bots.add(chair.uuid);
    const note = (call: string) => (result: unknown) => footprint.noteAnswer(call, result);
    await chair.request('POST', 'lock');
    await chair.request('POST', 'muteguests');
    await chair
      .request('POST', 'dial', {
        role: 'GUEST',
        destination: 'rtmp://recorder.example.com/live/key',
        protocol: 'rtmp',
        streaming: 'yes',
      })
      .then(note('dial'));
    await chair
      .request('POST', 'transform_layout', { transforms: { layout: '4:0' } })
      .then(note('transform_layout'));
    for (const call of ['mute', 'spotlighton', 'buzz', 'video_muted']) {
      await chair.request('POST', `participants/${resident.uuid}/${call}`);
    }
    await chair.request('POST', `participants/${resident.uuid}/role`, { role: 'chair' });
    await chair.leave();

    const report = await restoreConference(access, baseline, footprint, {
      everyNewcomerIsOurs: false,
    });

    expect(report).toEqual({ notReleased: [], differences: [] });
    const now = await snapshotConference(access);
    expect(now).toEqual(baseline);
    const secure = node.control.snapshot().conferences.find((c) => c.alias === 'secure');
    expect(secure?.layout.view).toBe('ac');
  });

  it('reports a host page that did not leave when its page went away, and removes it', async () => {
    const footprint = new TestFootprint();
    // A "page" that joined and never released its token.
    const page = await join('Harriet Host', '1234');
    footprint.noteAnswer('request_token', { participant_uuid: page.uuid });

    const report = await restoreConference(access, baseline, footprint, {
      everyNewcomerIsOurs: false,
      releaseWaitMs: 100,
    });

    expect(report.notReleased.map((participant) => participant.displayName)).toEqual([
      'Harriet Host',
    ]);
    expect(report.differences).toEqual([]);
    expect(await snapshotConference(access)).toEqual(baseline);
  });

  it('on a shared conference leaves alone whoever the test did not bring, and reports them as still there', async () => {
    const stranger = await join('A Colleague', '5678');
    const footprint = new TestFootprint();

    const report = await restoreConference(access, baseline, footprint, {
      everyNewcomerIsOurs: false,
    });

    expect(report.differences).toEqual([]);
    const now = await snapshotConference(access);
    expect(now.participants.map((participant) => participant.displayName)).toEqual([
      'Room 101',
      'A Colleague',
    ]);
    expect(now.participants[1]?.uuid).toBe(stranger.uuid);
  });

  it("on the worker's own mock node removes every newcomer, whoever brought it", async () => {
    await join('Added by the mock control', '5678');

    const report = await restoreConference(access, baseline, new TestFootprint(), {
      everyNewcomerIsOurs: true,
    });

    expect(report.differences).toEqual([]);
    expect(await snapshotConference(access)).toEqual(baseline);
  });

  it('refuses to keep a conference it cannot host, naming the PIN', async () => {
    await expect(snapshotConference({ ...access, hostPin: '5678' })).rejects.toThrow(
      /joined secure as GUEST, not HOST: .*PEXIP_HOST_PIN/,
    );
  });
});
