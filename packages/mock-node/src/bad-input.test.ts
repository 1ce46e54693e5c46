/**
 * Bad input never breaks the node: malformed JSON, wrong types, oversized bodies, unknown
 * conferences, participants and endpoints, wrong methods and bad tokens each get a 4xx in Pexip's
 * JSON envelope — never a 5xx, never a crash — and leave the conference state exactly as it was.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './request-body.js';
import { startMockNode, type MockNode } from './mock-node.js';
import { SeededRandom } from './seeded-random.js';
import { ApiClient, type Participant } from './test-support/api-client.js';

const FUZZ_REQUESTS = 3000;
const CONCURRENCY = 16;

let node: MockNode;
let meet: ApiClient;
let host: Participant;
let otherUuid: string;

beforeAll(async () => {
  node = await startMockNode({ simulate: false });
  meet = new ApiClient(node, 'meet');
  host = await meet.join('Host');
  otherUuid = node.control.addParticipant('meet', { displayName: 'Other' }).uuid;
});
afterAll(() => node.close());

interface BadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type FieldKind = 'string' | 'boolean' | 'object' | 'array' | { oneOf: string[] };

/** Endpoints that need a body: each required field and its kind (from `@pexip/infinity-api` v20). */
const BODY_ENDPOINTS: Array<{ path: (p: string) => string; fields: Record<string, FieldKind> }> = [
  { path: () => 'request_token', fields: { display_name: 'string' } },
  {
    path: () => 'dial',
    fields: {
      role: { oneOf: ['HOST', 'GUEST'] },
      destination: 'string',
      protocol: { oneOf: ['sip', 'h323', 'rtmp', 'mssip', 'auto'] },
    },
  },
  {
    path: () => 'message',
    fields: { type: { oneOf: ['text/plain', 'application/json'] }, payload: 'string' },
  },
  { path: () => 'transform_layout', fields: { transforms: 'object' } },
  { path: () => 'set_guests_can_unmute', fields: { setting: 'boolean' } },
  { path: () => 'silent_video_detection', fields: { config: 'object' } },
  { path: () => 'video_mixes/create', fields: { mix_name: 'string' } },
  { path: (p) => `participants/${p}/dtmf`, fields: { digits: 'string' } },
  { path: (p) => `participants/${p}/overlaytext`, fields: { text: 'string' } },
  { path: (p) => `participants/${p}/role`, fields: { role: { oneOf: ['chair', 'guest'] } } },
  { path: (p) => `participants/${p}/pres_in_mix`, fields: { state: 'boolean' } },
  {
    path: (p) => `participants/${p}/transfer`,
    fields: { conference_alias: 'string', role: { oneOf: ['host', 'guest'] } },
  },
  {
    path: (p) => `participants/${p}/message`,
    fields: { type: { oneOf: ['text/plain', 'application/json'] }, payload: 'string' },
  },
  {
    path: (p) => `participants/${p}/fecc`,
    fields: { action: { oneOf: ['start', 'stop', 'continue'] }, movement: 'array' },
  },
];

const POST_PATHS = [
  'lock',
  'unlock',
  'muteguests',
  'refresh_token',
  'release_token',
  'disconnect',
  'clearallbuzz',
];
const GET_PATHS = ['participants', 'conference_status', 'available_layouts', 'theme/', 'events'];

function validValue(kind: FieldKind): unknown {
  if (kind === 'string') return 'room@example.com';
  if (kind === 'boolean') return true;
  if (kind === 'object') return {};
  if (kind === 'array') return [];
  return kind.oneOf[0];
}

function wrongValue(kind: FieldKind, random: SeededRandom): unknown {
  const pools: Record<string, unknown[]> = {
    string: [1, true, null, [], { a: 1 }, 3.5],
    boolean: [1, 'yes', null, [], {}, 'true'],
    object: [1, 'x', true, [], null],
    array: [1, 'x', true, {}, null],
  };
  if (typeof kind === 'object') return random.pick(['admin', '', 'HOSTS', 42, null, 'Text/Plain']);
  return random.pick(pools[kind] ?? [null]);
}

const MALFORMED_BODIES = [
  '{',
  '{"a":',
  'nul',
  '[1,2',
  '{"display_name": "x",}',
  '\u0000\u0001',
  '"just a string"',
  '[]',
  '42',
  'true',
];

/** One request that a correct node must refuse; `kind` says which rule it breaks. */
function badRequest(random: SeededRandom): BadRequest {
  const token = { token: host.token };
  const json = { 'content-type': 'application/json' };
  switch (random.below(8)) {
    case 0: {
      const endpoint = random.pick(BODY_ENDPOINTS)!;
      const body: Record<string, unknown> = {};
      for (const [name, kind] of Object.entries(endpoint.fields)) body[name] = validValue(kind);
      const names = Object.keys(endpoint.fields);
      const broken = names[random.below(names.length)]!;
      if (random.below(4) === 0) delete body[broken];
      else body[broken] = wrongValue(endpoint.fields[broken]!, random);
      return {
        method: 'POST',
        path: endpoint.path(otherUuid),
        headers: { ...token, ...json },
        body: JSON.stringify(body),
      };
    }
    case 1: {
      const endpoint = random.pick(BODY_ENDPOINTS)!;
      return {
        method: 'POST',
        path: endpoint.path(otherUuid),
        headers: { ...token, ...json },
        body: random.pick(MALFORMED_BODIES),
      };
    }
    case 2: {
      const path = random.pick([...POST_PATHS, ...GET_PATHS])!;
      const headers: Record<string, string> =
        random.below(2) === 0
          ? {}
          : { token: random.pick(['', 'x', 'Bearer abc', host.token.slice(1), '%00'])! };
      return { method: POST_PATHS.includes(path) ? 'POST' : 'GET', path, headers, body: undefined };
    }
    case 3: {
      const postOnly = [...POST_PATHS, 'request_token', `participants/${otherUuid}/mute`];
      const path = random.pick([...postOnly, ...GET_PATHS])!;
      const method = random.pick([
        'PUT',
        'DELETE',
        'PATCH',
        postOnly.includes(path) ? 'GET' : 'POST',
      ])!;
      return { method, path, headers: token, body: method === 'GET' ? undefined : '{}' };
    }
    case 4: {
      const garbage = random.pick([
        'nope',
        'participant',
        'participants/x/y/z',
        '..%2F..%2Fetc',
        'calls',
        '%E0%A4%A',
        'lock/extra',
        'theme/x',
      ])!;
      return {
        method: random.pick(['GET', 'POST'])!,
        path: garbage,
        headers: token,
        body: undefined,
      };
    }
    case 5: {
      const path = random.pick(['request_token', 'lock', 'participants', 'events'])!;
      return {
        method: path === 'participants' || path === 'events' ? 'GET' : 'POST',
        path,
        headers: token,
        body: '{"display_name":"x"}',
        alias: random.pick(['nowhere', '%E0%A4%A', 'meet%00', ''])!,
      } as BadRequest & { alias: string };
    }
    case 6: {
      const uuid = random.pick(['00000000-0000-0000-0000-000000000000', 'x', '%20', 'meet'])!;
      const action = random.pick(['mute', 'unmute', 'disconnect', 'spotlighton', 'buzz'])!;
      return {
        method: 'POST',
        path: `participants/${uuid}/${action}`,
        headers: token,
        body: undefined,
      };
    }
    default: {
      const size = MAX_BODY_BYTES + 1 + random.below(1000);
      const body = JSON.stringify({ display_name: 'x'.repeat(size) });
      return {
        method: 'POST',
        path: random.pick(['request_token', 'message', 'dial'])!,
        headers: { ...token, ...json },
        body,
      };
    }
  }
}

/** Raw `node:http`, so the fuzz can also send what fetch refuses to (a GET with a body). */
function send(
  request: BadRequest & { alias?: string },
): Promise<{ status: number; type: string | null; text: string }> {
  const alias = request.alias ?? 'meet';
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${node.url}/api/client/v2/conferences/${alias}/${request.path}`,
      {
        method: request.method,
        headers:
          request.body === undefined
            ? request.headers
            : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'] ?? null,
            text,
          }),
        );
      },
    );
    // The node may answer 413 and close before an oversized body is fully sent.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    outgoing.end(request.body);
  });
}

describe('bad input', () => {
  it(`refuses ${FUZZ_REQUESTS} random bad requests with a JSON 4xx and changes nothing`, async () => {
    const random = new SeededRandom(20261126);
    const before = node.control.snapshot();
    const requests = Array.from({ length: FUZZ_REQUESTS }, () => badRequest(random));
    const statuses = new Map<number, number>();
    let next = 0;
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const answer = await send(request);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const body = answer.type?.startsWith('application/json')
            ? (JSON.parse(answer.text) as { status?: unknown; result?: unknown })
            : undefined;
          if (
            answer.status < 400 ||
            answer.status >= 500 ||
            body?.status !== 'failed' ||
            typeof body.result !== 'string'
          ) {
            failures.push(
              `${request.method} ${request.path} ${request.body?.slice(0, 80)} → ${answer.status} ${answer.text.slice(0, 120)}`,
            );
          }
        }
      }),
    );
    console.log(
      `fuzz: ${FUZZ_REQUESTS} bad requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(node.control.snapshot()).toEqual(before);
    expect((await host.call('GET', 'participants')).status).toBe(200);
    // The request count bounds this test; the generous timeout only keeps a loaded CI machine green.
  }, 120_000);

  it('refuses an oversized body with 413 before reading it all', async () => {
    const answer = await meet.call('POST', 'message', {
      token: host.token,
      rawBody: JSON.stringify({ type: 'text/plain', payload: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(answer).toMatchObject({ status: 413, body: { status: 'failed' } });
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await fetch(`${meet.base}/lock`, {
      method: 'GET',
      headers: { token: host.token },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ status: 'failed' });
  });

  it('survives garbage that is not HTTP at all', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(node.port, '127.0.0.1', () =>
        socket.end('\u0000\u00ffNOT HTTP\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await host.call('GET', 'participants')).status).toBe(200);
  });
});
