import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import { WEBAPP_CSP } from './static-files.js';

let node: MockNode;
let bare: MockNode;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'ipk-static-'));
  const appDir = join(root, 'app');
  const brandingDir = join(root, 'branding');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await mkdir(join(brandingDir, 'plugins', 'hello', 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>host app</title>');
  await writeFile(join(appDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(appDir, 'assets', 'data.unknown'), 'data');
  if (process.platform === 'linux') {
    // A file whose stat succeeds but whose read fails (EIO), as a file removed mid-rebuild does.
    await symlink('/proc/self/mem', join(appDir, 'assets', 'unreadable.bin'));
  }
  await writeFile(join(brandingDir, 'settings.json'), '{"plugins":[]}');
  await writeFile(join(brandingDir, 'plugins', 'hello', 'hello.js'), 'void 0;');
  await writeFile(join(brandingDir, 'plugins', 'hello', 'assets', 'icon.svg'), '<svg/>');
  await writeFile(join(root, 'secret.txt'), 'do not serve');
  node = await startMockNode({ simulate: false, appDir, brandingDir });
  bare = await startMockNode({ simulate: false });
});
afterAll(async () => {
  await node.close();
  await bare.close();
});

async function get(base: MockNode, path: string) {
  const response = await fetch(`${base.url}${path}`, { redirect: 'manual' });
  return { response, text: await response.text() };
}

describe('the host app at /webapp2/', () => {
  it('redirects / to /webapp2/', async () => {
    const { response } = await get(node, '/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/webapp2/');
  });

  it('serves index.html with the Conferencing Node style Content-Security-Policy', async () => {
    const { response, text } = await get(node, '/webapp2/');
    expect(text).toContain('host app');
    expect(response.headers.get('content-type')).toMatch(/^text\/html; ?charset=utf-8$/);
    expect(response.headers.get('content-security-policy')).toBe(WEBAPP_CSP);
    expect(WEBAPP_CSP).toContain("script-src 'self' 'unsafe-inline'");
    expect(WEBAPP_CSP).toContain("connect-src 'self'");
  });

  it('serves index.html for app routes that are not files (an SPA)', async () => {
    const { response, text } = await get(node, '/webapp2/conference/meet');
    expect(response.status).toBe(200);
    expect(text).toContain('host app');
  });

  it('serves assets with their content type, and 404s a missing asset', async () => {
    const { response } = await get(node, '/webapp2/assets/app.js');
    // RFC 9239: text/javascript is JavaScript's one type (mrmime, through sirv).
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect((await get(node, '/webapp2/assets/missing.js')).response.status).toBe(404);
    expect(
      (await get(node, '/webapp2/assets/data.unknown')).response.headers.get('content-type'),
    ).toBe('application/octet-stream');
  });

  it('revalidates with ETag (304) and serves byte ranges, whole files for bad ranges', async () => {
    const first = await get(node, '/webapp2/assets/app.js');
    const etag = first.response.headers.get('etag');
    expect(etag).not.toBeNull();
    const again = await fetch(`${node.url}/webapp2/assets/app.js`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    const part = await fetch(`${node.url}/webapp2/assets/app.js`, {
      headers: { range: 'bytes=0-6' },
    });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('console');
    for (const range of ['bytes=9-2', 'bytes=x', 'items=0-1', 'bytes=0-1,3-4']) {
      const whole = await fetch(`${node.url}/webapp2/assets/app.js`, { headers: { range } });
      expect({ range, status: whole.status, text: await whole.text() }).toEqual({
        range,
        status: 200,
        text: 'console.log(1);',
      });
    }
  });

  it.runIf(process.platform === 'linux')(
    'cuts off a file that cannot be read and keeps serving (Linux: /proc/self/mem reads fail)',
    async () => {
      await fetch(`${node.url}/webapp2/assets/unreadable.bin`).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
      expect((await get(node, '/webapp2/assets/app.js')).text).toBe('console.log(1);');
    },
  );

  it('never serves files outside its folder', async () => {
    for (const path of [
      '/webapp2/../secret.txt',
      '/webapp2/%2e%2e/secret.txt',
      '/webapp2/..%2fsecret.txt',
    ]) {
      const { text } = await get(node, path);
      expect(text).not.toContain('do not serve');
    }
  });

  it('explains how to build the host app when there is none', async () => {
    const { response, text } = await get(bare, '/webapp2/conference/meet');
    expect(response.status).toBe(200);
    expect(text).toContain('host app is not built');
    expect(text).toContain('npm run build');
  });
});

describe('the branding at /webapp2/custom_configuration/', () => {
  it('serves settings.json and plugin files with their content types', async () => {
    const settings = await get(node, '/webapp2/custom_configuration/settings.json');
    expect(settings.text).toBe('{"plugins":[]}');
    expect(settings.response.headers.get('content-type')).toMatch(/^application\/json/);
    const script = await get(node, '/webapp2/custom_configuration/plugins/hello/hello.js');
    expect(script.response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const icon = await get(node, '/webapp2/custom_configuration/plugins/hello/assets/icon.svg');
    expect(icon.response.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves the same branding at the older /webapp2/configuration/ path older samples use', async () => {
    const icon = await get(node, '/webapp2/configuration/plugins/hello/assets/icon.svg');
    expect(icon.response.status).toBe(200);
    expect(icon.response.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers a missing branding file with a plain 404, never the app page', async () => {
    const { response, text } = await get(
      node,
      '/webapp2/custom_configuration/plugins/nope/nope.js',
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).not.toContain('host app');
    expect((await get(bare, '/webapp2/custom_configuration/settings.json')).response.status).toBe(
      404,
    );
  });
});
