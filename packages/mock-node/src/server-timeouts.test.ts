/**
 * Slow clients are cut off after a short time suited to a local API (Node's defaults hold a
 * client that drips its headers or body for 60 s / 300 s, checked only every 30 s).
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';

let node: MockNode;

beforeAll(async () => {
  node = await startMockNode({ simulate: false, headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => node.close());

/** Opens a raw connection, writes `text` and resolves with everything read once the node closes it. */
function stall(text: string): { socket: Socket; closed: Promise<string> } {
  const socket = connect(node.port, '127.0.0.1', () => socket.write(text));
  const closed = new Promise<string>((resolve) => {
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('error', () => {}); // a reset is a close too; `close` follows
    socket.on('close', () => resolve(data));
  });
  return { socket, closed };
}

describe('time-outs for slow clients', () => {
  it('answers 408 and closes a connection whose headers never finish', async () => {
    const { closed } = stall(
      'GET /api/client/v2/conferences/meet/participants HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers 408 and closes a connection whose body never finishes', async () => {
    const { closed } = stall(
      'POST /api/client/v2/conferences/meet/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"display_na',
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    expect(node.control.snapshot().conferences[0]!.participants).toEqual([]);
  });

  it('keeps event streams open past the request time-out', async () => {
    const me = await new ApiClient(node, 'meet').join('Listener');
    const events = await me.listen();
    // A client that drips a body, opened after the stream, is cut off by the request time-out:
    // by then the stream is older than both limits.
    const { closed } = stall(
      'POST /api/client/v2/conferences/meet/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Length: 10\r\n\r\n{',
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    const from = events.events.length;
    node.control.injectChat('meet', { payload: 'still here' });
    expect((await events.named('message_received', from)).data).toMatchObject({
      payload: 'still here',
    });
    expect(events.ended).toBe(false);
    events.close();
  });

  it('defaults to 10 s for headers and 30 s for a whole request, and checks them in order', async () => {
    expect(DEFAULT_LIMITS).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    await expect(
      startMockNode({ headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 }),
    ).rejects.toThrow(/headersTimeoutMs \(5000\) must not be longer than requestTimeoutMs/);
  });
});
