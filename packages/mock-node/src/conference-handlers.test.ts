import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import type { NodeParticipant } from './node-participant.js';
import { ApiClient, type Participant } from './test-support/api-client.js';

let node: MockNode;
let secure: ApiClient;
let host: Participant;
let guest: Participant;

beforeAll(async () => {
  node = await startMockNode({ simulate: false, dialConnectMs: 20 });
  secure = new ApiClient(node, 'secure');
});
afterAll(() => node.close());
beforeEach(async () => {
  node.control.reset();
  host = await secure.join('Host', '1234');
  guest = await secure.join('Guest', '5678');
});

function participant(uuid: string): NodeParticipant | undefined {
  return node.control
    .snapshot()
    .conferences.find((c) => c.alias === 'secure')
    ?.participants.find((p) => p.uuid === uuid);
}

describe('roles', () => {
  const hostOnly: Array<[string, unknown]> = [
    ['lock', undefined],
    ['unlock', undefined],
    ['muteguests', undefined],
    ['unmuteguests', undefined],
    ['start_conference', undefined],
    ['disconnect', undefined],
    ['clearallbuzz', undefined],
    ['transform_layout', { transforms: { layout: '1:0' } }],
    ['dial', { role: 'GUEST', destination: 'room@example.com', protocol: 'sip' }],
    ['set_guests_can_unmute', { setting: true }],
  ];

  it.each(hostOnly)(
    'refuses a guest calling %s with 403 and leaves the state alone',
    async (path, body) => {
      const before = node.control.snapshot();
      const answer = await guest.call('POST', path, body);
      expect(answer).toMatchObject({
        status: 403,
        body: { status: 'failed', result: 'Invalid role' },
      });
      expect(node.control.snapshot()).toEqual(before);
    },
  );

  it('refuses a guest acting on another participant, but lets it act on itself', async () => {
    expect((await guest.call('POST', `participants/${host.uuid}/mute`)).status).toBe(403);
    expect((await guest.call('POST', `participants/${host.uuid}/spotlighton`)).status).toBe(403);
    expect((await guest.call('POST', `participants/${guest.uuid}/mute`)).status).toBe(200);
    expect((await guest.call('POST', `participants/${guest.uuid}/buzz`)).status).toBe(200);
    expect(participant(guest.uuid)).toMatchObject({ is_muted: 'YES' });
    expect(participant(host.uuid)).toMatchObject({ is_muted: 'NO', spotlight: 0 });
  });

  it('lets a host act on anyone', async () => {
    expect((await host.call('POST', `participants/${guest.uuid}/spotlighton`)).status).toBe(200);
    expect(participant(guest.uuid)?.spotlight).toBeGreaterThan(0);
  });

  it('keeps a guest muted by the host from unmuting itself unless guests may unmute', async () => {
    await host.call('POST', 'set_guests_can_unmute', { setting: false });
    await host.call('POST', 'muteguests');
    expect(participant(guest.uuid)).toMatchObject({ is_muted: 'YES' });
    expect((await guest.call('POST', `participants/${guest.uuid}/unmute`)).status).toBe(403);
    await host.call('POST', 'set_guests_can_unmute', { setting: true });
    expect((await guest.call('POST', `participants/${guest.uuid}/unmute`)).status).toBe(200);
  });
});

describe('lock and the waiting room', () => {
  it('holds new guests in the waiting room while locked, until a host admits them', async () => {
    const hostEvents = await host.listen();
    await host.call('POST', 'lock');
    const latecomer = await secure.join('Latecomer', '5678');
    const token = await secure.call('POST', 'request_token', {
      body: { display_name: 'Second' },
      headers: { pin: '5678' },
    });
    expect(token.body?.result).toMatchObject({
      current_service_type: 'waiting_room',
      role: 'GUEST',
    });
    expect(participant(latecomer.uuid)).toMatchObject({ service_type: 'waiting_room' });
    const from = hostEvents.events.length;
    expect((await host.call('POST', `participants/${latecomer.uuid}/unlock`)).status).toBe(200);
    const admitted = await hostEvents.next(
      (e) => e.name === 'participant_update' && (e.data as NodeParticipant).uuid === latecomer.uuid,
      from,
    );
    expect(admitted.data).toMatchObject({ service_type: 'conference' });
    hostEvents.close();
  });

  it('lets hosts straight in while locked', async () => {
    await host.call('POST', 'lock');
    const second = await secure.join('Second host', '1234');
    expect(participant(second.uuid)).toMatchObject({ service_type: 'conference' });
  });

  it('admits everyone waiting when the conference is unlocked', async () => {
    await host.call('POST', 'lock');
    const waiting = await secure.join('Waiting', '5678');
    await host.call('POST', 'unlock');
    expect(participant(waiting.uuid)).toMatchObject({ service_type: 'conference' });
    expect(node.control.snapshot().conferences[1]?.status.locked).toBe(false);
  });
});

describe('dial', () => {
  it('returns the new participant’s uuid; it starts connecting and then connects', async () => {
    const events = await host.listen();
    const from = events.events.length;
    const answer = await host.call('POST', 'dial', {
      role: 'GUEST',
      destination: 'sip:room@example.com',
      protocol: 'sip',
    });
    const [uuid] = answer.body?.result as string[];
    const created = await events.next(
      (e) => e.name === 'participant_create' && (e.data as NodeParticipant).uuid === uuid,
      from,
    );
    expect(created.data).toMatchObject({
      service_type: 'connecting',
      call_direction: 'out',
      has_media: false,
      role: 'guest',
      protocol: 'sip',
    });
    const connected = await events.next(
      (e) =>
        e.name === 'participant_update' &&
        (e.data as NodeParticipant).uuid === uuid &&
        (e.data as NodeParticipant).service_type === 'conference',
      from,
    );
    expect(connected.data).toMatchObject({ has_media: true });
    events.close();
  });

  it('makes a streaming participant with `streaming: "yes"`', async () => {
    const answer = await host.call('POST', 'dial', {
      role: 'GUEST',
      destination: 'rtmp://live.example.com/app/key',
      protocol: 'rtmp',
      streaming: 'yes',
    });
    const [uuid] = answer.body?.result as string[];
    expect(participant(uuid!)).toMatchObject({ is_streaming_conference: true, protocol: 'rtmp' });
  });

  it('routes an rtmp:// destination dialled with protocol "auto" as RTMP, as the seed’s recording plugin expects', async () => {
    const answer = await host.call('POST', 'dial', {
      role: 'GUEST',
      destination: 'rtmps://live.example.com/app/key',
      protocol: 'auto',
      streaming: 'yes',
    });
    const [uuid] = answer.body?.result as string[];
    expect(participant(uuid!)).toMatchObject({ is_streaming_conference: true, protocol: 'rtmp' });
  });

  it('gives Pexip’s empty result for a destination that cannot be dialled', async () => {
    for (const destination of ['', 'not a uri', 'rtmp-without-scheme']) {
      const protocol = destination === 'rtmp-without-scheme' ? 'rtmp' : 'sip';
      const answer = await host.call('POST', 'dial', { role: 'GUEST', destination, protocol });
      expect(answer).toMatchObject({ status: 200, body: { status: 'success', result: [] } });
    }
    expect(node.control.snapshot().conferences[1]?.participants).toHaveLength(2);
  });

  it('records a dial’s DTMF sequence as digits the new participant received', async () => {
    const events = await host.listen();
    const answer = await host.call('POST', 'dial', {
      role: 'HOST',
      destination: 'bridge@example.com',
      protocol: 'sip',
      dtmf_sequence: '123#',
    });
    const [uuid] = answer.body?.result as string[];
    await events.next(
      (e) => e.name === 'participant_update' && (e.data as NodeParticipant).uuid === uuid,
    );
    expect(node.control.dtmfReceived(uuid!)).toBe('123#');
    expect(participant(uuid!)).toMatchObject({ role: 'chair' });
    events.close();
  });

  it('rejects a body with the wrong types or values with 400', async () => {
    const answer = await host.call('POST', 'dial', {
      role: 'guest',
      destination: 'room@example.com',
      protocol: 'sip',
    });
    expect(answer).toMatchObject({ status: 400, body: { status: 'failed' } });
  });
});

describe('chat, layout and conference-wide calls', () => {
  it('sends a chat message to everyone else, not back to the sender', async () => {
    const hostEvents = await host.listen();
    const guestEvents = await guest.listen();
    await guest.call('POST', 'message', { type: 'text/plain', payload: 'hi all' });
    const received = await hostEvents.named('message_received');
    expect(received.data).toEqual({
      origin: 'Guest',
      type: 'text/plain',
      payload: 'hi all',
      uuid: guest.uuid,
      direct: false,
    });
    await host.call('POST', `participants/${guest.uuid}/message`, {
      type: 'application/json',
      payload: '{"x":1}',
    });
    const direct = await guestEvents.named('message_received');
    expect(direct.data).toMatchObject({ origin: 'Host', direct: true, payload: '{"x":1}' });
    expect(guestEvents.events.filter((e) => e.name === 'message_received')).toHaveLength(1);
    hostEvents.close();
    guestEvents.close();
  });

  it('refuses a chat message over 16 KiB (UTF-8) with 400 naming the limit, and sends nothing', async () => {
    const hostEvents = await host.listen();
    const from = hostEvents.events.length;
    const tooLong = 'é'.repeat(8 * 1024 + 1); // 16,386 bytes in 8,193 characters
    for (const path of ['message', `participants/${host.uuid}/message`]) {
      const answer = await guest.call('POST', path, { type: 'text/plain', payload: tooLong });
      expect(answer).toMatchObject({
        status: 400,
        body: { status: 'failed', result: expect.stringContaining('the limit is 16384 bytes') },
      });
    }
    const fits = await guest.call('POST', 'message', {
      type: 'text/plain',
      payload: 'x'.repeat(16 * 1024),
    });
    expect(fits.status).toBe(200);
    const received = await hostEvents.named('message_received', from);
    expect((received.data as { payload: string }).payload).toHaveLength(16 * 1024);
    expect(hostEvents.events.filter((e) => e.name === 'message_received')).toHaveLength(1);
    expect(() => node.control.injectChat('secure', { payload: tooLong })).toThrow(/too long/);
    hostEvents.close();
  });

  it('keeps only the latest 200 chat messages, however many are sent', async () => {
    for (let i = 0; i < 260; i += 1) {
      const answer = await guest.call('POST', 'message', {
        type: 'text/plain',
        payload: `message ${i} ${'x'.repeat(1000)}`,
      });
      expect(answer.status).toBe(200);
    }
    const chat = node.control.snapshot().conferences.find((c) => c.alias === 'secure')!.chat;
    expect(chat).toHaveLength(200);
    expect(chat[0]!.payload).toMatch(/^message 60 /);
    expect(chat.at(-1)!.payload).toMatch(/^message 259 /);
  });

  it('takes its chat limits from the options', async () => {
    const small = await startMockNode({
      simulate: false,
      chatHistoryLimit: 2,
      chatMessageMaxBytes: 5,
    });
    try {
      for (const payload of ['one', 'two', 'three']) small.control.injectChat('meet', { payload });
      expect(small.control.snapshot().conferences[0]!.chat.map((m) => m.payload)).toEqual([
        'two',
        'three',
      ]);
      expect(() => small.control.injectChat('meet', { payload: 'sixsix' })).toThrow(
        'Chat payload is too long: 6 bytes, the limit is 5 bytes (UTF-8)',
      );
    } finally {
      await small.close();
    }
  });

  it('stores transform_layout and announces it to everyone with a `layout` event', async () => {
    const guestEvents = await guest.listen();
    const from = guestEvents.events.length;
    const answer = await host.call('POST', 'transform_layout', {
      transforms: { layout: '4:0', guest_layout: '1:0', enable_overlay_text: false },
    });
    expect(answer.status).toBe(200);
    const layout = await guestEvents.named('layout', from);
    expect(layout.data).toMatchObject({
      view: '4:0',
      requested_layout: { primary_screen: { chair_layout: '4:0', guest_layout: '1:0' } },
      overlay_text_enabled: false,
    });
    expect(node.control.snapshot().conferences[1]?.layout.view).toBe('4:0');
    guestEvents.close();
  });

  it('answers an unknown layout name with 400 "Illegal value"', async () => {
    const answer = await host.call('POST', 'transform_layout', { transforms: { layout: '99:99' } });
    expect(answer).toMatchObject({ status: 400, body: { result: 'Illegal value' } });
  });

  it('mutes every guest with muteguests and says so in conference_update', async () => {
    const events = await host.listen();
    const from = events.events.length;
    await host.call('POST', 'muteguests');
    expect((await events.named('conference_update', from)).data).toMatchObject({
      guests_muted: true,
    });
    expect(participant(guest.uuid)).toMatchObject({ is_muted: 'YES' });
    expect(participant(host.uuid)).toMatchObject({ is_muted: 'NO' });
    events.close();
  });

  it('ends the conference for everyone, the caller included, with disconnect', async () => {
    const hostEvents = await host.listen();
    const guestEvents = await guest.listen();
    await host.call('POST', 'disconnect');
    expect((await guestEvents.named('disconnect')).data).toEqual({
      reason: 'Conference terminated by another participant',
    });
    await hostEvents.named('disconnect');
    await Promise.all([hostEvents.closed(), guestEvents.closed()]);
    expect(node.control.snapshot().conferences[1]?.participants).toEqual([]);
  });

  it('answers `theme/` with 204 and no body', async () => {
    const answer = await host.call('GET', 'theme/');
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
  });
});

describe('transfer', () => {
  it('refers the participant to the other conference with a one-time token that needs no PIN', async () => {
    const guestEvents = await guest.listen();
    await host.call('POST', `participants/${guest.uuid}/transfer`, {
      conference_alias: 'meet',
      role: 'guest',
    });
    const refer = await guestEvents.named('refer');
    const { alias, token } = refer.data as { alias: string; token: string };
    expect(alias).toBe('meet');
    const joined = await new ApiClient(node, alias).call('POST', 'request_token', {
      body: { display_name: 'Guest', token },
    });
    expect(joined.body?.result).toMatchObject({ role: 'GUEST' });
    const reused = await new ApiClient(node, alias).call('POST', 'request_token', {
      body: { display_name: 'Guest', token },
    });
    expect(reused.status).toBe(403);
    expect(participant(guest.uuid)).toBeUndefined();
  });

  it("takes role 'chair' (what Pexip's breakout-rooms plugin sends) as host", async () => {
    const guestEvents = await guest.listen();
    const answer = await host.call('POST', `participants/${guest.uuid}/transfer`, {
      conference_alias: 'meet',
      role: 'chair',
    });
    expect(answer.status).toBe(200);
    const refer = await guestEvents.named('refer');
    const { token } = refer.data as { token: string };
    const joined = await new ApiClient(node, 'meet').call('POST', 'request_token', {
      body: { display_name: 'Moved', token },
    });
    expect(joined.body?.result).toMatchObject({ role: 'HOST' });
  });

  it('checks the transfer PIN against the other conference: no HOST without its host PIN', async () => {
    // The hole this closes: anyone in a PIN-less conference is a host there, and could transfer
    // themselves to a PIN-protected one as host and redeem the refer token without its PIN.
    const meet = new ApiClient(node, 'meet');
    const intruder = await meet.join('Intruder');
    const events = await intruder.listen();
    for (const body of [
      { conference_alias: 'secure', role: 'host' },
      { conference_alias: 'secure', role: 'host', pin: '5678' }, // the guest PIN buys a guest
      { conference_alias: 'secure', role: 'host', pin: '0000' },
      { conference_alias: 'secure', role: 'guest' },
      { conference_alias: 'lecture', role: 'host', pin: 'none' },
    ]) {
      const answer = await intruder.call('POST', `participants/${intruder.uuid}/transfer`, body);
      expect({ body, answer }).toMatchObject({
        body,
        answer: { status: 403, body: { result: 'transfer failed' } },
      });
    }
    expect(events.names()).not.toContain('refer');
    expect(node.control.snapshot().conferences[0]!.participants.map((p) => p.uuid)).toContain(
      intruder.uuid,
    );
    events.close();
  });

  it('grants through a refer token the role the transfer PIN bought, never more', async () => {
    const meet = new ApiClient(node, 'meet');
    const cases: Array<[Record<string, string>, string]> = [
      [{ conference_alias: 'secure', role: 'host', pin: '1234' }, 'HOST'],
      [{ conference_alias: 'secure', role: 'guest', pin: '5678' }, 'GUEST'],
      [{ conference_alias: 'secure', role: 'guest', pin: '1234' }, 'GUEST'],
      [{ conference_alias: 'lecture', role: 'guest' }, 'GUEST'], // only hosts have a PIN there
    ];
    for (const [body, role] of cases) {
      const mover = await meet.join('Mover');
      const events = await mover.listen();
      const answer = await mover.call('POST', `participants/${mover.uuid}/transfer`, body);
      expect(answer.status).toBe(200);
      const { alias, token } = (await events.named('refer')).data as {
        alias: string;
        token: string;
      };
      const joined = await new ApiClient(node, alias).call('POST', 'request_token', {
        body: { display_name: 'Mover', token },
      });
      expect({ body, role: (joined.body?.result as { role: string }).role }).toEqual({
        body,
        role,
      });
      events.close();
    }
  });

  it('counts wrong transfer PINs towards the other conference’s PIN-failure limit', async () => {
    const strict = await startMockNode({ simulate: false, pinFailureLimit: 2 });
    try {
      const mover = await new ApiClient(strict, 'meet').join('Mover');
      for (const pin of ['0001', '0002', '0003']) {
        const answer = await mover.call('POST', `participants/${mover.uuid}/transfer`, {
          conference_alias: 'secure',
          role: 'host',
          pin,
        });
        expect(answer.body?.result).toBe('transfer failed');
      }
      // Three wrong PINs went over the limit of two: even the right one fails now.
      const right = await mover.call('POST', `participants/${mover.uuid}/transfer`, {
        conference_alias: 'secure',
        role: 'host',
        pin: '1234',
      });
      expect(right.body?.result).toBe('transfer failed');
      const joined = await new ApiClient(strict, 'secure').call('POST', 'request_token', {
        body: { display_name: 'x' },
        headers: { pin: '1234' },
      });
      expect(joined).toMatchObject({ status: 404 });
    } finally {
      await strict.close();
    }
  });

  it('fails a transfer to an unknown conference with "transfer failed"', async () => {
    const answer = await host.call('POST', `participants/${guest.uuid}/transfer`, {
      conference_alias: 'nowhere',
      role: 'guest',
    });
    expect(answer).toMatchObject({ status: 403, body: { result: 'transfer failed' } });
  });
});
