import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_FAKE_MEDIA_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import type { MediaPeer } from '../media-peer.js';
import { CALLER_PAGE_HTML } from './caller-page.js';

/** What the caller page reports after watching the conference video. */
export interface WatchedFrames {
  width: number;
  height: number;
  /** Seconds of media time between the first and the last watched frame. */
  mediaTimeAdvance: number;
  presentedFrames: number;
  /** Distinct colours in a sample of the last frame: 1 means a blank picture. */
  distinctColours: number;
}

/**
 * Headless Chromium with a fake camera, on a page served from 127.0.0.1, that calls a
 * `MediaPeer` over a tiny HTTP imitation of the client API's call endpoints (`calls`,
 * `new_candidate`, `ack`, `disconnect`). Tests and the benchmark share it.
 */
export interface ChromiumCaller {
  /** The peer of the latest call, if any: only that one is kept, like a node keeps live calls. */
  readonly currentPeer: MediaPeer | undefined;
  /** `camera: false` joins with the camera off (video `recvonly`). */
  startCall(options?: { camera?: boolean }): Promise<MediaPeer>;
  watchFrames(count: number): Promise<WatchedFrames>;
  /**
   * Starts sending a presentation, which renegotiates (`update`); resolves to the presentation
   * transceiver's negotiated direction.
   */
  startPresenting(): Promise<string>;
  /** A PNG of the conference video as the page shows it: for looking at, by a person. */
  screenshotVideo(): Promise<Buffer>;
  /** Closes the page's connection and posts `disconnect`, which closes the peer. */
  hangUp(): Promise<void>;
  close(): Promise<void>;
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  // `Connection: close` keeps keep-alive sockets out of the resource counts the tests compare.
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(JSON.stringify(body));
}

export interface ChromiumCallerOptions {
  /**
   * Give every call a fresh page (closed on hang-up), so Playwright's per-page records of
   * requests do not pile up in this process: the benchmark measures memory. Tests reuse one page.
   */
  pagePerCall?: boolean;
}

export async function launchChromiumCaller(
  createPeer: () => MediaPeer,
  options: ChromiumCallerOptions = {},
): Promise<ChromiumCaller> {
  let currentPeer: MediaPeer | undefined;
  let calls = 0;
  const current = (): MediaPeer => {
    if (!currentPeer) throw new Error('no call has started');
    return currentPeer;
  };

  async function route(path: string, body: unknown): Promise<unknown> {
    switch (path) {
      case '/calls': {
        const peer = createPeer();
        currentPeer = peer;
        calls += 1;
        return { call_uuid: String(calls), sdp: await peer.answer(String(field(body, 'sdp'))) };
      }
      case '/update':
        return current().answer(String(field(body, 'sdp')));
      case '/new_candidate': {
        const mid = field(body, 'mid');
        await current().addRemoteCandidate({
          candidate: String(field(body, 'candidate')),
          ...(typeof mid === 'string' ? { mid } : {}),
        });
        return null;
      }
      case '/ack':
        return true;
      case '/disconnect':
        await current().close();
        return null;
      default:
        throw new Error(`unknown endpoint ${path}`);
    }
  }

  const server: Server = createServer((request, response) => {
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html', connection: 'close' });
      response.end(CALLER_PAGE_HTML);
      return;
    }
    text(request)
      .then((body) => route(request.url ?? '/', JSON.parse(body || '{}')))
      .then((result) => send(response, 200, result))
      .catch((error: unknown) => send(response, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const executablePath = chromiumExecutablePath();
  const browser: Browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [...CHROMIUM_ARGS, ...CHROMIUM_FAKE_MEDIA_ARGS],
  });
  const context = await browser.newContext();
  let page: Page | undefined;
  const openPage = (): Page => {
    if (!page) throw new Error('no call has started');
    return page;
  };

  return {
    get currentPeer() {
      return currentPeer;
    },
    async startCall({ camera = true } = {}) {
      if (!page) {
        page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
      }
      await page.evaluate(`window.caller.startCall({ camera: ${camera} })`);
      return current();
    },
    async watchFrames(count) {
      return (await openPage().evaluate(`window.caller.watchFrames(${count})`)) as WatchedFrames;
    },
    async startPresenting() {
      return (await openPage().evaluate('window.caller.startPresenting()')) as string;
    },
    async screenshotVideo() {
      return openPage().locator('#mainVideo').screenshot();
    },
    async hangUp() {
      await openPage().evaluate('window.caller.hangUp()');
      if (!options.pagePerCall) return;
      await openPage().close();
      page = undefined;
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
