// @vitest-environment node
/**
 * The built app in headless Chromium (fake camera and microphone) against the mock node with
 * real WebRTC media (`@ipk/mock-media`): what a person sees on the stage, and that a failing
 * call leaves them in the conference. Needs `npm run build` first (turbo runs it before `test`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_FAKE_MEDIA_ARGS, chromiumExecutablePath } from '@ipk/chromium';
import { createMediaPeer, type MediaPeer } from '@ipk/mock-media';
import { startMockNode, type CallMedia, type MockNode } from '@ipk/mock-node';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostAppDir } from '../app-dir.js';

const JOIN_PATH = '/webapp2/conference/meet?name=Alice&join=1';

// A browser start, a join and ICE take seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

let browser: Browser;
let node: MockNode | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(hostAppDir, 'index.html'))) {
    throw new Error(`No build in ${hostAppDir}: run \`npm run build -w @ipk/host-app\` first.`);
  }
  browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS, ...CHROMIUM_FAKE_MEDIA_ARGS],
  });
});

afterAll(async () => {
  await browser.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await node?.close();
  node = undefined;
});

/** What the page wrote to the console at warning level or above, from the first load on. */
const consoleProblems = new WeakMap<Page, string[]>();

async function openApp(createCallMedia: () => CallMedia, query = ''): Promise<Page> {
  node = await startMockNode({ appDir: hostAppDir, createCallMedia });
  context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  const problems: string[] = [];
  consoleProblems.set(page, problems);
  page.on('console', (message) => {
    // Chromium's own line for a 404: this node has no branding, so manifest.json is not found,
    // as on a real node with none uploaded. Everything else is the app's or a library's.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'warning' || message.type() === 'error') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  await page.goto(`${node.url}${JOIN_PATH}${query}`);
  await page.getByRole('toolbar', { name: 'Conference toolbar' }).waitFor({ timeout: 15_000 });
  return page;
}

/** Mock-media peers answering on loopback, kept so the test can see the node side close. */
function recordingPeers(): { peers: MediaPeer[]; create: () => CallMedia } {
  const peers: MediaPeer[] = [];
  return {
    peers,
    create: () => {
      const peer = createMediaPeer({ iceHost: '127.0.0.1' });
      peers.push(peer);
      return peer;
    },
  };
}

/** Waits until `#mainVideo` plays a track received on `PEX.pexrtc.call.pc`, i.e. the node's. */
async function waitForNodeVideo(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const video = document.getElementById('mainVideo') as HTMLVideoElement | null;
      const pex = (
        window as unknown as { PEX?: { pexrtc?: { call?: { pc?: RTCPeerConnection } } } }
      ).PEX;
      const pc = pex?.pexrtc?.call?.pc;
      const stream = video?.srcObject;
      if (!video || !pc || !(stream instanceof MediaStream)) return false;
      const [track] = stream.getVideoTracks();
      const fromNode = pc.getReceivers().some((receiver) => receiver.track === track);
      return fromNode && pc.connectionState === 'connected' && video.readyState >= 2;
    },
    null,
    { timeout: 15_000 },
  );
}

/**
 * Two samples of `#mainVideo`'s picture (64×48 grey levels), a few presented frames apart: what a
 * screenshot plugin would capture.
 */
async function twoSamples(page: Page): Promise<[number[], number[]]> {
  return page.evaluate(async () => {
    const video = document.getElementById('mainVideo') as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const sample = (): number[] => {
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const grey: number[] = [];
      for (let i = 0; i < data.length; i += 4)
        grey.push((data[i]! + data[i + 1]! + data[i + 2]!) / 3);
      return grey;
    };
    const nextFrames = async (count: number): Promise<void> => {
      for (let frame = 0; frame < count; frame++) {
        await new Promise((presented) => video.requestVideoFrameCallback(presented));
      }
    };
    await nextFrames(2);
    const first = sample();
    await nextFrames(4);
    return [first, sample()];
  });
}

function spread(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

function meanDifference(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + Math.abs(value - (b[index] ?? 0)), 0) / a.length;
}

async function toastTexts(page: Page): Promise<string> {
  return page.getByRole('status', { name: 'Notifications' }).innerText();
}

describe('the stage with real media from the mock node', () => {
  it('plays the node’s moving video in #mainVideo and the camera in #selfviewVideo', async () => {
    const { create } = recordingPeers();
    const page = await openApp(create);
    await waitForNodeVideo(page);
    const [first, second] = await twoSamples(page);
    expect(spread(first), 'the picture is not one flat colour').toBeGreaterThan(40);
    expect(meanDifference(first, second), 'the picture moves').toBeGreaterThan(0.5);
    const self = await page.evaluate(() => {
      const video = document.getElementById('selfviewVideo') as HTMLVideoElement;
      const stream = video.srcObject as MediaStream | null;
      return { playing: video.readyState >= 2, live: stream?.getVideoTracks()[0]?.readyState };
    });
    expect(self).toEqual({ playing: true, live: 'live' });
    // A plugin author reads the console for their plugin's warnings: a call that went well
    // leaves nothing there (Pexip's client warned "Emitting … without any observer" per call).
    expect(consoleProblems.get(page)).toEqual([]);
  });

  it('leaving closes the call on both sides and releases the camera', async () => {
    const { peers, create } = recordingPeers();
    const page = await openApp(create);
    await waitForNodeVideo(page);
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & {
        PEX: { pexrtc: { call: { pc: RTCPeerConnection } } };
      };
      w['ipkTestPc'] = w.PEX.pexrtc.call.pc;
      w['ipkTestCamera'] = (document.getElementById('selfviewVideo') as HTMLVideoElement).srcObject;
    });
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('button', { name: 'Join' }).waitFor();
    await page.waitForFunction(() => {
      const w = window as unknown as { ipkTestPc: RTCPeerConnection; ipkTestCamera: MediaStream };
      const cameraStopped = w.ipkTestCamera
        .getTracks()
        .every((track) => track.readyState === 'ended');
      return w.ipkTestPc.connectionState === 'closed' && cameraStopped;
    });
    await expect.poll(() => peers.map((peer) => peer.state)).toEqual(['closed']);
  });
});

describe('control-only when media fails', () => {
  it('stays in the conference with a notice when the node refuses the call', async () => {
    const refusing = (): CallMedia => ({
      answer: () => Promise.reject(new Error('no media on this node')),
      addRemoteCandidate: () => Promise.resolve(),
      close: () => Promise.resolve(),
    });
    const page = await openApp(refusing, '&mediaTimeoutMs=1500');
    await expect
      .poll(() => toastTexts(page), { timeout: 10_000 })
      .toContain('Audio and video did not connect');
    await expect.poll(() => toastTexts(page)).toContain('you are in the conference');
    expect(await page.getByRole('toolbar', { name: 'Conference toolbar' }).isVisible()).toBe(true);
    const stage = await page.evaluate(() => ({
      pc: (window as unknown as { PEX: { pexrtc: { call: { pc: unknown } } } }).PEX.pexrtc.call.pc,
      self: (document.getElementById('selfviewVideo') as HTMLVideoElement).srcObject,
    }));
    expect(stage).toEqual({ pc: null, self: null });
  });

  it('joins control-only with a notice when there is no camera', async () => {
    const { create } = recordingPeers();
    node = await startMockNode({ appDir: hostAppDir, createCallMedia: create });
    context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    });
    await page.goto(`${node.url}${JOIN_PATH}`);
    await page.getByRole('toolbar', { name: 'Conference toolbar' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => toastTexts(page)).toContain('No camera or microphone');
    await page
      .getByRole('list', { name: 'Participants' })
      .getByText('Alice', { exact: true })
      .waitFor();
  });

  it('joins control-only with media=0 and never opens the camera', async () => {
    const { peers, create } = recordingPeers();
    const page = await openApp(create, '&media=0');
    await expect.poll(() => toastTexts(page)).toContain('Joined without audio and video');
    expect(peers).toEqual([]);
  });
});
