/**
 * Records the pattern clip that `mode: 'pattern'` plays: a few seconds of Chromium's fake camera
 * (its generated test picture), received over WebRTC as VP8 RTP and written to
 * `assets/pattern-clip.bin`, starting at a key frame. Run once by hand after `npm run build`:
 * `node dist/pattern/record-pattern-clip.js [seconds]`. The package has no VP8 encoder, so this
 * recording is how the mock sends a moving picture that is not the participant's own camera.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RTCPeerConnection, useOPUS, useVP8 } from 'werift';
import type { MediaPeer, MediaPeerState } from '../media-peer.js';
import { launchChromiumCaller } from '../testing/chromium-caller.js';
import { PATTERN_CLIP_URL, encodeClip, startsVp8KeyFrame } from './pattern-clip.js';
import type { ClipPacket } from './pattern-clip.js';

const SECONDS = Number(process.argv[2] ?? 3);
const VIDEO_CLOCK_HZ = 90_000;

function recordingPeer(onDone: (packets: ClipPacket[]) => void): MediaPeer {
  const pc = new RTCPeerConnection({
    codecs: { audio: [useOPUS()], video: [useVP8()] },
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
  });
  // Keyed by sequence number relative to the key frame's first packet: NACKed packets come
  // again later (werift unwraps RTX onto the track), and the clip needs each once, in order.
  const packets = new Map<number, ClipPacket>();
  let firstTimestamp: number | undefined;
  let firstSequenceNumber = 0;
  pc.onTransceiverAdded.subscribe((transceiver) => {
    transceiver.onTrack.subscribe((track) => {
      if (track.kind !== 'video') return;
      const askForKeyFrame = setInterval(() => {
        if (track.ssrc !== undefined && firstTimestamp === undefined) {
          void transceiver.receiver.sendRtcpPLI(track.ssrc);
        }
      }, 500);
      track.onReceiveRtp.subscribe((rtp) => {
        if (firstTimestamp === undefined) {
          if (!startsVp8KeyFrame(rtp.payload)) return;
          firstTimestamp = rtp.header.timestamp;
          firstSequenceNumber = rtp.header.sequenceNumber;
          clearInterval(askForKeyFrame);
        }
        const order = (rtp.header.sequenceNumber - firstSequenceNumber + 0x10000) % 0x10000;
        if (order > 0x8000) return; // a retransmission from before the key frame
        const timestamp = (rtp.header.timestamp - firstTimestamp + 2 ** 32) % 2 ** 32;
        if (timestamp > SECONDS * VIDEO_CLOCK_HZ) {
          const inOrder = [...packets.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
          // End on a frame's last packet, and only once every packet up to there arrived.
          while (inOrder.length > 0 && !inOrder.at(-1)?.marker) inOrder.pop();
          if (inOrder.length > 0) onDone(inOrder);
          return;
        }
        packets.set(order, {
          timestamp,
          marker: rtp.header.marker,
          payload: Buffer.from(rtp.payload),
        });
      });
    });
  });
  let state: MediaPeerState = 'new';
  return {
    async answer(offer) {
      await pc.setRemoteDescription({ type: 'offer', sdp: offer });
      await pc.setLocalDescription(await pc.createAnswer());
      await new Promise<void>((resolve) => {
        if (pc.iceGatheringState === 'complete') resolve();
        pc.iceGatheringStateChange.subscribe((gathering) => gathering === 'complete' && resolve());
      });
      return pc.localDescription?.sdp ?? '';
    },
    async addRemoteCandidate({ candidate, mid }) {
      if (candidate === '' || !/ udp /i.test(candidate)) return;
      await pc.addIceCandidate({ candidate, sdpMid: mid ?? '0' });
    },
    onStateChange: () => () => {},
    get state() {
      return state;
    },
    stats: () => ({
      packetsIn: packets.size,
      packetsOut: 0,
      bytesIn: 0,
      bytesOut: 0,
      keyFrameRequests: 0,
      candidatesDropped: 0,
    }),
    async close() {
      state = 'closed';
      await pc.close();
    },
  };
}

const clip = await new Promise<ClipPacket[]>((resolve, reject) => {
  let caller: Awaited<ReturnType<typeof launchChromiumCaller>> | undefined;
  launchChromiumCaller(() => recordingPeer(resolve))
    .then(async (launched) => {
      caller = launched;
      await launched.startCall();
    })
    .catch(reject);
  process.once('exit', () => void caller?.close());
});

writeFileSync(PATTERN_CLIP_URL, encodeClip(clip));
const bytes = clip.reduce((sum, packet) => sum + packet.payload.length, 0);
console.log(
  `recorded ${clip.length} packets, ${(bytes / 1024).toFixed(0)} KiB of VP8, ${SECONDS} s, to ${fileURLToPath(PATTERN_CLIP_URL)}`,
);
process.exit(0);
