import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UNSENT_BYTES } from './event-stream.js';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';
import { EventReader } from './test-support/event-reader.js';

let node: MockNode;
let meet: ApiClient;

beforeAll(async () => {
  node = await startMockNode({ simulationIntervalMs: 3_600_000 });
  meet = new ApiClient(node, 'meet');
});
afterAll(() => node.close());
beforeEach(() => node.control.reset());

describe('the event stream', () => {
  it('opens with the sync bracket: every participant, the caller included, then the conference state', async () => {
    const me = await meet.join('Me');
    const reader = await me.listen();
    const names = reader.names();
    expect(names[0]).toBe('participant_sync_begin');
    const syncEnd = names.indexOf('participant_sync_end');
    const created = reader.events.slice(1, syncEnd);
    expect(created.every((e) => e.name === 'participant_create')).toBe(true);
    const uuids = created.map((e) => (e.data as { uuid: string }).uuid);
    expect(uuids).toContain(me.uuid);
    expect(uuids).toHaveLength(node.control.snapshot().conferences[0]!.participants.length);
    await reader.named('layout');
    expect(names.slice(syncEnd + 1, syncEnd + 2)).toEqual(['conference_update']);
    reader.close();
  });

  it('sends `data: null` for data-less events, never an empty data line', async () => {
    const me = await meet.join('Me');
    const reader = await me.listen();
    expect(reader.events[0]).toMatchObject({ name: 'participant_sync_begin', raw: 'null' });
    expect(reader.events.find((e) => e.name === 'participant_sync_end')?.raw).toBe('null');
    reader.close();
  });

  it('shows the caller as an API participant without media', async () => {
    const me = await meet.join('Me');
    const reader = await me.listen();
    const self = reader.events.find(
      (e) => e.name === 'participant_create' && (e.data as { uuid: string }).uuid === me.uuid,
    );
    expect(self?.data).toMatchObject({ protocol: 'api', has_media: false, display_name: 'Me' });
    reader.close();
  });

  it('announces newcomers, changes and departures to everyone, the caller’s own stream included', async () => {
    const host = await meet.join('Host');
    const reader = await host.listen();
    const from = reader.events.length;
    const guest = await meet.join('Guest');
    const created = await reader.next(
      (e) => e.name === 'participant_create' && (e.data as { uuid: string }).uuid === guest.uuid,
      from,
    );
    expect(created.data).toMatchObject({ display_name: 'Guest' });
    await host.call('POST', `participants/${host.uuid}/buzz`);
    const update = await reader.next(
      (e) => e.name === 'participant_update' && (e.data as { uuid: string }).uuid === host.uuid,
      from,
    );
    expect((update.data as { buzz_time: number }).buzz_time).toBeGreaterThan(0);
    await guest.call('POST', 'release_token', {});
    const deleted = await reader.named('participant_delete', from);
    expect(deleted.data).toEqual({ uuid: guest.uuid });
    reader.close();
  });

  it('answers a state change before announcing it', async () => {
    const host = await meet.join('Host');
    const reader = await host.listen();
    const from = reader.events.length;
    const answer = await host.call('POST', 'lock');
    expect(answer.status).toBe(200);
    const update = await reader.named('conference_update', from);
    expect(update.data).toMatchObject({ locked: true });
    reader.close();
  });

  it('gives a reconnecting client a full resync with what changed while it was away', async () => {
    const host = await meet.join('Host');
    const first = await host.listen();
    first.close();
    await first.closed();
    const latecomer = await meet.join('Latecomer');
    await host.call('POST', 'lock');
    const second = await host.listen();
    expect(second.names()[0]).toBe('participant_sync_begin');
    const uuids = second.events
      .filter((e) => e.name === 'participant_create')
      .map((e) => (e.data as { uuid: string }).uuid);
    expect(uuids).toContain(latecomer.uuid);
    const status = await second.named('conference_update');
    expect(status.data).toMatchObject({ locked: true });
    second.close();
  });

  it('loses no event: 300 changes arrive in order on every open stream', async () => {
    const host = await meet.join('Host');
    const readers = await Promise.all([
      host.listen(),
      host.listen(),
      (await meet.join('Other')).listen(),
    ]);
    const starts = readers.map((r) => r.events.length);
    for (let i = 0; i < 300; i += 1) {
      node.control.injectChat('meet', { payload: `message ${i}` });
    }
    for (const [index, reader] of readers.entries()) {
      await reader.next(
        (e) =>
          e.name === 'message_received' &&
          (e.data as { payload: string }).payload === 'message 299',
        starts[index],
      );
      const payloads = reader.events
        .slice(starts[index])
        .filter((e) => e.name === 'message_received')
        .map((e) => (e.data as { payload: string }).payload);
      expect(payloads).toEqual(Array.from({ length: 300 }, (_, i) => `message ${i}`));
      reader.close();
    }
  });

  it('tells a removed participant why, closes its stream, and tells the others it left', async () => {
    const host = await meet.join('Host');
    const guest = await meet.join('Guest');
    const hostEvents = await host.listen();
    const guestEvents = await guest.listen();
    const from = hostEvents.events.length;
    await host.call('POST', `participants/${guest.uuid}/disconnect`);
    const disconnect = await guestEvents.named('disconnect');
    expect(disconnect.data).toEqual({ reason: 'Disconnected by another participant' });
    await guestEvents.closed();
    expect((await hostEvents.named('participant_delete', from)).data).toEqual({ uuid: guest.uuid });
    hostEvents.close();
  });

  it('refuses a stream without a valid token with a JSON 403', async () => {
    await expect(EventReader.open(`${meet.base}/events?token=nope`)).rejects.toThrow(
      /HTTP 403 .*Invalid token/,
    );
  });

  it('takes the token from a `token` header as well (the Android SDK sends it so)', async () => {
    const me = await meet.join('Me');
    const reader = await EventReader.open(`${meet.base}/events`, { token: me.token });
    await reader.named('participant_sync_end');
    reader.close();
  });

  it('flushes the headers at once, so a client sees `open` before any event', async () => {
    const me = await meet.join('Me');
    const controller = new AbortController();
    const response = await fetch(`${meet.base}/events?token=${me.token}`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
  });
});

describe('a client that stops reading', () => {
  it('is cut off once too much waits unsent, and can reconnect to a full resync', async () => {
    const me = await meet.join('Slow reader');
    const socket = connect(node.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `GET ${new URL(meet.base).pathname}/events?token=${me.token} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.pause();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const payload = 'x'.repeat(16 * 1024);
    for (let i = 0; i * payload.length < 3 * MAX_UNSENT_BYTES; i += 1) {
      node.control.injectChat('meet', { payload });
    }
    socket.resume();
    socket.on('data', () => {});
    await closed;
    const again = await me.listen();
    expect(again.names()[0]).toBe('participant_sync_begin');
    again.close();
  });
});
