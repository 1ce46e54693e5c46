import {
  MediaStreamTrack,
  RTCPeerConnection,
  useNACK,
  useOPUS,
  usePLI,
  useREMB,
  useVP8,
} from 'werift';
import type { RTCRtpTransceiver } from 'werift';
import { keepInactiveMediaOpen } from './inactive-media.js';
import { shippedPatternClip } from './pattern/pattern-clip.js';
import { playPattern } from './pattern/pattern-player.js';
import type { PatternPlayer } from './pattern/pattern-player.js';
import {
  keepUsableCandidates,
  parseCandidate,
  reasonToDropCandidate,
  thisMachineAddresses,
} from './remote-candidate.js';

/**
 * `loopback`: the participant's own video comes back as the conference video (a participant who
 * sends no video gets the pattern instead). `pattern`: everyone gets the pattern clip, a
 * recording of Chromium's fake camera shipped with the package.
 */
export type MediaMode = 'loopback' | 'pattern';

export interface MediaPeerOptions {
  /** What the peer sends as the conference video (default `loopback`). */
  mode?: MediaMode;
  /**
   * The one address to offer as a host candidate (for example `127.0.0.1`). By default the peer
   * offers every IPv4 address of this machine, loopback included.
   */
  iceHost?: string;
  /** Also send the participant's own voice back. Off by default: a real node never does. */
  loopbackAudio?: boolean;
  /** How often to ask the browser for a key frame, so a late decoder starts quickly. */
  keyFrameIntervalMs?: number;
  /** How long `answer()` waits for local candidates before answering with those it has. */
  gatheringTimeoutMs?: number;
  /** One line per thing worth knowing: tracks, dropped candidates, state changes. */
  log?: (line: string) => void;
}

/** The peer connection's state, as `RTCPeerConnection.connectionState`. */
export type MediaPeerState =
  'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/** Counters since the peer was created. */
export interface MediaPeerStats {
  /** RTP packets received from the browser (audio and video). */
  packetsIn: number;
  /** RTP packets sent back to the browser. */
  packetsOut: number;
  bytesIn: number;
  bytesOut: number;
  /** Key-frame requests (RTCP PLI) sent to the browser. */
  keyFrameRequests: number;
  /** Remote candidates ignored, in the offer or from `addRemoteCandidate`. */
  candidatesDropped: number;
}

/** A candidate as the client API's `new_candidate` carries it. */
export interface RemoteCandidate {
  candidate: string;
  mid?: string;
}

export interface MediaPeer {
  /**
   * Answers the browser's offer (`calls`, and again for each `update`). Resolves once local
   * candidate gathering is complete, so the answer SDP carries every candidate, as a transcoding
   * Pexip node's answer does: no server-side trickle is needed.
   */
  answer(offerSdp: string): Promise<string>;
  /**
   * One trickled browser candidate (`new_candidate`). An empty `candidate` (end of candidates)
   * and candidates the mock will not use are ignored; a malformed one is an error.
   */
  addRemoteCandidate(candidate: RemoteCandidate): Promise<void>;
  /** Calls `listener` on every state change; returns the function that stops that. */
  onStateChange(listener: (state: MediaPeerState) => void): () => void;
  readonly state: MediaPeerState;
  stats(): MediaPeerStats;
  /**
   * Closes the connection, frees its sockets and timers and lets go of every werift object.
   * Safe to call twice.
   */
  close(): Promise<void>;
}

const DEFAULT_KEY_FRAME_INTERVAL_MS = 1000;
const DEFAULT_GATHERING_TIMEOUT_MS = 5000;

function iceAddressConfig(iceHost: string | undefined) {
  if (iceHost === undefined) {
    // werift skips loopback on its own; a browser that only has loopback still needs it.
    return { iceAdditionalHostAddresses: ['127.0.0.1'], iceUseIpv6: false };
  }
  // werift reads iceUseIpv4/6 only to list this machine's addresses: with both off, the
  // additional address is the only one it gathers on.
  return { iceAdditionalHostAddresses: [iceHost], iceUseIpv4: false, iceUseIpv6: false };
}

/**
 * werift's close() resolves once its UDP sockets emitted `close`, but Node emits that before
 * libuv releases the handles, in the close phase of the event loop. Two turns of the check phase
 * put us after that phase, so when `close()` resolves the sockets are really gone.
 */
function handlesReleased(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Creates the other peer of one call. Nothing is opened until `answer()`. */
export function createMediaPeer(options: MediaPeerOptions = {}): MediaPeer {
  const log = options.log ?? (() => {});
  const keyFrameIntervalMs = options.keyFrameIntervalMs ?? DEFAULT_KEY_FRAME_INTERVAL_MS;
  const gatheringTimeoutMs = options.gatheringTimeoutMs ?? DEFAULT_GATHERING_TIMEOUT_MS;
  const mode = options.mode ?? 'loopback';
  if (mode !== 'loopback' && mode !== 'pattern') {
    throw new Error(
      `createMediaPeer: mode ${JSON.stringify(options.mode)} is not supported; use 'loopback' or 'pattern'.`,
    );
  }

  const counters: MediaPeerStats = {
    packetsIn: 0,
    packetsOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    keyFrameRequests: 0,
    candidatesDropped: 0,
  };
  const stateListeners = new Set<(state: MediaPeerState) => void>();
  const disposers: (() => void)[] = [];
  const keyFrameTimers: NodeJS.Timeout[] = [];
  const echoedTransceivers = new WeakSet<RTCRtpTransceiver>();
  const patterns = new Map<RTCRtpTransceiver, PatternPlayer>();
  // Chromium trickles each candidate once per m-line: say why one is dropped only once.
  const reasonsLogged = new Set<string>();
  let state: MediaPeerState = 'new';
  // Dropped on close(), so a closed MediaPeer that someone still holds keeps no werift objects.
  let pc: RTCPeerConnection | undefined = new RTCPeerConnection({
    // Only VP8 and Opus are offered back: whatever the browser sends is echoed without
    // transcoding, so the codec it sends must be one it can also receive. Every WebRTC browser
    // supports both.
    codecs: {
      audio: [useOPUS()],
      video: [useVP8({ rtcpFeedback: [useNACK(), usePLI(), useREMB()] })],
    },
    ...iceAddressConfig(options.iceHost),
  });

  function setState(next: MediaPeerState): void {
    if (state === next || state === 'closed') return;
    state = next;
    // Frames played before DTLS was up never left: start the clip over at its key frame.
    if (next === 'connected') for (const player of patterns.values()) player.restart();
    log(`connection ${next}`);
    for (const listener of stateListeners) listener(next);
  }

  function openConnection(action: string): RTCPeerConnection {
    if (pc === undefined)
      throw new Error(`MediaPeer.${action}: this call's media is already closed.`);
    return pc;
  }

  function requestKeyFrame(transceiver: RTCRtpTransceiver, ssrc: number): void {
    counters.keyFrameRequests += 1;
    transceiver.receiver.sendRtcpPLI(ssrc).catch((error: unknown) => {
      log(`key frame request failed: ${String(error)}`);
    });
  }

  /** Sends what arrives on `track` back on the same transceiver, counting packets both ways. */
  function echo(transceiver: RTCRtpTransceiver, track: MediaStreamTrack): void {
    const sendsBack = track.kind === 'video' || options.loopbackAudio === true;
    const outgoing = new MediaStreamTrack({ kind: track.kind });
    if (sendsBack) void transceiver.sender.replaceTrack(outgoing);
    const { unSubscribe } = track.onReceiveRtp.subscribe((rtp) => {
      const size = rtp.serializeSize;
      counters.packetsIn += 1;
      counters.bytesIn += size;
      if (!sendsBack || patterns.has(transceiver)) return;
      if (transceiver.sender.dtlsTransport?.state !== 'connected') return;
      counters.packetsOut += 1;
      counters.bytesOut += size;
      outgoing.writeRtp(rtp);
    });
    disposers.push(unSubscribe);
    log(
      `${track.kind} track arrived on mid ${transceiver.mid ?? '?'}${sendsBack ? ', echoing it' : ''}`,
    );
    if (track.kind !== 'video' || track.ssrc === undefined) return;
    const ssrc = track.ssrc;
    // The browser's decoder can only start at a key frame: ask at once, when the browser asks
    // us (its PLI to our sender), and every second in case one is lost.
    requestKeyFrame(transceiver, ssrc);
    disposers.push(
      transceiver.sender.onPictureLossIndication.subscribe(() => requestKeyFrame(transceiver, ssrc))
        .unSubscribe,
    );
    keyFrameTimers.push(setInterval(() => requestKeyFrame(transceiver, ssrc), keyFrameIntervalMs));
  }

  disposers.push(pc.connectionStateChange.subscribe((next) => setState(next)).unSubscribe);
  // Subscribed before setRemoteDescription: werift emits the track while applying the offer.
  disposers.push(
    pc.onTransceiverAdded.subscribe((transceiver) => {
      if (echoedTransceivers.has(transceiver)) return;
      echoedTransceivers.add(transceiver);
      disposers.push(
        transceiver.onTrack.subscribe((track) => echo(transceiver, track)).unSubscribe,
      );
    }).unSubscribe,
  );

  /**
   * The main video (the first video m-line, as in `@pexip/infinity`'s offer) plays the pattern
   * in `pattern` mode, and in `loopback` mode when the browser sends no video to loop (camera
   * off: its offer is `recvonly`, which werift stores mirrored as `sendonly`).
   */
  function startPatternIfWanted(connection: RTCPeerConnection): void {
    const main = connection.getTransceivers().find((transceiver) => transceiver.kind === 'video');
    if (main === undefined || patterns.has(main)) return;
    const browserReceives =
      main.offerDirection === 'sendrecv' || main.offerDirection === 'sendonly';
    if (!browserReceives) return;
    if (mode === 'loopback' && main.offerDirection === 'sendrecv') return;
    const player = playPattern(main.sender, shippedPatternClip(), (bytes) => {
      counters.packetsOut += 1;
      counters.bytesOut += bytes;
    });
    patterns.set(main, player);
    // A decoder that lost its place asks for a key frame: the clip starts with one.
    disposers.push(
      main.sender.onPictureLossIndication.subscribe(() => player.restart()).unSubscribe,
    );
    log(`pattern playing on mid ${main.mid ?? '?'}`);
  }

  function gatheringComplete(connection: RTCPeerConnection): Promise<void> {
    if (connection.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        log(`candidate gathering took over ${gatheringTimeoutMs} ms; answering with what there is`);
        finish();
      }, gatheringTimeoutMs);
      const subscription = connection.iceGatheringStateChange.subscribe((gathering) => {
        if (gathering === 'complete') finish();
      });
      function finish(): void {
        clearTimeout(timer);
        subscription.unSubscribe();
        resolve();
      }
    });
  }

  return {
    async answer(offerSdp) {
      const connection = openConnection('answer');
      if (typeof offerSdp !== 'string' || !offerSdp.startsWith('v=0')) {
        throw new Error('MediaPeer.answer: the offer is not an SDP (it must start with "v=0").');
      }
      const filtered = keepUsableCandidates(offerSdp);
      counters.candidatesDropped += filtered.dropped.length;
      for (const line of filtered.dropped) log(`offer candidate dropped: ${line}`);
      await connection.setRemoteDescription({ type: 'offer', sdp: filtered.sdp });
      // Transceivers created from an offer start `recvonly`. werift answers each m-line with this
      // direction intersected with the mirror of the offered one, so `sendrecv` here makes every
      // answer the exact mirror: sendrecv stays sendrecv, the browser's sendonly gets recvonly.
      for (const transceiver of connection.getTransceivers()) transceiver.setDirection('sendrecv');
      await connection.setLocalDescription(await connection.createAnswer());
      startPatternIfWanted(connection);
      await gatheringComplete(connection);
      const local = connection.localDescription;
      if (local === null)
        throw new Error('MediaPeer.answer: werift produced no local description.');
      return keepInactiveMediaOpen(local.sdp, filtered.sdp);
    },

    async addRemoteCandidate(remote) {
      const connection = openConnection('addRemoteCandidate');
      if (typeof remote?.candidate !== 'string') {
        throw new Error('MediaPeer.addRemoteCandidate: `candidate` must be a string.');
      }
      if (remote.candidate.trim() === '') return; // end of candidates: nothing to do
      const reason = reasonToDropCandidate(
        parseCandidate(remote.candidate),
        thisMachineAddresses(),
      );
      if (reason !== undefined) {
        counters.candidatesDropped += 1;
        if (!reasonsLogged.has(reason)) log(`candidate dropped: ${remote.candidate} (${reason})`);
        reasonsLogged.add(reason);
        return;
      }
      const candidate = remote.candidate.replace(/^a=/, '');
      await connection.addIceCandidate(
        remote.mid === undefined
          ? { candidate, sdpMLineIndex: 0 }
          : { candidate, sdpMid: remote.mid },
      );
    },

    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },

    get state() {
      return state;
    },

    stats() {
      return { ...counters };
    },

    async close() {
      if (pc === undefined) return;
      const connection = pc;
      pc = undefined;
      for (const timer of keyFrameTimers.splice(0)) clearInterval(timer);
      for (const player of patterns.values()) player.stop();
      patterns.clear();
      for (const dispose of disposers.splice(0)) dispose();
      await connection.close();
      await handlesReleased();
      setState('closed');
      stateListeners.clear();
    },
  };
}
