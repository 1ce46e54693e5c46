import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';

let node: MockNode;

beforeAll(async () => {
  node = await startMockNode({ simulationIntervalMs: 3_600_000 });
});
afterAll(() => node.close());
beforeEach(() => node.control.reset());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${node.url}/_mock/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { status: string; result: unknown },
  };
}

describe('the /_mock/ test control API', () => {
  it('returns a snapshot of every conference', async () => {
    const { body } = await control('GET', 'state');
    const conferences = (body.result as { conferences: Array<{ alias: string }> }).conferences;
    expect(conferences.map((c) => c.alias)).toEqual(['meet', 'secure', 'lecture']);
  });

  it('adds a participant who is announced to everyone, and removes it with a reason', async () => {
    const me = await new ApiClient(node, 'meet').join('Me');
    const events = await me.listen();
    const from = events.events.length;
    const added = await control('POST', 'conferences/meet/participants', {
      display_name: 'Zoe',
      role: 'chair',
    });
    const uuid = (added.body.result as { uuid: string }).uuid;
    expect((await events.named('participant_create', from)).data).toMatchObject({
      uuid,
      role: 'chair',
    });
    const removed = await control('DELETE', `conferences/meet/participants/${uuid}?reason=bye`);
    expect(removed.body.result).toBe(true);
    expect((await events.named('participant_delete', from)).data).toEqual({ uuid });
    events.close();
  });

  it('injects a chat message, from the node or from a participant', async () => {
    const me = await new ApiClient(node, 'meet').join('Me');
    const events = await me.listen();
    await control('POST', 'conferences/meet/chat', { payload: 'hello from the test' });
    expect((await events.named('message_received')).data).toMatchObject({
      origin: 'Mock node',
      payload: 'hello from the test',
      direct: false,
    });
    events.close();
  });

  it('makes someone the active speaker', async () => {
    const me = await new ApiClient(node, 'meet').join('Me');
    const events = await me.listen();
    const from = events.events.length;
    await control('POST', `conferences/meet/participants/${me.uuid}/speak`);
    const stage = (await events.named('stage', from)).data as unknown[];
    expect(stage[0]).toEqual({ participant_uuid: me.uuid, stage_index: 0, vad: 100 });
    events.close();
  });

  it('runs a simulation step on demand', async () => {
    const { body } = await control('POST', 'simulation/step');
    expect(body.result).toMatchObject({ alias: 'meet', person: expect.any(String) });
  });

  it('resets: participants leave (streams closed), tokens stop working, people are re-seated', async () => {
    const me = await new ApiClient(node, 'meet').join('Me');
    const events = await me.listen();
    await control('POST', 'reset');
    await events.closed();
    expect((await me.call('GET', 'participants')).status).toBe(403);
    const names = node.control.snapshot().conferences[0]!.participants.map((p) => p.display_name);
    expect(names).not.toContain('Me');
    expect(names).toContain('Alice Andersen');
  });

  it('answers bad control calls with a JSON 4xx', async () => {
    expect((await control('GET', 'nope')).status).toBe(404);
    expect(
      (await control('POST', 'conferences/nowhere/participants', { display_name: 'x' })).status,
    ).toBe(404);
    expect(
      (await control('POST', 'conferences/meet/participants', { display_name: 3 })).status,
    ).toBe(400);
    expect((await control('GET', 'participants/unknown/dtmf')).status).toBe(404);
  });

  it('allows CORS preflight from another origin', async () => {
    const response = await fetch(`${node.url}/api/client/v2/conferences/meet/request_token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://elsewhere.test', 'access-control-request-headers': 'pin, token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('pin');
  });
});
