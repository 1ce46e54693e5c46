import { describe, expect, it } from 'vitest';
import { keepInactiveMediaOpen } from './inactive-media.js';

const sdp = (...lines: string[]) => [...lines, ''].join('\r\n');

describe('keepInactiveMediaOpen', () => {
  it('gives an inactive m-line that werift answered with port 0 the discard port 9', () => {
    const offer = sdp(
      'v=0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=sendrecv',
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      'a=inactive',
    );
    const answer = sdp(
      'v=0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'a=sendrecv',
      'm=video 0 UDP/TLS/RTP/SAVPF 96',
      'a=inactive',
    );

    expect(keepInactiveMediaOpen(answer, offer)).toBe(
      sdp(
        'v=0',
        'm=audio 9 UDP/TLS/RTP/SAVPF 111',
        'a=sendrecv',
        'm=video 9 UDP/TLS/RTP/SAVPF 96',
        'a=inactive',
      ),
    );
  });

  it('leaves an m-line rejected when the browser rejected it in its offer', () => {
    const offer = sdp('v=0', 'm=video 0 UDP/TLS/RTP/SAVPF 96', 'a=inactive');
    const answer = sdp('v=0', 'm=video 0 UDP/TLS/RTP/SAVPF 96', 'a=inactive');

    expect(keepInactiveMediaOpen(answer, offer)).toBe(answer);
  });
});
