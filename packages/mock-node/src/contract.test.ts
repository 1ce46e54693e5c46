/**
 * The mock judged by Pexip's own client: every endpoint it implements is called through the
 * official `@pexip/infinity-api` wrapper, which validates the answer against Pexip's JSON schema
 * and throws on any mismatch (wrong type, missing field, wrong status, non-JSON).
 */
import { readFile } from 'node:fs/promises';
import * as infinityApi from '@pexip/infinity-api';
import {
  validateConferenceStatus200,
  validateParticipants200,
} from '@pexip/infinity-api/dist/conference/validation.js';
import { withPin, withToken } from '@pexip/infinity-api/dist/utils.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallMedia } from './call-media.js';
import { ENDPOINT_HANDLERS } from './client-api-router.js';
import { startMockNode, type MockNode } from './mock-node.js';
import { EventReader } from './test-support/event-reader.js';

interface Session {
  host: string;
  alias: string;
  token: string;
  uuid: string;
  /** Another participant (a simulated person) to act on. */
  otherUuid: string;
}

type ContractCase = (session: Session) => Promise<{ status: number }>;

function auth(session: Session): typeof fetch {
  return withToken(fetch, session.token);
}

function conferenceParams(session: Session) {
  return { conferenceAlias: session.alias };
}

function participantParams(session: Session, uuid = session.otherUuid) {
  return { conferenceAlias: session.alias, participantUuid: uuid };
}

/** One call per wrapper the mock implements, named exactly as `@pexip/infinity-api` exports it. */
const CONTRACT_CASES: Record<string, ContractCase> = {
  requestToken: (s) =>
    infinityApi.requestToken({
      fetcher: fetch,
      host: s.host,
      params: conferenceParams(s),
      body: { display_name: 'Contract', direct_media: true, supports_direct_chat: true },
    }),
  refreshToken: (s) =>
    infinityApi.refreshToken({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  releaseToken: (s) =>
    infinityApi.releaseToken({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { reason: 'User initiated disconnect' },
    }),
  dial: (s) =>
    infinityApi.dial({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { role: 'GUEST', destination: 'room@example.com', protocol: 'sip' },
    }),
  conferenceStatus: (s) =>
    infinityApi.conferenceStatus({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  lock: (s) => infinityApi.lock({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  unlock: (s) =>
    infinityApi.unlock({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  startConference: (s) =>
    infinityApi.startConference({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  muteguests: (s) =>
    infinityApi.muteguests({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  unmuteguests: (s) =>
    infinityApi.unmuteguests({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  setGuestsCanUnmute: (s) =>
    infinityApi.setGuestsCanUnmute({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { setting: false },
    }),
  disconnect: (s) =>
    infinityApi.disconnect({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  messageConference: (s) =>
    infinityApi.messageConference({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { type: 'text/plain', payload: 'hello' },
    }),
  participants: (s) =>
    infinityApi.participants({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  transformLayout: (s) =>
    infinityApi.transformLayout({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { transforms: { layout: '1:7', enable_overlay_text: false } },
    }),
  clearAllBuzz: (s) =>
    infinityApi.clearAllBuzz({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  silentVideoDetection: (s) =>
    infinityApi.silentVideoDetection({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { config: { enable: true, silent_after: 10 } },
    }),
  theme: (s) => infinityApi.theme({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  availableLayouts: (s) =>
    infinityApi.availableLayouts({
      fetcher: auth(s),
      host: s.host,
      params: { ...conferenceParams(s), annotate: true },
    }),
  layoutSvgs: (s) =>
    infinityApi.layoutSvgs({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  guestBreakoutBuzz: (s) =>
    infinityApi.guestBreakoutBuzz({ fetcher: auth(s), host: s.host, params: conferenceParams(s) }),
  guestClearBreakoutBuzz: (s) =>
    infinityApi.guestClearBreakoutBuzz({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
    }),
  videoMixesCreate: (s) =>
    infinityApi.videoMixesCreate({
      fetcher: auth(s),
      host: s.host,
      params: conferenceParams(s),
      body: { mix_name: 'main.!personal' },
    }),
  videoMixesConfigure: async (s) => {
    await CONTRACT_CASES['videoMixesCreate']!(s);
    return infinityApi.videoMixesConfigure({
      fetcher: auth(s),
      host: s.host,
      params: { ...conferenceParams(s), mixName: 'main.!personal' },
      body: { transform_layout: { layout: '1:0' } },
    });
  },
  videoMixesDelete: async (s) => {
    await CONTRACT_CASES['videoMixesCreate']!(s);
    return infinityApi.videoMixesDelete({
      fetcher: auth(s),
      host: s.host,
      params: { ...conferenceParams(s), mixName: 'main.!personal' },
    });
  },
  disconnectParticipant: (s) =>
    infinityApi.disconnectParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  muteParticipant: (s) =>
    infinityApi.muteParticipant({ fetcher: auth(s), host: s.host, params: participantParams(s) }),
  unmuteParticipant: (s) =>
    infinityApi.unmuteParticipant({ fetcher: auth(s), host: s.host, params: participantParams(s) }),
  clientMuteParticipant: (s) =>
    infinityApi.clientMuteParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  clientUnmuteParticipant: (s) =>
    infinityApi.clientUnmuteParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  videoMuteParticipant: (s) =>
    infinityApi.videoMuteParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  videoUnmuteParticipant: (s) =>
    infinityApi.videoUnmuteParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  allowrxpresentationParticipant: (s) =>
    infinityApi.allowrxpresentationParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  denyrxpresentationParticipant: (s) =>
    infinityApi.denyrxpresentationParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  spotlightonParticipant: (s) =>
    infinityApi.spotlightonParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  spotlightoffParticipant: (s) =>
    infinityApi.spotlightoffParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  unlockParticipant: (s) =>
    infinityApi.unlockParticipant({ fetcher: auth(s), host: s.host, params: participantParams(s) }),
  dtmfParticipant: (s) =>
    infinityApi.dtmfParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { digits: '1234#' },
    }),
  overlaytextParticipant: (s) =>
    infinityApi.overlaytextParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { text: 'Speaker' },
    }),
  presInMixParticipant: (s) =>
    infinityApi.presInMixParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { state: true },
    }),
  roleParticipant: (s) =>
    infinityApi.roleParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { role: 'chair' },
    }),
  feccParticipant: (s) =>
    infinityApi.feccParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: {
        action: 'start',
        target: s.otherUuid,
        movement: [{ axis: 'pan', direction: 'left' }],
      },
    }),
  buzzParticipant: (s) =>
    infinityApi.buzzParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  clearbuzzParticipant: (s) =>
    infinityApi.clearbuzzParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  transferParticipant: (s) =>
    infinityApi.transferParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { conference_alias: 'lecture', role: 'guest' },
    }),
  messageParticipant: (s) =>
    infinityApi.messageParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
      body: { type: 'text/plain', payload: 'psst' },
    }),
  avatarJpgParticipant: (s) =>
    infinityApi.avatarJpgParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s),
    }),
  takeFloor: (s) =>
    infinityApi.takeFloor({ fetcher: auth(s), host: s.host, params: participantParams(s, s.uuid) }),
  releaseFloor: (s) =>
    infinityApi.releaseFloor({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  showLiveCaptions: (s) =>
    infinityApi.showLiveCaptions({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  hideLiveCaptions: (s) =>
    infinityApi.hideLiveCaptions({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
  preferredAspectRatio: (s) =>
    infinityApi.preferredAspectRatio({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
      body: { aspect_ratio: 1.78 },
    }),
  notifyNotAFK: (s) =>
    infinityApi.notifyNotAFK({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
    }),
};

/** An offer/answer pair for the call endpoints: the media peer itself is `@ipk/mock-media`'s job. */
const OFFER = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
const ANSWER = 'v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=mock answer\r\nt=0 0\r\n';
const mediaLog: string[] = [];
const fakeCallMedia: () => CallMedia = () => ({
  answer: async (offer) => {
    mediaLog.push(`answer ${offer.length}`);
    return ANSWER;
  },
  addRemoteCandidate: async ({ candidate }) => {
    mediaLog.push(`candidate ${candidate}`);
  },
  close: async () => {
    mediaLog.push('close');
  },
});

async function startCall(s: Session): Promise<string> {
  const answer = await infinityApi.callsWebrtcParticipant({
    fetcher: auth(s),
    host: s.host,
    params: participantParams(s, s.uuid),
    body: { call_type: 'WEBRTC', sdp: OFFER, media_type: 'video' },
  });
  if (answer.status !== 200) throw new Error(`calls answered ${answer.status}`);
  return answer.data.result.call_uuid;
}

function callParams(s: Session, callUuid: string) {
  return { conferenceAlias: s.alias, participantUuid: s.uuid, callUuid };
}

Object.assign(CONTRACT_CASES, {
  callsWebrtcParticipant: (s: Session) =>
    infinityApi.callsWebrtcParticipant({
      fetcher: auth(s),
      host: s.host,
      params: participantParams(s, s.uuid),
      body: { call_type: 'WEBRTC', sdp: OFFER, media_type: 'video', fecc_supported: false },
    }),
  ack: async (s: Session) =>
    infinityApi.ack({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: {},
    }),
  newCandidate: async (s: Session) =>
    infinityApi.newCandidate({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', mid: '0' },
    }),
  update: async (s: Session) =>
    infinityApi.update({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: { sdp: OFFER },
    }),
  disconnectCall: async (s: Session) =>
    infinityApi.disconnectCall({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
    }),
  dtmf: async (s: Session) =>
    infinityApi.dtmf({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: { digits: '5' },
    }),
  fecc: async (s: Session) =>
    infinityApi.fecc({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: { action: 'stop', movement: [] },
    }),
  statistics: async (s: Session) =>
    infinityApi.statistics({
      fetcher: auth(s),
      host: s.host,
      params: callParams(s, await startCall(s)),
      body: { audio: { rx_bitrate: 32 } },
    }),
} satisfies Record<string, ContractCase>);

/** The status each wrapper must return (all others answer 200). */
const EXPECTED_STATUS: Record<string, number> = { theme: 204, avatarJpgParticipant: 404 };

/** Request functions of `@pexip/infinity-api` outside the breakout module (its other exports are helpers). */
const NOT_ENDPOINTS = new Set([
  'withToken',
  'withPin',
  'getErrorCode',
  'ValidationError',
  'NonJSONResponseError',
]);
const BREAKOUT_ONLY = /^(breakout|guestLeaveBreakout|hostBreakoutBuzz|hostClearBreakoutBuzz)/;
const ALL_ENDPOINTS = Object.entries(infinityApi)
  .filter(([name, value]) => typeof value === 'function' && !NOT_ENDPOINTS.has(name))
  .map(([name]) => name)
  .filter((name) => !BREAKOUT_ONLY.test(name));

let node: MockNode;
let session: Session;

beforeAll(async () => {
  node = await startMockNode({
    simulationIntervalMs: 3_600_000,
    dialConnectMs: 50,
    createCallMedia: fakeCallMedia,
  });
});

afterAll(async () => {
  const covered = Object.keys(CONTRACT_CASES).length;
  console.log(
    `contract: ${covered}/${ALL_ENDPOINTS.length} client-API endpoints of @pexip/infinity-api covered ` +
      `(breakout module excluded; left out: ${ALL_ENDPOINTS.filter((n) => !(n in CONTRACT_CASES)).join(', ')})`,
  );
  await node.close();
});

beforeEach(async () => {
  node.control.reset();
  const joined = await infinityApi.requestToken({
    fetcher: fetch,
    host: node.url,
    params: { conferenceAlias: 'meet' },
    body: { display_name: 'Host' },
  });
  if (joined.status !== 200) throw new Error('could not join');
  const other = node.control
    .snapshot()
    .conferences[0]?.participants.find((p) => p.display_name === 'Bob Berg');
  session = {
    host: node.url,
    alias: 'meet',
    token: joined.data.result.token,
    uuid: joined.data.result.participant_uuid,
    otherUuid: other?.uuid ?? '',
  };
});

describe('every implemented endpoint passes its @pexip/infinity-api wrapper', () => {
  it.each(Object.keys(CONTRACT_CASES))('%s', async (name) => {
    const answer = await CONTRACT_CASES[name]!(session);
    expect(answer.status).toBe(EXPECTED_STATUS[name] ?? 200);
  });

  it('matches the README: the coverage count and one table row per endpoint', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`**${Object.keys(CONTRACT_CASES).length}/${ALL_ENDPOINTS.length}**`);
    for (const handler of ENDPOINT_HANDLERS) {
      // Prettier pads table cells, so the row is matched with any spacing.
      const row = new RegExp(`\\|\\s*\`${handler.name}\`\\s*\\|\\s*${handler.method}\\s*\\|`);
      expect(readme).toMatch(row);
    }
  });

  it('covers every handler the router knows, and nothing the wrappers do not know', () => {
    expect(ENDPOINT_HANDLERS.map((handler) => handler.name).sort()).toEqual(
      Object.keys(CONTRACT_CASES).sort(),
    );
    for (const name of Object.keys(CONTRACT_CASES)) expect(ALL_ENDPOINTS).toContain(name);
  });
});

describe('answers the official client accepts for the refusals it expects', () => {
  it('asks for the PIN with a 403 the validator accepts, then admits host and guest PINs', async () => {
    const request = (fetcher: typeof fetch) =>
      infinityApi.requestToken({
        fetcher,
        host: node.url,
        params: { conferenceAlias: 'secure' },
        body: { display_name: 'Pin' },
      });
    const noPin = await request(fetch);
    expect(noPin.status).toBe(403);
    expect(noPin.data.result).toMatchObject({ pin: 'required', guest_pin: 'required' });
    const wrong = await request(withPin(fetch, '0000'));
    expect(wrong).toMatchObject({ status: 403, data: { result: 'Invalid PIN' } });
    const host = await request(withPin(fetch, '1234'));
    expect(host.status === 200 && host.data.result.role).toBe('HOST');
    const guest = await request(withPin(fetch, '5678'));
    expect(guest.status === 200 && guest.data.result.role).toBe('GUEST');
  });

  it('answers an unknown conference with the 404 the validator expects', async () => {
    const answer = await infinityApi.requestToken({
      fetcher: fetch,
      host: node.url,
      params: { conferenceAlias: 'no-such-room' },
      body: { display_name: 'Lost' },
    });
    expect(answer).toMatchObject({ status: 404, data: { status: 'failed' } });
  });

  it('answers a participant call with a bad token with a validated 403', async () => {
    const answer = await infinityApi.muteParticipant({
      fetcher: withToken(fetch, 'not-a-token'),
      host: node.url,
      params: participantParams(session),
    });
    expect(answer).toMatchObject({ status: 403, data: { result: 'Invalid token' } });
  });
});

describe('a WebRTC call through the official wrappers', () => {
  it('answers the offer with the media peer, turns the caller into a webrtc participant on ack, and closes the peer on hang-up', async () => {
    mediaLog.length = 0;
    const reader = await EventReader.open(
      `${node.url}/api/client/v2/conferences/meet/events?token=${session.token}`,
    );
    await reader.named('participant_sync_end');
    const from = reader.events.length;
    const call = await infinityApi.callsWebrtcParticipant({
      fetcher: auth(session),
      host: node.url,
      params: participantParams(session, session.uuid),
      body: { call_type: 'WEBRTC', sdp: OFFER, media_type: 'video' },
    });
    expect(call.status === 200 && call.data.result.sdp).toBe(ANSWER);
    const callUuid = call.status === 200 ? call.data.result.call_uuid : '';
    await infinityApi.ack({
      fetcher: auth(session),
      host: node.url,
      params: callParams(session, callUuid),
      body: {},
    });
    const media = await reader.next(
      (e) => e.name === 'participant_update' && (e.data as { uuid: string }).uuid === session.uuid,
      from,
    );
    expect(media.data).toMatchObject({ protocol: 'webrtc', has_media: true, is_video_call: 'YES' });
    await infinityApi.disconnectCall({
      fetcher: auth(session),
      host: node.url,
      params: callParams(session, callUuid),
    });
    const after = await reader.next(
      (e) => e.name === 'participant_update' && (e.data as { protocol: string }).protocol === 'api',
      from,
    );
    expect(after.data).toMatchObject({ has_media: false });
    expect(mediaLog).toEqual([`answer ${OFFER.length}`, 'close']);
    reader.close();
  });

  it('refuses a call on someone else’s behalf, and an unknown call', async () => {
    const other = await infinityApi.callsWebrtcParticipant({
      fetcher: auth(session),
      host: node.url,
      params: participantParams(session),
      body: { call_type: 'WEBRTC', sdp: OFFER },
    });
    expect(other.status).toBe(403);
    const response = await fetch(
      `${node.url}/api/client/v2/conferences/meet/participants/${session.uuid}/calls/nope/ack`,
      { method: 'POST', headers: { token: session.token } },
    );
    expect(response.status).toBe(404);
  });

  it('closes a participant’s media when it leaves', async () => {
    await startCall(session);
    mediaLog.length = 0;
    await CONTRACT_CASES['releaseToken']!(session);
    expect(mediaLog).toEqual(['close']);
  });
});

describe('event payloads match the schemas of the REST objects they mirror', () => {
  it('sends participant and conference objects that pass validateParticipants200 / validateConferenceStatus200', async () => {
    const reader = await EventReader.open(
      `${node.url}/api/client/v2/conferences/meet/events?token=${session.token}`,
    );
    await reader.named('participant_sync_end');
    await CONTRACT_CASES['muteParticipant']!(session);
    await CONTRACT_CASES['lock']!(session);
    await CONTRACT_CASES['dial']!(session);
    for (let step = 0; step < 20; step += 1) node.control.simulationStep();
    await reader.next(
      (event) =>
        event.name === 'participant_update' &&
        hasServiceType(event.data, 'conference') &&
        isDialOut(event.data),
    );
    reader.close();
    const participantEvents = reader.events.filter(
      (e) => e.name === 'participant_create' || e.name === 'participant_update',
    );
    const conferenceEvents = reader.events.filter((e) => e.name === 'conference_update');
    expect(participantEvents.length).toBeGreaterThan(5);
    expect(conferenceEvents.length).toBeGreaterThan(1);
    for (const event of participantEvents) {
      expect(validateParticipants200({ status: 'success', result: [event.data] }), event.raw).toBe(
        true,
      );
    }
    for (const event of conferenceEvents) {
      expect(
        validateConferenceStatus200({ status: 'success', result: event.data }),
        event.raw,
      ).toBe(true);
    }
    const handled = new Set([
      'participant_sync_begin',
      'participant_create',
      'participant_update',
      'participant_delete',
      'participant_sync_end',
      'conference_update',
      'message_received',
      'layout',
      'stage',
      'presentation_start',
      'presentation_stop',
      'disconnect',
      'refer',
      'fecc',
    ]);
    for (const name of reader.names()) expect(handled).toContain(name);
  });
});

describe('the same calls through a second mock node in upstream mode (how the e2e suite reaches a node)', () => {
  let proxy: MockNode;

  beforeAll(async () => {
    proxy = await startMockNode({ upstream: node.url });
  });
  afterAll(() => proxy.close());

  it.each(Object.keys(CONTRACT_CASES))('%s', async (name) => {
    const answer = await CONTRACT_CASES[name]!({ ...session, host: proxy.url });
    expect(answer.status).toBe(EXPECTED_STATUS[name] ?? 200);
  });

  it('streams the event stream through to a page of the proxy: sync, then live events', async () => {
    const reader = await EventReader.open(
      `${proxy.url}/api/client/v2/conferences/meet/events?token=${session.token}`,
      { origin: proxy.url },
    );
    await reader.named('participant_sync_end');
    const from = reader.events.length;
    await CONTRACT_CASES['lock']!({ ...session, host: proxy.url });
    expect((await reader.named('conference_update', from)).data).toMatchObject({ locked: true });
    node.control.injectChat('meet', { payload: 'through the proxy' });
    expect((await reader.named('message_received', from)).data).toMatchObject({
      payload: 'through the proxy',
    });
    reader.close();
  });
});

function hasServiceType(data: unknown, serviceType: string): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { service_type?: unknown }).service_type === serviceType
  );
}

function isDialOut(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { call_direction?: unknown }).call_direction === 'out'
  );
}
