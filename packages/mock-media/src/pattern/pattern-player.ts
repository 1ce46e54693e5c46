import { randomInt } from 'node:crypto';
import { RtpHeader, RtpPacket } from 'werift';
import type { RTCRtpSender } from 'werift';
import type { ClipFrame } from './pattern-clip.js';

const VIDEO_CLOCK_PER_MS = 90;
/** Gap between the clip's last frame and its first when it loops: one frame at 30 fps. */
const LOOP_GAP = 3000;

export interface PatternPlayer {
  /** Starts the clip over from its key frame: what the browser's PLI asks for. */
  restart(): void;
  stop(): void;
}

/**
 * Sends `clip` on `sender` at its recorded pace, looping, with our own continuous RTP sequence
 * numbers and timestamps. `onPacketSent` counts each packet handed over while DTLS is up.
 */
export function playPattern(
  sender: RTCRtpSender,
  clip: readonly ClipFrame[],
  onPacketSent: (bytes: number) => void,
): PatternPlayer {
  let sequenceNumber = randomInt(0, 0x10000);
  let base = randomInt(0, 2 ** 31);
  let lastTimestamp = base;
  let index = 0;
  let timer: NodeJS.Timeout | undefined;

  function send(frame: ClipFrame): void {
    const connected = sender.dtlsTransport?.state === 'connected';
    for (const packet of frame) {
      lastTimestamp = (base + packet.timestamp) % 2 ** 32;
      const header = new RtpHeader({
        sequenceNumber,
        timestamp: lastTimestamp,
        marker: packet.marker,
      });
      sequenceNumber = (sequenceNumber + 1) % 0x10000;
      if (!connected) continue;
      void sender.sendRtp(new RtpPacket(header, packet.payload)).catch(() => {});
      onPacketSent(packet.payload.length);
    }
  }

  function startOver(): void {
    base = (lastTimestamp + LOOP_GAP) % 2 ** 32;
    index = 0;
  }

  function tick(): void {
    const frame = clip[index];
    if (frame === undefined) return;
    send(frame);
    const current = frame[0]?.timestamp ?? 0;
    index += 1;
    const next = clip[index]?.[0]?.timestamp;
    if (next === undefined) startOver();
    const gap = next === undefined ? LOOP_GAP : next - current;
    timer = setTimeout(tick, Math.max(1, gap / VIDEO_CLOCK_PER_MS));
  }

  tick();
  return {
    restart: startOver,
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
