import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';

let node: MockNode;

beforeAll(async () => {
  node = await startMockNode({ simulationIntervalMs: 3_600_000 });
});
afterAll(() => node.close());
beforeEach(() => node.control.reset());

/** Control calls are JSON, with or without a body (text/plain and forms are refused). */
async function control(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${node.url}/_mock/${path}`, {
    method,
    headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    body: (await response.json()) as { status: string; result: unknown },
  };
}

interface StatePage {
  conferences: Array<{
    alias: string;
    participants: Array<{ display_name: string }>;
    participantCount: number;
    chat: Array<{ payload: string }>;
    chatCount: number;
  }>;
  page: { offset: number; limit: number };
}

describe('the /_mock/ test control API', () => {
  it('returns a snapshot of every conference', async () => {
    const { body } = await control('GET', 'state');
    const conferences = (body.result as { conferences: Array<{ alias: string }> }).conferences;
    expect(conferences.map((c) => c.alias)).toEqual(['meet', 'secure', 'lecture']);
  });

  it('pages the state: 100 participants and chat messages at a time, with the totals', async () => {
    for (let i = 0; i < 250; i += 1) {
      node.control.addParticipant('meet', { displayName: `Person ${i}` });
      node.control.injectChat('meet', { payload: `line ${i}` });
    }
    const first = (await control('GET', 'state')).body.result as StatePage;
    const meet = first.conferences[0]!;
    expect(first.page).toEqual({ offset: 0, limit: 100 });
    expect(meet.participants).toHaveLength(100);
    expect(meet.participantCount).toBeGreaterThan(250);
    expect(meet.chat.map((m) => m.payload).slice(0, 2)).toEqual(['line 50', 'line 51']);
    expect(meet.chatCount).toBe(200); // the kept history (chatHistoryLimit), oldest dropped
    const last = (await control('GET', 'state?conference=meet&offset=150&limit=1000')).body
      .result as StatePage;
    expect(last.conferences.map((c) => c.alias)).toEqual(['meet']);
    expect(last.conferences[0]!.participants).toHaveLength(meet.participantCount - 150);
    expect(last.conferences[0]!.chat.at(-1)?.payload).toBe('line 249');
    expect((await control('GET', 'state?limit=5000')).status).toBe(400);
    expect((await control('GET', 'state?offset=-1')).status).toBe(400);
    expect((await control('GET', 'state?conference=nowhere')).status).toBe(404);
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

  it('refuses control calls that are not JSON, which a page could send without a preflight', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await fetch(`${node.url}/_mock/conferences/meet/chat`, {
        method: 'POST',
        ...(type === undefined ? {} : { headers: { 'content-type': type } }),
        body: JSON.stringify({ payload: 'injected' }),
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({
        status: 'failed',
        result: expect.stringContaining('Content-Type: application/json'),
      });
    }
    expect(node.control.snapshot().conferences[0]!.chat).toEqual([]);
  });

  it('refuses pages of other origins, and never answers Access-Control-Allow-Origin: *', async () => {
    const evil = { origin: 'http://evil.example' };
    const post = await control('POST', 'conferences/meet/chat', { payload: 'x' }, evil);
    expect(post).toMatchObject({ status: 403, allowOrigin: null });
    expect(post.body.result).toContain('--allow-origin');
    const state = await control('GET', 'state', undefined, evil);
    expect(state).toMatchObject({ status: 403, allowOrigin: null });
    const preflight = await fetch(`${node.url}/_mock/reset`, {
      method: 'OPTIONS',
      headers: { ...evil, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(node.control.snapshot().conferences[0]!.chat).toEqual([]);
  });

  it('lets pages of the node itself and allowed origins drive it, naming their origin', async () => {
    const own = await control('POST', 'simulation/step', undefined, { origin: node.url });
    expect(own).toMatchObject({ status: 200, allowOrigin: node.url });
    const allowing = await startMockNode({
      simulate: false,
      allowedOrigins: ['http://localhost:5173/'],
    });
    try {
      const preflight = await fetch(`${allowing.url}/_mock/reset`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
      const reset = await fetch(`${allowing.url}/_mock/reset`, {
        method: 'POST',
        headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      });
      expect(reset.status).toBe(200);
      expect(reset.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    } finally {
      await allowing.close();
    }
    await expect(startMockNode({ allowedOrigins: ['localhost:5173/app'] })).rejects.toThrow(
      /allowed origin "localhost:5173\/app"/,
    );
  });

  it('allows CORS preflight from another origin on the client API', async () => {
    const response = await fetch(`${node.url}/api/client/v2/conferences/meet/request_token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://elsewhere.test', 'access-control-request-headers': 'pin, token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('pin');
  });
});
