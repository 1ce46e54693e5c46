import { BehaviorSubject, type Observable } from 'rxjs';
import type { SelfMediaState } from './host.js';

export type SelfDevice = 'microphone' | 'camera';

/**
 * Who asked: the user with the app's own buttons, or a plugin (`PEX.dispatchAction`,
 * `PEX.pexrtc.muteAudio`).
 */
export type MuteOrigin = 'user' | 'plugin';

const UNMUTED: SelfMediaState = Object.freeze({ microphoneMuted: false, cameraMuted: false });

function key(device: SelfDevice): keyof SelfMediaState {
  return device === 'microphone' ? 'microphoneMuted' : 'cameraMuted';
}

/**
 * The user's own microphone and camera: the one state the toolbar shows, `PEX.pexrtc` reports
 * and plugins change, applied to whatever local stream exists.
 *
 * - A mute holds whenever the stream appears: start-muted dispatches its mutes at Connect
 *   Success, before the camera stream is attached, and they must not be lost (a privacy bug).
 * - A plugin cannot unmute what the user muted: video-mute-participant dispatches
 *   `'[Conference] Unmute Camera'` on every roster change; after the user turned the camera off,
 *   only the user turns it back on.
 */
export class SelfMedia {
  private readonly state = new BehaviorSubject<SelfMediaState>(UNMUTED);
  private readonly mutedByUser: Record<SelfDevice, boolean> = { microphone: false, camera: false };
  private stream: MediaStream | null = null;

  readonly state$: Observable<SelfMediaState> = this.state.asObservable();

  /** `changed` is told every change of state (the host tells the node). */
  constructor(private readonly changed: (device: SelfDevice, muted: boolean) => void) {}

  muted(device: SelfDevice): boolean {
    return this.state.value[key(device)];
  }

  /**
   * Asks for a device to be muted or unmuted. A plugin's unmute of the user's own mute changes
   * nothing.
   */
  set(device: SelfDevice, muted: boolean, origin: MuteOrigin): void {
    if (origin === 'user') this.mutedByUser[device] = muted;
    else if (!muted && this.mutedByUser[device]) return;
    if (this.muted(device) === muted) return;
    this.state.next(Object.freeze({ ...this.state.value, [key(device)]: muted }));
    this.apply();
    this.changed(device, muted);
  }

  /** The local stream to keep in step (null when there is none). */
  attach(stream: MediaStream | null): void {
    this.stream = stream;
    this.apply();
  }

  /** A new conference starts unmuted, as webapp2 does (start-muted mutes it again). */
  reset(): void {
    this.mutedByUser.microphone = false;
    this.mutedByUser.camera = false;
    this.state.next(UNMUTED);
    this.apply();
  }

  dispose(): void {
    this.state.complete();
  }

  private apply(): void {
    for (const track of this.stream?.getTracks() ?? []) {
      if (track.kind === 'audio') track.enabled = !this.muted('microphone');
      if (track.kind === 'video') track.enabled = !this.muted('camera');
    }
  }
}
