import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMediaPeer } from './media-peer.js';
import type { MediaPeer, MediaPeerOptions, MediaPeerState } from './media-peer.js';
import { launchChromiumCaller } from './testing/chromium-caller.js';
import type { ChromiumCaller } from './testing/chromium-caller.js';

/** Open handles of the kinds a call's media uses: UDP sockets and timers. */
function mediaResources(): { udpSockets: number; timers: number } {
  const resources = process.getActiveResourcesInfo();
  return {
    udpSockets: resources.filter((name) => name === 'UDPWrap').length,
    timers: resources.filter((name) => name === 'Timeout').length,
  };
}

function reaches(peer: MediaPeer, wanted: MediaPeerState): Promise<void> {
  if (peer.state === wanted) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = peer.onStateChange((state) => {
      if (state !== wanted) return;
      stop();
      resolve();
    });
  });
}

describe('a MediaPeer called by Chromium with a fake camera', { timeout: 60_000 }, () => {
  let caller: ChromiumCaller;
  const states: MediaPeerState[] = [];
  const logLines: string[] = [];
  let peerOptions: MediaPeerOptions = {};

  beforeAll(async () => {
    caller = await launchChromiumCaller(() => {
      const peer = createMediaPeer({ ...peerOptions, log: (line) => logLines.push(line) });
      peer.onStateChange((state) => states.push(state));
      return peer;
    });
  }, 60_000);

  // A failed test must not leave its call open for the next one (the resource count needs that).
  afterEach(async () => {
    await caller.currentPeer?.close();
    peerOptions = {};
    logLines.length = 0;
  });

  afterAll(async () => {
    await caller?.close();
  });

  it('plays the participant’s own camera back as moving frames in #mainVideo', async () => {
    const peer = await caller.startCall();
    const frames = await caller.watchFrames(10);

    expect(frames).toMatchObject({ width: 640, height: 480 });
    // A frame can be presented between two callbacks: at least the frames waited for.
    expect(frames.presentedFrames).toBeGreaterThanOrEqual(10);
    expect(frames.mediaTimeAdvance).toBeGreaterThan(0);
    // Chromium's fake camera draws a moving pie and a frame counter: far from one flat colour.
    expect(frames.distinctColours).toBeGreaterThan(10);
    expect(peer.state).toBe('connected');
    const stats = peer.stats();
    expect(stats.packetsIn).toBeGreaterThan(0);
    expect(stats.packetsOut).toBeGreaterThan(0);
    expect(stats.keyFrameRequests).toBeGreaterThan(0);

    await caller.hangUp();
  });

  it('shows a participant whose camera is off the pattern clip, as moving frames', async () => {
    await caller.startCall({ camera: false });
    const frames = await caller.watchFrames(10);

    expect(frames).toMatchObject({ width: 640, height: 480 });
    // A frame can be presented between two callbacks: at least the frames waited for.
    expect(frames.presentedFrames).toBeGreaterThanOrEqual(10);
    expect(frames.mediaTimeAdvance).toBeGreaterThan(0);
    expect(frames.distinctColours).toBeGreaterThan(10);
    expect(logLines).toContain('pattern playing on mid 1');
    await caller.hangUp();
  });

  it('in pattern mode plays the pattern clip instead of the camera', async () => {
    peerOptions = { mode: 'pattern' };
    await caller.startCall();
    const frames = await caller.watchFrames(10);

    expect(frames.presentedFrames).toBeGreaterThanOrEqual(10);
    expect(frames.mediaTimeAdvance).toBeGreaterThan(0);
    expect(logLines).toContain('pattern playing on mid 1');
    await caller.hangUp();
  });

  it('closes the call’s media on disconnect and says so', async () => {
    states.length = 0;
    const peer = await caller.startCall();
    await reaches(peer, 'connected');
    await caller.hangUp();

    expect(peer.state).toBe('closed');
    expect(states).toContain('connected');
    expect(states.at(-1)).toBe('closed');
    await expect(peer.answer('v=0\r\n')).rejects.toThrow(/already closed/);
  });

  it('answers an update when the participant starts presenting, and the video keeps playing', async () => {
    const peer = await caller.startCall();
    await caller.watchFrames(3);
    const packetsBefore = peer.stats().packetsIn;

    const presentationDirection = await caller.startPresenting();
    const frames = await caller.watchFrames(5);

    expect(presentationDirection).toBe('sendonly');
    expect(peer.stats().packetsIn).toBeGreaterThan(packetsBefore);
    expect(frames.presentedFrames).toBeGreaterThanOrEqual(5);
    expect(frames.mediaTimeAdvance).toBeGreaterThan(0);
    expect(peer.state).toBe('connected');
    await caller.hangUp();
  });

  it('leaves no UDP socket or timer behind after 20 calls in a row, looped or pattern', async () => {
    const baseline = mediaResources();

    for (let call = 0; call < 20; call += 1) {
      // Every other participant has the camera off, so pattern playback is counted too.
      const peer = await caller.startCall({ camera: call % 2 === 0 });
      await reaches(peer, 'connected');
      expect(mediaResources().udpSockets).toBeGreaterThan(baseline.udpSockets);
      await caller.hangUp();
      expect(mediaResources().udpSockets).toBe(baseline.udpSockets);
    }

    // werift's DTLS retransmission timers (timers/promises, no abort signal) outlive close() by
    // up to a second and then end by themselves; twenty leaked calls would leave twenty or more.
    await expect
      .poll(() => mediaResources().timers, { timeout: 5000 })
      .toBeLessThanOrEqual(baseline.timers);
  });
});
