import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallMedia } from './call-media.js';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';

/** A call's media whose connection state the test drives, as werift's would change. */
class ScriptedMedia implements CallMedia {
  closed = false;
  private readonly listeners = new Set<(state: string) => void>();

  answer(): Promise<string> {
    return Promise.resolve('v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n');
  }

  addRemoteCandidate(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  onStateChange(listener: (state: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  become(state: string): void {
    for (const listener of this.listeners) listener(state);
  }
}

let node: MockNode;
let meet: ApiClient;
const media: ScriptedMedia[] = [];

beforeAll(async () => {
  node = await startMockNode({
    simulationIntervalMs: 3_600_000,
    createCallMedia: () => {
      const created = new ScriptedMedia();
      media.push(created);
      return created;
    },
  });
  meet = new ApiClient(node, 'meet');
});
afterAll(() => node.close());

describe('a call whose media fails', () => {
  it('is ended with call_disconnected, its media closed, and the participant stays', async () => {
    const me = await meet.join('Media');
    const events = await me.listen();
    const call = await me.call('POST', `participants/${me.uuid}/calls`, {
      call_type: 'WEBRTC',
      sdp: 'v=0\r\n',
    });
    const callUuid = (call.body?.result as { call_uuid: string }).call_uuid;
    await me.call('POST', `participants/${me.uuid}/calls/${callUuid}/ack`);
    const peer = media.at(-1)!;

    peer.become('connected');
    peer.become('failed');

    const ended = await events.named('call_disconnected');
    expect(ended.data).toEqual({ call_uuid: callUuid, reason: 'Media connection failed' });
    expect(peer.closed).toBe(true);
    const update = await events.next(
      (event) =>
        event.name === 'participant_update' &&
        (event.data as { uuid: string; has_media: boolean }).uuid === me.uuid &&
        (event.data as { has_media: boolean }).has_media === false,
    );
    expect(update.data).toMatchObject({ protocol: 'api', has_media: false });
    const again = await me.call('POST', `participants/${me.uuid}/calls/${callUuid}/ack`);
    expect(again.status).toBe(404);
    events.close();
  });
});
