import { afterEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';

let node: MockNode | undefined;
afterEach(async () => {
  await node?.close();
  node = undefined;
});

describe('extraRoutes', () => {
  it('answers the paths it claims, on the node origin, before the API and the static files', async () => {
    node = await startMockNode({
      simulate: false,
      extraRoutes: async (_request, response, pathname) => {
        if (pathname !== '/_dev/ping') return false;
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('pong');
        return true;
      },
    });
    const claimed = await fetch(`${node.url}/_dev/ping`);
    expect(await claimed.text()).toBe('pong');
  });

  it('leaves every other request to the node', async () => {
    node = await startMockNode({ simulate: false, extraRoutes: async () => false });
    const token = await fetch(`${node.url}/api/client/v2/conferences/meet/request_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: 'Alice' }),
    });
    expect(token.status).toBe(200);
  });
});
