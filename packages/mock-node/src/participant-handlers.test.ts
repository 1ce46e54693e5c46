import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import type { NodeParticipant } from './node-participant.js';
import { ApiClient, type Participant } from './test-support/api-client.js';

let node: MockNode;
let meet: ApiClient;
let host: Participant;
let room: NodeParticipant;

beforeAll(async () => {
  node = await startMockNode({ simulate: false });
  meet = new ApiClient(node, 'meet');
});
afterAll(() => node.close());
beforeEach(async () => {
  node.control.reset();
  host = await meet.join('Host');
  room = node.control.addParticipant('meet', { displayName: 'Room', protocol: 'sip' });
});

function current(uuid: string): NodeParticipant | undefined {
  return node.control.snapshot().conferences[0]?.participants.find((p) => p.uuid === uuid);
}

describe('DTMF', () => {
  it('records the digits each participant received, in order', async () => {
    await host.call('POST', `participants/${room.uuid}/dtmf`, { digits: '12' });
    await host.call('POST', `participants/${room.uuid}/dtmf`, { digits: '3#*' });
    await host.call('POST', `participants/${host.uuid}/dtmf`, { digits: '9' });
    expect(node.control.dtmfReceived(room.uuid)).toBe('123#*');
    expect(node.control.dtmfReceived(host.uuid)).toBe('9');
  });

  it('reads them over HTTP at /_mock/participants/<uuid>/dtmf', async () => {
    await host.call('POST', `participants/${room.uuid}/dtmf`, { digits: '42' });
    const answer = await fetch(`${node.url}/_mock/participants/${room.uuid}/dtmf`);
    expect(await answer.json()).toEqual({ status: 'success', result: { digits: '42' } });
  });

  it('refuses digits that are not DTMF tones, and records nothing', async () => {
    const answer = await host.call('POST', `participants/${room.uuid}/dtmf`, { digits: '12x' });
    expect(answer.status).toBe(400);
    const missing = await host.call('POST', `participants/${room.uuid}/dtmf`, {});
    expect(missing.status).toBe(400);
    expect(node.control.dtmfReceived(room.uuid)).toBe('');
  });
});

describe('participant calls change the participant and announce it', () => {
  const cases: Array<[string, unknown, Partial<NodeParticipant>]> = [
    ['mute', undefined, { is_muted: 'YES' }],
    ['video_muted', undefined, { is_video_muted: true }],
    ['client_mute', undefined, { is_client_muted: true }],
    ['denyrxpresentation', undefined, { rx_presentation_policy: 'DENY' }],
    ['overlaytext', { text: 'Board room' }, { overlay_text: 'Board room' }],
    ['role', { role: 'chair' }, { role: 'chair' }],
    ['pres_in_mix', { state: true }, { needs_presentation_in_mix: true }],
  ];

  it.each(cases)('%s', async (path, body, expected) => {
    const events = await host.listen();
    const from = events.events.length;
    expect((await host.call('POST', `participants/${room.uuid}/${path}`, body)).status).toBe(200);
    const update = await events.named('participant_update', from);
    expect(update.data).toMatchObject({ uuid: room.uuid, ...expected });
    expect(current(room.uuid)).toMatchObject(expected);
    events.close();
  });

  it('raises and lowers a hand with buzz / clearbuzz (buzz_time in Unix seconds, then 0)', async () => {
    const before = Date.now() / 1000;
    await host.call('POST', `participants/${room.uuid}/buzz`);
    expect(current(room.uuid)?.buzz_time).toBeGreaterThanOrEqual(Math.floor(before));
    await host.call('POST', `participants/${room.uuid}/clearbuzz`);
    expect(current(room.uuid)?.buzz_time).toBe(0);
  });

  it('spotlights and un-spotlights', async () => {
    await host.call('POST', `participants/${room.uuid}/spotlighton`);
    expect(current(room.uuid)?.spotlight).toBeGreaterThan(0);
    await host.call('POST', `participants/${room.uuid}/spotlightoff`);
    expect(current(room.uuid)?.spotlight).toBe(0);
  });

  it('starts and stops a presentation with take_floor / release_floor', async () => {
    const events = await host.listen();
    const taken = await host.call('POST', `participants/${host.uuid}/take_floor`);
    expect(taken.body).toEqual({ status: 'success', result: null });
    expect((await events.named('presentation_start')).data).toEqual({
      presenter_name: 'Host',
      presenter_uri: '',
      presenter_uuid: host.uuid,
    });
    expect(current(host.uuid)).toMatchObject({ is_presenting: 'YES' });
    await host.call('POST', `participants/${host.uuid}/release_floor`);
    expect((await events.named('presentation_stop')).data).toEqual({});
    expect(current(host.uuid)).toMatchObject({ is_presenting: 'NO' });
    events.close();
  });

  it('sends a fecc request to its target', async () => {
    const other = await meet.join('Camera');
    const events = await other.listen();
    await host.call('POST', `participants/${other.uuid}/fecc`, {
      action: 'start',
      target: other.uuid,
      movement: [{ axis: 'zoom', direction: 'in' }],
    });
    expect((await events.named('fecc')).data).toMatchObject({ action: 'start' });
    events.close();
  });
});

describe('unknown participants', () => {
  it('answers 404 in Pexip’s envelope, to a valid token only', async () => {
    const answer = await host.call(
      'POST',
      'participants/00000000-0000-0000-0000-000000000000/mute',
    );
    expect(answer).toMatchObject({ status: 404, body: { status: 'failed' } });
    const stranger = await meet.call(
      'POST',
      'participants/00000000-0000-0000-0000-000000000000/mute',
    );
    expect(stranger.status).toBe(403);
  });
});

describe('WebRTC calls on a node without media', () => {
  it('refuses `calls` with a 400 that says the node is API-only', async () => {
    const answer = await host.call('POST', `participants/${host.uuid}/calls`, {
      call_type: 'WEBRTC',
      sdp: 'v=0\r\n',
    });
    expect(answer).toMatchObject({ status: 400, body: { status: 'failed' } });
    expect(answer.body?.result).toMatch(/no media/);
    expect(node.hasMedia).toBe(false);
  });

  it('answers calls once given media with useCallMedia, and refuses them again without', async () => {
    const offers: string[] = [];
    node.useCallMedia(() => ({
      answer: async (sdp: string) => {
        offers.push(sdp);
        return 'v=0\r\nanswer\r\n';
      },
      addRemoteCandidate: async () => {},
      close: async () => {},
    }));
    try {
      expect(node.hasMedia).toBe(true);
      const answered = await host.call('POST', `participants/${host.uuid}/calls`, {
        call_type: 'WEBRTC',
        sdp: 'v=0\r\noffer\r\n',
      });
      expect(answered).toMatchObject({ status: 200, body: { status: 'success' } });
      expect(offers).toEqual(['v=0\r\noffer\r\n']);
    } finally {
      node.useCallMedia(undefined);
    }
    expect(node.hasMedia).toBe(false);
    const refused = await host.call('POST', `participants/${host.uuid}/calls`, {
      call_type: 'WEBRTC',
      sdp: 'v=0\r\n',
    });
    expect(refused.status).toBe(400);
  });
});
