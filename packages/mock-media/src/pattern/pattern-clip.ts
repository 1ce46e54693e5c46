import { readFileSync } from 'node:fs';

/** One recorded VP8 RTP packet: its payload, marker bit and time since the clip's start. */
export interface ClipPacket {
  /** RTP timestamp (90 kHz) relative to the first packet. */
  readonly timestamp: number;
  readonly marker: boolean;
  readonly payload: Buffer;
}

/** The packets of one video frame (same RTP timestamp), in order. */
export type ClipFrame = readonly ClipPacket[];

const RECORD_HEADER_BYTES = 4 + 1 + 2;

/**
 * The clip file is a list of records `[u32 timestamp][u8 marker][u16 length][payload]`, big
 * endian, as `record-pattern-clip` writes them. The first frame is a key frame, so the clip can
 * be looped: every loop starts where a decoder can.
 */
export function encodeClip(packets: readonly ClipPacket[]): Buffer {
  return Buffer.concat(
    packets.map((packet) => {
      const header = Buffer.alloc(RECORD_HEADER_BYTES);
      header.writeUInt32BE(packet.timestamp, 0);
      header.writeUInt8(packet.marker ? 1 : 0, 4);
      header.writeUInt16BE(packet.payload.length, 5);
      return Buffer.concat([header, packet.payload]);
    }),
  );
}

export function decodeClip(bytes: Buffer): ClipFrame[] {
  const frames: ClipPacket[][] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + RECORD_HEADER_BYTES > bytes.length) {
      throw new Error(`pattern clip is truncated at byte ${offset} (a record header is cut off)`);
    }
    const timestamp = bytes.readUInt32BE(offset);
    const marker = bytes.readUInt8(offset + 4) === 1;
    const length = bytes.readUInt16BE(offset + 5);
    const start = offset + RECORD_HEADER_BYTES;
    if (start + length > bytes.length) {
      throw new Error(`pattern clip is truncated at byte ${offset} (a payload is cut off)`);
    }
    const packet = { timestamp, marker, payload: bytes.subarray(start, start + length) };
    const last = frames.at(-1);
    const lastTimestamp = last?.[0]?.timestamp;
    if (lastTimestamp !== undefined && timestamp < lastTimestamp) {
      throw new Error(
        `pattern clip goes back in time at byte ${offset} (${timestamp} < ${lastTimestamp})`,
      );
    }
    if (last?.[0]?.timestamp === timestamp) last.push(packet);
    else frames.push([packet]);
    offset = start + length;
  }
  if (frames.length === 0) throw new Error('pattern clip is empty');
  return frames;
}

/** The clip shipped with the package: a few seconds of Chromium's fake camera, recorded once. */
export const PATTERN_CLIP_URL = new URL('../../assets/pattern-clip.bin', import.meta.url);

let shipped: ClipFrame[] | undefined;
export function shippedPatternClip(): ClipFrame[] {
  shipped ??= decodeClip(readFileSync(PATTERN_CLIP_URL));
  return shipped;
}

/**
 * Whether a VP8 RTP payload starts a key frame (RFC 7741 §4.2, §4.3): the payload descriptor's
 * S bit set with partition 0, and the P bit of the VP8 frame header clear.
 */
export function startsVp8KeyFrame(payload: Buffer): boolean {
  const first = payload[0];
  if (first === undefined) return false;
  const startOfPartition = (first & 0x10) !== 0 && (first & 0x07) === 0;
  if (!startOfPartition) return false;
  let offset = 1;
  if (first & 0x80) {
    const extension = payload[offset] ?? 0;
    offset += 1;
    if (extension & 0x80) offset += (payload[offset] ?? 0) & 0x80 ? 2 : 1; // PictureID
    if (extension & 0x40) offset += 1; // TL0PICIDX
    if (extension & 0x30) offset += 1; // TID / KEYIDX
  }
  const frameHeader = payload[offset];
  return frameHeader !== undefined && (frameHeader & 0x01) === 0;
}
