// npm start / npm run dev against a small repo: one plugin made by @ipk/create-plugin, a stand-in
// host app page, no simulated people. The repo lives inside this package so the plugin resolves
// the kit's node_modules as plugins/* do; it is removed afterwards.
import { createPlugin } from '@ipk/create-plugin';
import { startMockNode } from '@ipk/mock-node';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './dev-server.js';
import { CLIENT_SCRIPT_PATH, EVENTS_PATH } from './live-reload-channel.js';
import { openDevEvents, type DevEventReader } from './test-support/event-stream-reader.js';

const packageDir = path.resolve(import.meta.dirname, '..');
let repoRoot: string;
let appDir: string;
let pluginSource: string;
let originalSource: string;
let server: DevServer | undefined;
let events: DevEventReader | undefined;

beforeAll(async () => {
  repoRoot = await mkdtemp(path.join(packageDir, '.dev-test-'));
  await writeFile(
    path.join(repoRoot, 'package.json'),
    JSON.stringify({ name: 'fixture-repo', private: true, workspaces: ['plugins/*'] }),
  );
  const created = await createPlugin({
    name: 'hello',
    placement: 'toolbar',
    pluginsDir: path.join(repoRoot, 'plugins'),
  });
  pluginSource = path.join(created.dir, 'src', 'hello-plugin.ts');
  originalSource = await readFile(pluginSource, 'utf8');
  appDir = path.join(repoRoot, 'app');
  await mkdir(appDir);
  await writeFile(
    path.join(appDir, 'index.html'),
    '<!doctype html><html><head><title>app</title></head><body>app</body></html>',
  );
});

afterEach(async () => {
  events?.close();
  events = undefined;
  await server?.close();
  server = undefined;
  await writeFile(pluginSource, originalSource);
});

afterAll(async () => {
  await rm(repoRoot, { recursive: true, force: true });
});

// The type check (a cold TypeScript program, seconds on a loaded machine) is on only where a test
// is about it.
const start = async (watch: boolean, typeCheck = false, allowedHosts?: readonly string[]) => {
  server = await startDevServer({
    repoRoot,
    watch,
    appDir,
    simulate: false,
    media: false,
    typeCheck,
    ...(allowedHosts === undefined ? {} : { allowedHosts }),
  });
  return server;
};

/** The status of `GET /webapp2/` sent with another `Host` header (fetch cannot set one). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${url}/webapp2/`, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

async function get(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

const servedBundle = (node: DevServer) =>
  get(`${node.url}/webapp2/custom_configuration/plugins/hello/hello.plugin.js`);

describe('npm run dev', () => {
  it('builds a plugin that was never built and serves it in the branding, enabled', async () => {
    const node = await start(true);
    expect(node.plugins).toEqual(['hello']);
    const settings = JSON.parse(
      await get(`${node.url}/webapp2/custom_configuration/settings.json`),
    ) as { plugins: unknown[] };
    expect(settings.plugins).toEqual([
      { id: 'hello-plugin-1.0', srcURL: 'plugins/hello/hello.plugin.package.json', enabled: true },
    ]);
    expect(await servedBundle(node)).toContain('registerPlugin');
  }, 30_000);

  it('adds the live-reload client to the host page, and serves it from the same origin', async () => {
    const node = await start(true);
    expect(await get(`${node.url}/webapp2/conference/meet`)).toContain(
      `<script src="${CLIENT_SCRIPT_PATH}"></script>`,
    );
    expect(await get(`${node.url}${CLIENT_SCRIPT_PATH}`)).toContain('new EventSource');
  }, 30_000);

  it('rebuilds a saved plugin, serves the new bundle and tells the page to reload', async () => {
    const node = await start(true);
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    const reload = events.next('reload');
    await writeFile(pluginSource, originalSource.replace('Hello!', 'Howdy!'));
    expect(await reload).toEqual({ type: 'reload', plugin: 'hello' });
    expect(await servedBundle(node)).toContain('Howdy!');
  }, 30_000);

  it('reports a build error to the page and keeps serving the last good build', async () => {
    const node = await start(true);
    const lastGood = await servedBundle(node);
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    const failed = events.next('build-error');
    await writeFile(pluginSource, `${originalSource}\nexport const broken = ;\n`);
    const error = await failed;
    expect(error.plugin).toBe('hello');
    expect(error.message).toMatch(/hello-plugin\.ts/);
    expect(await servedBundle(node)).toBe(lastGood);

    // A page opened now still sees the error; fixing the file clears it and reloads.
    const late = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    try {
      expect((await late.next('build-error')).plugin).toBe('hello');
    } finally {
      late.close();
    }
    const fixed = events.next('build-ok');
    const reload = events.next('reload');
    await writeFile(pluginSource, originalSource.replace('Hello!', 'Fixed!'));
    expect(await fixed).toMatchObject({ plugin: 'hello' });
    await reload;
    expect(await servedBundle(node)).toContain('Fixed!');
  }, 30_000);

  it('type-checks a saved plugin beside the reload and shows its type errors until they are fixed', async () => {
    const node = await start(true, true);
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    const reload = events.next('reload');
    const failed = events.next('build-error');
    await writeFile(
      pluginSource,
      originalSource.replace('participants.length === 1', 'participants.lenght === 1'),
    );
    // The page reloads with the new build at once (the check does not hold it up)…
    await reload;
    expect(await servedBundle(node)).toContain('participants.lenght');
    // …and the overlay then shows tsc's error, with the file, line and column.
    expect((await failed).message).toMatch(
      /^hello: a type error:\nsrc\/hello-plugin\.ts:\d+:\d+ TS2551 Property 'lenght' does not exist on type 'Participant\[\]'\. Did you mean 'length'\?/,
    );
    // A page opened now sees it too; the fix clears it.
    const late = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    try {
      expect((await late.next('build-error')).message).toMatch(/TS2551/);
    } finally {
      late.close();
    }
    const cleared = events.next('build-ok');
    await writeFile(pluginSource, originalSource);
    expect(await cleared).toMatchObject({ plugin: 'hello' });
  }, 60_000);

  it('shows the type errors a plugin already has when the server starts', async () => {
    await writeFile(
      pluginSource,
      originalSource.replace('participants.length', 'participants.size'),
    );
    const node = await start(true, true);
    const checked = new Promise((resolve) => node.onTypeCheck(resolve));
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    expect((await events.next('build-error')).message).toMatch(
      /TS2339 Property 'size' does not exist/,
    );
    expect(await checked).toMatchObject({ plugin: 'hello', errors: [{ code: 'TS2339' }] });
  }, 60_000);

  it('reports a check failure of @ipk/rollup-config (an action that is not registered) as a build error', async () => {
    const node = await start(true);
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    const failed = events.next('build-error');
    await writeFile(
      pluginSource,
      originalSource.replace('async openHelloDialog(', 'async openHelloDialg('),
    );
    expect((await failed).message).toMatch(
      /action "openHelloDialog" is not passed to registerPlugin/,
    );
  }, 30_000);
});

describe('plugins coming and going', () => {
  it('adds a plugin created while watching (npm run new-plugin) and reloads the page', async () => {
    const node = await start(true);
    events = await openDevEvents(`${node.url}${EVENTS_PATH}`);
    const reload = events.next('reload');
    const pluginsDir = path.join(repoRoot, 'plugins');
    try {
      await createPlugin({ name: 'newcomer', placement: 'conference', pluginsDir });
      expect(await reload).toEqual({ type: 'reload', plugin: 'newcomer' });
      const settings = JSON.parse(
        await get(`${node.url}/webapp2/custom_configuration/settings.json`),
      ) as { plugins: Array<{ id: string }> };
      expect(settings.plugins.map((plugin) => plugin.id)).toEqual([
        'hello-plugin-1.0',
        'newcomer-plugin-1.0',
      ]);
    } finally {
      await rm(path.join(pluginsDir, 'newcomer'), { recursive: true, force: true });
    }
  }, 30_000);

  it('leaves out a plugin that does not build, names it, and serves the others', async () => {
    const pluginsDir = path.join(repoRoot, 'plugins');
    const broken = await createPlugin({ name: 'broken', pluginsDir });
    const lines: string[] = [];
    try {
      await writeFile(path.join(broken.dir, 'src', 'index.ts'), 'export const broken = ;\n');
      server = await startDevServer({
        repoRoot,
        watch: true,
        appDir,
        simulate: false,
        media: false,
        log: (line) => lines.push(line),
      });
      expect(server.plugins).toEqual(['hello']);
      expect(lines.join('\n')).toMatch(/broken: not built, left out of the branding/);
      expect(await servedBundle(server)).toContain('registerPlugin');
    } finally {
      await rm(broken.dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('against a real node (--upstream)', () => {
  it('forwards the client API to that node and serves the host app and the plugins itself', async () => {
    // A second mock node on loopback stands in for the real Conferencing Node.
    const real = await startMockNode({ simulate: false });
    try {
      server = await startDevServer({
        repoRoot,
        watch: true,
        appDir,
        upstream: real.url,
        typeCheck: false,
      });
      expect(server.upstream).toBe(real.url);
      const joined = await fetch(`${server.url}/api/client/v2/conferences/meet/request_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ display_name: 'Through the dev server' }),
      });
      expect(joined.status).toBe(200);
      const names = real.control
        .snapshot()
        .conferences.find((conference) => conference.alias === 'meet')
        ?.participants.map((participant) => participant.display_name);
      expect(names).toContain('Through the dev server');
      expect(await servedBundle(server)).toContain('registerPlugin');
      expect(await get(`${server.url}/webapp2/conference/meet`)).toContain(CLIENT_SCRIPT_PATH);
    } finally {
      await server?.close();
      server = undefined;
      await real.close();
    }
  }, 30_000);
});

describe("the media library's lines", () => {
  it('go to mediaLog, not to the log the terminal shows', async () => {
    const lines: string[] = [];
    const mediaLines: string[] = [];
    server = await startDevServer({
      repoRoot,
      appDir,
      simulate: false,
      log: (line) => lines.push(line),
      mediaLog: (line) => mediaLines.push(line),
    });
    const joined = (await (
      await fetch(`${server.url}/api/client/v2/conferences/meet/request_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ display_name: 'Caller' }),
      })
    ).json()) as { result: { token: string; participant_uuid: string } };
    const { token, participant_uuid: uuid } = joined.result;
    // Chromium offers `tcptype active` candidates, which the mock's media drops (and says so).
    await fetch(`${server.url}/api/client/v2/conferences/meet/participants/${uuid}/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', token },
      body: JSON.stringify({
        call_type: 'WEBRTC',
        sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active\r\n',
      }),
    });
    expect(mediaLines.join('\n')).toMatch(/candidate dropped: .*tcp/);
    expect(lines.join('\n')).not.toMatch(/candidate|connection/);
  }, 30_000);
});

describe('npm start', () => {
  it('serves the host app as built, without the live-reload client', async () => {
    const node = await start(false);
    expect(await get(`${node.url}/webapp2/`)).not.toContain(CLIENT_SCRIPT_PATH);
    expect((await fetch(`${node.url}${EVENTS_PATH}`)).status).toBe(404);
    expect(await servedBundle(node)).toContain('registerPlugin');
  }, 30_000);

  it('answers a LAN name given with --allow-host, and refuses other names (DNS rebinding)', async () => {
    const node = await start(false, false, ['devbox.local']);
    const port = new URL(node.url).port;
    expect(await statusWithHost(node.url, `devbox.local:${port}`)).toBe(200);
    expect(await statusWithHost(node.url, `rebound.example.com:${port}`)).toBe(403);
  }, 30_000);
});
