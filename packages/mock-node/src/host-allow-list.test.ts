/**
 * DNS rebinding: a page on `evil.example`, whose name is made to resolve to 127.0.0.1, reaches the
 * node with `Host: evil.example`. The node answers only the names that are really its own.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostAllowList, hostnameOf } from './host-allow-list.js';
import { startMockNode, type MockNode } from './mock-node.js';

let node: MockNode;

beforeAll(async () => {
  node = await startMockNode({ simulate: false, allowedHosts: ['mock.test'] });
});
afterAll(() => node.close());

/** A request with a chosen `Host` header (fetch may not set it). */
function withHost(
  host: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${node.url}${path}`,
      { method, headers: { host, 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(method === 'POST' ? '{"display_name":"Rebound"}' : undefined);
  });
}

describe('the Host allow-list', () => {
  it('refuses a name that is not the node’s own, on the API, /_mock/ and the app alike', async () => {
    const host = `evil.example:${node.port}`;
    const join = await withHost(host, '/api/client/v2/conferences/meet/request_token', 'POST');
    expect(join.status).toBe(403);
    expect(JSON.parse(join.text)).toMatchObject({
      status: 'failed',
      result: expect.stringContaining('--allow-host'),
    });
    expect((await withHost(host, '/_mock/state')).status).toBe(403);
    const page = await withHost(host, '/webapp2/');
    expect(page).toMatchObject({ status: 403, text: expect.stringContaining('evil.example') });
    expect(node.control.snapshot().conferences[0]!.participants).toEqual([]);
  });

  it('answers localhost, loopback addresses, the address it listens on and --allow-host names', async () => {
    for (const host of [
      `localhost:${node.port}`,
      `127.0.0.1:${node.port}`,
      `[::1]:${node.port}`,
      `LOCALHOST.:${node.port}`,
      `app.localhost:${node.port}`,
      `mock.test:${node.port}`,
      'localhost',
    ]) {
      expect({ host, status: (await withHost(host, '/_mock/state')).status }).toEqual({
        host,
        status: 200,
      });
    }
  });

  it('allows every interface address when listening on all of them, and nothing else', () => {
    const all = new HostAllowList('0.0.0.0');
    const addresses = Object.values(networkInterfaces())
      .flat()
      .map((address) => address?.address)
      .filter((address) => address !== undefined);
    for (const address of addresses) {
      expect(all.allows(address.includes(':') ? `[${address}]:8787` : `${address}:8787`)).toBe(
        true,
      );
    }
    expect(all.allows('rebound.example:8787')).toBe(false);
    expect(new HostAllowList('192.0.2.10').allows('192.0.2.10:8787')).toBe(true);
    expect(new HostAllowList('127.0.0.1').allows('192.0.2.10:8787')).toBe(false);
  });

  it('reads host names from Host headers', () => {
    expect(hostnameOf('Example.COM:80')).toBe('example.com');
    expect(hostnameOf('[::1]:8787')).toBe('::1');
    expect(hostnameOf('[::1')).toBeUndefined();
    expect(hostnameOf('')).toBeUndefined();
  });
});
