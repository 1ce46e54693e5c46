import { describe, expect, it } from 'vitest';
import { decodeClip, encodeClip, shippedPatternClip, startsVp8KeyFrame } from './pattern-clip.js';

const packet = (timestamp: number, marker: boolean, ...bytes: number[]) => ({
  timestamp,
  marker,
  payload: Buffer.from(bytes),
});

describe('the pattern clip file', () => {
  it('reads back what was written, grouped into frames by timestamp', () => {
    const packets = [packet(0, false, 1, 2), packet(0, true, 3), packet(3000, true, 4, 5, 6)];

    const frames = decodeClip(encodeClip(packets));

    expect(frames).toEqual([[packets[0], packets[1]], [packets[2]]]);
  });

  it('says where a truncated or out-of-order clip goes wrong', () => {
    const bytes = encodeClip([packet(0, true, 1, 2, 3)]);
    expect(() => decodeClip(bytes.subarray(0, 5))).toThrow(/truncated at byte 0 \(a record header/);
    expect(() => decodeClip(bytes.subarray(0, 8))).toThrow(/truncated at byte 0 \(a payload/);
    expect(() => decodeClip(encodeClip([packet(3000, true, 1), packet(0, true, 2)]))).toThrow(
      /goes back in time at byte 8/,
    );
    expect(() => decodeClip(Buffer.alloc(0))).toThrow('pattern clip is empty');
  });

  it('ships a clip of a few seconds that starts with a VP8 key frame, so it can loop', () => {
    const frames = shippedPatternClip();
    const [first] = frames;

    expect(first?.[0] && startsVp8KeyFrame(first[0].payload)).toBe(true);
    expect(frames.length).toBeGreaterThan(30);
    expect(frames.at(-1)?.[0]?.timestamp).toBeGreaterThan(90_000); // over a second at 90 kHz
  });
});

describe('startsVp8KeyFrame', () => {
  it('reads the payload descriptor (RFC 7741) and the frame header’s P bit', () => {
    // S=1, partition 0, no extension; VP8 header byte with P=0 (key frame) or P=1 (inter frame).
    expect(startsVp8KeyFrame(Buffer.from([0x10, 0x00]))).toBe(true);
    expect(startsVp8KeyFrame(Buffer.from([0x10, 0x01]))).toBe(false);
    // X=1 with a 15-bit PictureID (I=1, M=1): two more bytes before the frame header.
    expect(startsVp8KeyFrame(Buffer.from([0x90, 0x80, 0x81, 0x23, 0x00]))).toBe(true);
    // Not the start of a partition: a continuation packet.
    expect(startsVp8KeyFrame(Buffer.from([0x00, 0x00]))).toBe(false);
  });
});
