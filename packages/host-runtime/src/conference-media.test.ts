import { firstValueFrom, filter, type Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppAction, Host, HostOptions, MediaState, Notice } from './host.js';
import type { NodeJoinRequest, NodeJoinResult } from './node-session.js';
import { hostWithBranding, settingsFor } from './fake-node-session.test-support.js';
import { FakeNodeSession } from './testing/fake-node-session.js';

/** A fake node session that can carry media, recording what the host asks of it. */
class MediaNodeSession extends FakeNodeSession {
  readonly joinRequests: NodeJoinRequest[] = [];
  stopMediaCalls = 0;
  leaveCalls = 0;

  override join(request: NodeJoinRequest): Promise<NodeJoinResult> {
    this.joinRequests.push(request);
    return super.join(request);
  }

  override leave(): Promise<void> {
    this.leaveCalls++;
    return super.leave();
  }

  stopMedia(): Promise<void> {
    this.stopMediaCalls++;
    return Promise.resolve();
  }
}

interface FakeTrack {
  readonly kind: 'audio' | 'video';
  stopped: boolean;
  stop(): void;
}

/** A camera-and-microphone stream: happy-dom has no `MediaStream`, the host only stops tracks. */
function fakeStream(): { stream: MediaStream; tracks: FakeTrack[] } {
  const track = (kind: 'audio' | 'video'): FakeTrack => ({
    kind,
    stopped: false,
    stop() {
      this.stopped = true;
    },
  });
  const tracks = [track('audio'), track('video')];
  return { stream: { getTracks: () => tracks } as unknown as MediaStream, tracks };
}

const fakePeerConnection = { connectionState: 'connected' } as unknown as RTCPeerConnection;

let host: Host | undefined;
afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

function start(options: Partial<HostOptions> = {}): {
  node: MediaNodeSession;
  notices: Notice[];
  actions: AppAction[];
  camera: ReturnType<typeof fakeStream>;
  cameraRequests: () => number;
} {
  const node = new MediaNodeSession();
  const camera = fakeStream();
  let requests = 0;
  ({ host } = hostWithBranding(settingsFor(), {
    nodeSession: () => node,
    openLocalMedia: () => {
      requests++;
      return Promise.resolve(camera.stream);
    },
    ...options,
  }));
  const notices: Notice[] = [];
  const actions: AppAction[] = [];
  host.notices$.subscribe((notice) => notices.push(notice));
  host.appActions$.subscribe((action) => actions.push(action));
  return { node, notices, actions, camera, cameraRequests: () => requests };
}

function mediaOf(current: Host): Observable<MediaState> {
  return current.media$;
}

function until(current: Host, kind: MediaState['kind']): Promise<MediaState> {
  return firstValueFrom(mediaOf(current).pipe(filter((state) => state.kind === kind)));
}

function pexrtcPc(): unknown {
  const pex = (window as unknown as { PEX: { pexrtc: { call: { pc: unknown } } } }).PEX;
  return pex.pexrtc.call.pc;
}

const JOIN = { alias: 'meet', displayName: 'Alice' };

describe('joining with audio and video', () => {
  it('sends the camera stream, plays the node’s stream and exposes the peer connection', async () => {
    const { node, actions, camera } = start();
    await host!.join(JOIN);
    expect(node.joinRequests[0]?.media?.stream).toBe(camera.stream);
    expect(actions).toContainEqual({
      type: '[Media Device] Set Local Media Stream',
      payload: { stream: camera.stream },
    });
    const remote = fakeStream().stream;
    node.emit({ kind: 'media-remote-stream', stream: remote });
    node.emit({ kind: 'media-connected', peerConnection: fakePeerConnection });
    expect(await until(host!, 'connected')).toEqual({
      kind: 'connected',
      local: camera.stream,
      remote,
    });
    expect(pexrtcPc()).toBe(fakePeerConnection);
  });

  it('stops the camera and forgets the peer connection on leave', async () => {
    const { node, camera } = start();
    await host!.join(JOIN);
    node.emit({ kind: 'media-connected', peerConnection: fakePeerConnection });
    await host!.leave();
    expect(camera.tracks.every((track) => track.stopped)).toBe(true);
    expect(node.leaveCalls).toBe(1);
    expect(pexrtcPc()).toBeNull();
    expect((await until(host!, 'off')).kind).toBe('off');
  });

  it('stops the camera when the node ends the whole conference', async () => {
    const { node, camera } = start();
    await host!.join(JOIN);
    node.emit({ kind: 'disconnected', reason: 'Conference ended' });
    await firstValueFrom(host!.connection$.pipe(filter((state) => state.kind === 'disconnected')));
    expect(camera.tracks.every((track) => track.stopped)).toBe(true);
  });
});

describe('control-only when media is off or fails', () => {
  it('with media off joins control-only, never opens the camera, and says so', async () => {
    const { node, notices, cameraRequests } = start({ media: false });
    expect(await host!.join(JOIN)).toEqual({ kind: 'joined', role: 'chair' });
    expect(node.joinRequests[0]?.media).toBeUndefined();
    expect(cameraRequests()).toBe(0);
    expect(notices).toContainEqual({
      level: 'info',
      message: 'Joined without audio and video (media is off).',
    });
  });

  it('without a camera joins control-only with a warning naming the cause', async () => {
    const noCamera = new DOMException('Requested device not found', 'NotFoundError');
    const { node, notices } = start({ openLocalMedia: () => Promise.reject(noCamera) });
    expect(await host!.join(JOIN)).toEqual({ kind: 'joined', role: 'chair' });
    expect(node.joinRequests[0]?.media).toBeUndefined();
    expect(notices).toContainEqual({
      level: 'warning',
      message:
        'No camera or microphone (Requested device not found): you are in the conference without audio and video.',
    });
    expect((await firstValueFrom(host!.media$)).kind).toBe('off');
  });

  it('when media never flows (the node refused the call) falls back after the timeout', async () => {
    const { node, notices, camera } = start({ mediaConnectTimeoutMs: 30 });
    await host!.join(JOIN);
    const off = await until(host!, 'off');
    expect(off).toEqual({
      kind: 'off',
      reason:
        'Audio and video did not connect (no media within 0.03 s): you are in the conference without audio and video.',
    });
    expect(notices.map((notice) => notice.message)).toContain(off.kind === 'off' && off.reason);
    expect(node.stopMediaCalls).toBe(1);
    expect(camera.tracks.every((track) => track.stopped)).toBe(true);
    expect(await firstValueFrom(host!.connection$)).toEqual({ kind: 'connected' });
  });

  it('when ICE fails after connecting, stops the media and stays in the conference', async () => {
    const { node, notices, camera } = start();
    await host!.join(JOIN);
    node.emit({ kind: 'media-connected', peerConnection: fakePeerConnection });
    node.emit({ kind: 'media-failed', reason: 'WebRTC connection failed' });
    expect(await until(host!, 'off')).toMatchObject({
      reason: expect.stringContaining('Audio and video did not connect (WebRTC connection failed)'),
    });
    expect(notices.some((notice) => notice.level === 'warning')).toBe(true);
    expect(node.stopMediaCalls).toBe(1);
    expect(pexrtcPc()).toBeNull();
    expect(camera.tracks.every((track) => track.stopped)).toBe(true);
    expect(await firstValueFrom(host!.connection$)).toEqual({ kind: 'connected' });
  });

  it('a call whose media connected is not timed out', async () => {
    const { node } = start({ mediaConnectTimeoutMs: 10_000 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await host!.join(JOIN);
      node.emit({ kind: 'media-connected', peerConnection: fakePeerConnection });
      vi.advanceTimersByTime(20_000);
    } finally {
      vi.useRealTimers();
    }
    expect(node.stopMediaCalls).toBe(0);
    expect((await firstValueFrom(host!.media$)).kind).toBe('connected');
  });

  it('without the connection, the same wait falls back (the timer is the one being cleared)', async () => {
    const { node } = start({ mediaConnectTimeoutMs: 10_000 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await host!.join(JOIN);
      vi.advanceTimersByTime(20_000);
    } finally {
      vi.useRealTimers();
    }
    expect(node.stopMediaCalls).toBe(1);
  });

  it('a node session that cannot fall back (no stopMedia) always joins control-only', async () => {
    const node = new FakeNodeSession();
    let cameraRequests = 0;
    ({ host } = hostWithBranding(settingsFor(), {
      nodeSession: () => node,
      openLocalMedia: () => {
        cameraRequests++;
        return Promise.reject(new Error('not expected'));
      },
    }));
    await host.join(JOIN);
    expect(cameraRequests).toBe(0);
    expect((await firstValueFrom(host.media$)).kind).toBe('off');
  });
});
