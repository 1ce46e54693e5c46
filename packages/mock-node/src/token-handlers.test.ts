import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';

let node: MockNode;
let meet: ApiClient;
let secure: ApiClient;
let lecture: ApiClient;

beforeAll(async () => {
  node = await startMockNode({ simulate: false });
  meet = new ApiClient(node, 'meet');
  secure = new ApiClient(node, 'secure');
  lecture = new ApiClient(node, 'lecture');
});
afterAll(() => node.close());
beforeEach(() => node.control.reset());

describe('request_token', () => {
  it('lets anyone into a conference without PINs as a host', async () => {
    const answer = await meet.call('POST', 'request_token', { body: { display_name: 'Ann' } });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body?.result).toMatchObject({
      role: 'HOST',
      display_name: 'Ann',
      expires: '120',
      service_type: 'conference',
      current_service_type: 'conference',
      version: { version_id: '36' },
    });
  });

  it('makes URL-safe tokens, so `?token=` survives query parsing', async () => {
    const me = await meet.join('Ann');
    expect(me.token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('treats the alias case-insensitively and accepts it URL-encoded', async () => {
    const answer = await new ApiClient(node, 'MEET').call('POST', 'request_token', {
      body: { display_name: 'Ann' },
    });
    expect(answer.status).toBe(200);
  });

  it('ignores unknown body keys', async () => {
    const answer = await meet.call('POST', 'request_token', {
      body: { display_name: 'Ann', direct_media: true, node: 'localhost', something_new: 1 },
    });
    expect(answer.status).toBe(200);
  });

  it('answers an unknown conference with 404 and `status: "failed"`', async () => {
    const answer = await new ApiClient(node, 'nowhere').call('POST', 'request_token', {
      body: { display_name: 'Ann' },
    });
    expect(answer).toMatchObject({
      status: 404,
      body: { status: 'failed', result: 'Neither conference nor gateway found' },
    });
  });

  it('requires a display name', async () => {
    const answer = await meet.call('POST', 'request_token', { body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body?.result).toMatch(/display_name/);
  });
});

describe('PINs', () => {
  it('answers a missing PIN with the PIN-status body: which PINs the conference has', async () => {
    const answer = await secure.call('POST', 'request_token', { body: { display_name: 'Ann' } });
    expect(answer).toMatchObject({
      status: 403,
      body: { result: { pin: 'required', guest_pin: 'required', version: {} } },
    });
  });

  it('makes the host PIN a HOST and the guest PIN a GUEST (the `pin` header)', async () => {
    expect((await secure.join('Host', '1234')).role).toBe('HOST');
    expect((await secure.join('Guest', '5678')).role).toBe('GUEST');
  });

  it('accepts a PIN ending in # as typed on a keypad', async () => {
    expect((await secure.join('Host', '1234#')).role).toBe('HOST');
  });

  it('refuses a wrong PIN with "Invalid PIN"', async () => {
    const answer = await secure.call('POST', 'request_token', {
      body: { display_name: 'Ann' },
      headers: { pin: '9999' },
    });
    expect(answer).toMatchObject({ status: 403, body: { result: 'Invalid PIN' } });
  });

  it('lets guests in without a PIN where only hosts have one (`pin: none`)', async () => {
    const noPin = await lecture.call('POST', 'request_token', { body: { display_name: 'Ann' } });
    expect(noPin.body?.result).toMatchObject({ pin: 'required', guest_pin: 'none' });
    const guest = await lecture.join('Student', 'none');
    expect(guest.role).toBe('GUEST');
    expect((await lecture.join('Teacher', '4321')).role).toBe('HOST');
  });

  it('does not accept `pin: none` where guests need a PIN', async () => {
    const answer = await secure.call('POST', 'request_token', {
      body: { display_name: 'Ann' },
      headers: { pin: 'none' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body?.result).toMatchObject({ guest_pin: 'required' });
  });

  it('gives a Virtual Auditorium’s participants the `lecture` service type', async () => {
    const answer = await lecture.call('POST', 'request_token', {
      body: { display_name: 'Teacher' },
      headers: { pin: '4321' },
    });
    expect(answer.body?.result).toMatchObject({
      service_type: 'lecture',
      current_service_type: 'lecture',
    });
  });
});

describe('token lifetime', () => {
  it('refreshes into a new token with a new expiry, and the new token works', async () => {
    const me = await meet.join('Ann');
    const answer = await me.call('POST', 'refresh_token');
    const result = answer.body?.result as { token: string; expires: string; role: string };
    expect(result).toMatchObject({ expires: '120', role: 'HOST' });
    expect(result.token).not.toBe(me.token);
    me.token = result.token;
    expect((await me.call('GET', 'conference_status')).status).toBe(200);
  });

  it('releases a token: the participant leaves and the token stops working', async () => {
    const me = await meet.join('Ann');
    const answer = await me.call('POST', 'release_token', { reason: 'User initiated disconnect' });
    expect(answer).toMatchObject({ status: 200, body: { status: 'success', result: true } });
    expect(node.control.snapshot().conferences[0]!.participants).toHaveLength(0);
    expect((await me.call('GET', 'participants')).status).toBe(403);
  });

  it('accepts the token as a `?token=` query parameter (sendBeacon on release)', async () => {
    const me = await meet.join('Ann');
    const answer = await meet.call('POST', `release_token?token=${me.token}`, { rawBody: '{}' });
    expect(answer.status).toBe(200);
  });

  it('refuses a token of another conference', async () => {
    const me = await meet.join('Ann');
    const answer = await secure.call('GET', 'participants', { token: me.token });
    expect(answer).toMatchObject({ status: 403, body: { result: 'Invalid token' } });
  });

  it('reports a role change at the next refresh', async () => {
    const host = await secure.join('Host', '1234');
    const guest = await secure.join('Guest', '5678');
    await host.call('POST', `participants/${guest.uuid}/role`, { role: 'chair' });
    const refreshed = await guest.call('POST', 'refresh_token');
    expect(refreshed.body?.result).toMatchObject({ role: 'HOST' });
  });
});

describe('token expiry (a node with three-second tokens)', () => {
  let shortNode: MockNode;
  let shortLived: ApiClient;
  beforeAll(async () => {
    shortNode = await startMockNode({ simulate: false, tokenExpiresSeconds: 3 });
    shortLived = new ApiClient(shortNode, 'meet');
  });
  afterAll(() => shortNode.close());

  it('expires a token that is not refreshed, and drops its participant like a real node', async () => {
    const sleeper = await shortLived.join('Sleeper');
    const stream = await sleeper.listen();
    const disconnect = await stream.named('disconnect');
    expect(disconnect.data).toEqual({ reason: 'Timer expired awaiting token refresh' });
    const answer = await sleeper.call('GET', 'conference_status');
    expect(answer).toMatchObject({ status: 403, body: { result: 'Invalid token' } });
  });

  it('keeps a participant that refreshed: it outlives one who joined after it but did not', async () => {
    const me = await shortLived.join('Refresher');
    const sleeper = await shortLived.join('Sleeper');
    const refreshed = await me.call('POST', 'refresh_token');
    expect(refreshed.status).toBe(200);
    me.token = (refreshed.body?.result as { token: string }).token;
    const stream = await me.listen();
    const sleeperGone = await stream.next(
      (e) => e.name === 'participant_delete' && (e.data as { uuid: string }).uuid === sleeper.uuid,
    );
    const before = stream.events.slice(0, stream.events.indexOf(sleeperGone));
    expect(before.map((e) => e.name)).not.toContain('disconnect');
    stream.close();
  });
});
