import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient } from './test-support/api-client.js';
import { parseUpstreamUrl } from './upstream-proxy.js';

let realNode: MockNode;
let proxy: MockNode;

beforeAll(async () => {
  // The "real" Conferencing Node is a second mock; the proxy serves the app itself.
  realNode = await startMockNode({ simulate: false });
  const appDir = await mkdtemp(join(tmpdir(), 'ipk-upstream-app-'));
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>local app</title>');
  proxy = await startMockNode({ upstream: realNode.url, appDir });
});
afterAll(async () => {
  await proxy.close();
  await realNode.close();
});

describe('upstream mode', () => {
  it('forwards the client API: a join through the proxy lands on the upstream node', async () => {
    const me = await new ApiClient(proxy, 'meet').join('Through proxy');
    const upstreamParticipants = realNode.control.snapshot().conferences[0]!.participants;
    expect(upstreamParticipants.map((p) => p.uuid)).toEqual([me.uuid]);
  });

  it('forwards PIN refusals and errors unchanged', async () => {
    const secure = new ApiClient(proxy, 'secure');
    const noPin = await secure.call('POST', 'request_token', { body: { display_name: 'x' } });
    expect(noPin).toMatchObject({ status: 403, body: { result: { pin: 'required' } } });
    const unknown = await new ApiClient(proxy, 'nowhere').call('POST', 'request_token', {
      body: { display_name: 'x' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { status: 'failed' } });
  });

  it('streams events through as they happen', async () => {
    const meet = new ApiClient(proxy, 'meet');
    const me = await meet.join('Listener');
    const events = await me.listen();
    const from = events.events.length;
    realNode.control.injectChat('meet', { payload: 'from upstream' });
    const message = await events.named('message_received', from);
    expect(message.data).toMatchObject({ payload: 'from upstream' });
    events.close();
  });

  it('serves the host app locally and turns the /_mock/ test API off', async () => {
    const page = await fetch(`${proxy.url}/webapp2/conference/meet`);
    expect(await page.text()).toContain('local app');
    const control = await fetch(`${proxy.url}/_mock/state`);
    expect(control.status).toBe(404);
    expect(await control.json()).toMatchObject({ status: 'failed' });
  });

  it('answers 502 "502 Bad Gateway" in Pexip’s envelope when the node cannot be reached', async () => {
    const closed = await startMockNode({ simulate: false });
    const url = closed.url;
    await closed.close();
    const orphan = await startMockNode({ upstream: url });
    const answer = await new ApiClient(orphan, 'meet').call('POST', 'request_token', {
      body: { display_name: 'x' },
    });
    expect(answer).toMatchObject({
      status: 502,
      body: { status: 'failed', result: '502 Bad Gateway' },
    });
    await orphan.close();
  });

  it('accepts only an origin as the upstream', () => {
    expect(parseUpstreamUrl('https://node.example.com').host).toBe('node.example.com');
    expect(() => parseUpstreamUrl('node.example.com')).toThrow(/not a URL/);
    expect(() => parseUpstreamUrl('ftp://node.example.com')).toThrow(/http/);
    expect(() => parseUpstreamUrl('https://node.example.com/api')).toThrow(/without a path/);
  });
});
