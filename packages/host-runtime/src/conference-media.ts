import { BehaviorSubject, type Observable } from 'rxjs';
import type { MediaState, Notice } from './host.js';
import type { NodeMediaEvent } from './node-session.js';

export interface ConferenceMediaOptions {
  /** False with `?media=0` / `HostOptions.media: false`, or when the session cannot carry media. */
  readonly enabled: boolean;
  /** The camera and microphone (`getUserMedia`). */
  readonly openLocalMedia: () => Promise<MediaStream>;
  /** Longest wait from joining to media flowing before falling back to control-only. */
  readonly connectTimeoutMs: number;
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  /** Ends the call's media at the node and in the browser, staying in the conference. */
  readonly stopMedia: () => Promise<void>;
  readonly notice: (notice: Notice) => void;
  /** webapp2's `'[Media Device] Set Local Media Stream'` `{stream}` for plugins. */
  readonly localStreamChanged: (stream: MediaStream | null) => void;
  /** `PEX.pexrtc.call.pc`. */
  readonly peerConnectionChanged: (peerConnection: RTCPeerConnection | null) => void;
}

const NOT_IN_A_CALL: MediaState = { kind: 'off', reason: 'Not in a conference.' };
const MEDIA_OFF: MediaState = { kind: 'off', reason: 'Media is off.' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The call's audio and video, and every decision about them: whether to join with media, when to
 * give up on it, and what is torn down when. Whatever goes wrong with media (no camera, the node
 * refuses the call, ICE never connects, the node ends the call) leaves the participant in the
 * conference control-only, with a notice saying why: joining matters more than media, and
 * webapp2 likewise keeps a participant whose media failed in the roster and the chat.
 */
export class ConferenceMedia {
  private readonly state = new BehaviorSubject<MediaState>(NOT_IN_A_CALL);
  private timer: unknown;
  /** Counts joins, so a slow `getUserMedia` from an abandoned join is released, not used. */
  private attempt = 0;

  readonly state$: Observable<MediaState> = this.state.asObservable();

  get value(): MediaState {
    return this.state.value;
  }

  constructor(private readonly options: ConferenceMediaOptions) {}

  /**
   * Before `request_token`: opens the camera and microphone when media is wanted. Returns what
   * the node session should send, or `undefined` to join control-only (with the reason shown).
   */
  async prepare(): Promise<{ readonly stream: MediaStream } | undefined> {
    this.release();
    const attempt = ++this.attempt;
    if (!this.options.enabled) {
      this.state.next(MEDIA_OFF);
      return undefined;
    }
    let stream: MediaStream;
    try {
      stream = await this.options.openLocalMedia();
    } catch (error) {
      this.goControlOnly(`No camera or microphone (${messageOf(error)})`);
      return undefined;
    }
    if (attempt !== this.attempt) {
      stopTracks(stream);
      return undefined;
    }
    this.state.next({ kind: 'connecting', local: stream, remote: null });
    return { stream };
  }

  /** The node accepted the participant: media has `connectTimeoutMs` to start flowing. */
  joined(): void {
    const current = this.state.value;
    if (current.kind === 'off') {
      if (current === MEDIA_OFF) {
        this.options.notice({
          level: 'info',
          message: 'Joined without audio and video (media is off).',
        });
      }
      return;
    }
    this.options.localStreamChanged(current.local);
    if (current.kind === 'connecting') {
      this.timer = this.options.setTimeout(
        () => void this.fail(`no media within ${this.options.connectTimeoutMs / 1000} s`),
        this.options.connectTimeoutMs,
      );
    }
  }

  onEvent(event: NodeMediaEvent): void {
    const current = this.state.value;
    if (current.kind === 'off') return;
    switch (event.kind) {
      case 'media-remote-stream':
        this.state.next({ ...current, remote: event.stream });
        return;
      case 'media-connected':
        this.options.clearTimeout(this.timer);
        this.options.peerConnectionChanged(event.peerConnection);
        this.state.next({ kind: 'connected', local: current.local, remote: current.remote });
        return;
      case 'media-failed':
        void this.fail(event.reason);
        return;
    }
  }

  /** Leaving, or the node ended the conference: the session closes its call; this the camera. */
  end(): void {
    this.attempt++;
    this.release();
    this.state.next(NOT_IN_A_CALL);
  }

  dispose(): void {
    this.end();
    this.state.complete();
  }

  private async fail(reason: string): Promise<void> {
    if (this.state.value.kind === 'off') return;
    this.goControlOnly(`Audio and video did not connect (${reason})`);
    try {
      await this.options.stopMedia();
    } catch (error) {
      console.warn('[ipk-host-runtime] stopping the failed media:', error);
    }
  }

  private goControlOnly(why: string): void {
    this.release();
    const reason = `${why}: you are in the conference without audio and video.`;
    this.state.next({ kind: 'off', reason });
    this.options.notice({ level: 'warning', message: reason });
  }

  /** Stops the local tracks (the camera light goes off) and forgets the call's media. */
  private release(): void {
    this.options.clearTimeout(this.timer);
    this.timer = undefined;
    const current = this.state.value;
    if (current.kind === 'off') return;
    stopTracks(current.local);
    this.options.localStreamChanged(null);
    this.options.peerConnectionChanged(null);
  }
}
