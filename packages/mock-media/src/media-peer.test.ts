import { RTCPeerConnection } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { createMediaPeer } from './media-peer.js';
import type { MediaPeer } from './media-peer.js';

/** An offer shaped like `@pexip/infinity`'s: audio and video sendrecv, presentation inactive. */
async function pexipShapedOffer(): Promise<{ sdp: string; offerer: RTCPeerConnection }> {
  const offerer = new RTCPeerConnection();
  offerer.addTransceiver('audio', { direction: 'sendrecv' });
  offerer.addTransceiver('video', { direction: 'sendrecv' });
  offerer.addTransceiver('video', { direction: 'inactive' });
  const offer = await offerer.createOffer();
  await offerer.setLocalDescription(offer);
  // werift writes port 0 (rejected) for its own inactive m-line; a browser writes 9.
  return { sdp: offer.sdp.replace('m=video 0 ', 'm=video 9 '), offerer };
}

const mLines = (sdp: string) => sdp.split('\r\n').filter((line) => line.startsWith('m='));
const directions = (sdp: string) =>
  sdp.split('\r\n').filter((line) => /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line));
const candidateAddresses = (sdp: string) =>
  sdp
    .split('\r\n')
    .filter((line) => line.startsWith('a=candidate:'))
    .map((line) => line.split(' ')[4]);

describe('createMediaPeer', () => {
  const open: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(closable: T): T => {
    open.push(closable);
    return closable;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((closable) => closable.close()));
  });

  it('answers every m-line in order, mirrored, with all its candidates in the SDP', async () => {
    const { sdp, offerer } = await pexipShapedOffer();
    track(offerer);
    const peer = track(createMediaPeer());

    const answer = await peer.answer(sdp);

    expect(mLines(answer)).toEqual([
      expect.stringMatching(/^m=audio 9 /),
      expect.stringMatching(/^m=video 9 /),
      // Inactive, not rejected (port 0): the presentation can be turned on by an update.
      expect.stringMatching(/^m=video 9 /),
    ]);
    expect(directions(answer)).toEqual(['a=sendrecv', 'a=sendrecv', 'a=inactive']);
    expect(answer).toMatch(/a=rtpmap:\d+ VP8\/90000/);
    expect(answer).toMatch(/a=rtpmap:\d+ opus\/48000\/2/i);
    expect(answer).toContain('a=end-of-candidates');
    expect(candidateAddresses(answer)).toContain('127.0.0.1');
  });

  it('offers only iceHost as a candidate when one is given', async () => {
    const { sdp, offerer } = await pexipShapedOffer();
    track(offerer);
    const peer = track(createMediaPeer({ iceHost: '127.0.0.1' }));

    const answer = await peer.answer(sdp);

    expect(new Set(candidateAddresses(answer))).toEqual(new Set(['127.0.0.1']));
  });

  it('refuses an offer that is not SDP, before opening anything', async () => {
    const peer: MediaPeer = track(createMediaPeer());

    await expect(peer.answer('{"sdp": "v=0"}')).rejects.toThrow(
      'the offer is not an SDP (it must start with "v=0")',
    );
    expect(peer.state).toBe('new');
  });

  it('ignores end-of-candidates, drops candidates it will not use and counts them', async () => {
    const { sdp, offerer } = await pexipShapedOffer();
    track(offerer);
    const lines: string[] = [];
    const peer = track(createMediaPeer({ log: (line) => lines.push(line) }));
    await peer.answer(sdp);

    await peer.addRemoteCandidate({ candidate: '', mid: '0' });
    await peer.addRemoteCandidate({
      candidate:
        'candidate:1 1 udp 2122194687 3f1c2b9e-1d2f-4c1e-9d8a-2b7e0c6f5a11.local 50000 typ host',
      mid: '0',
    });
    await peer.addRemoteCandidate({
      candidate: 'candidate:2 1 udp 2122194687 127.0.0.1 50001 typ host',
      mid: '0',
    });

    expect(peer.stats().candidatesDropped).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^candidate dropped: .*\.local .*\(mDNS\)/));
  });

  it('says which part of a malformed candidate is wrong', async () => {
    const peer = track(createMediaPeer());

    await expect(peer.addRemoteCandidate({ candidate: 'nonsense', mid: '0' })).rejects.toThrow(
      /does not start with "candidate:"/,
    );
    await expect(peer.addRemoteCandidate({ candidate: 42 } as never)).rejects.toThrow(
      '`candidate` must be a string',
    );
  });

  it('refuses work once closed, and closing twice is harmless', async () => {
    const peer = createMediaPeer();
    const states: string[] = [];
    peer.onStateChange((state) => states.push(state));

    await peer.close();
    await peer.close();

    expect(peer.state).toBe('closed');
    expect(states).toEqual(['closed']);
    await expect(peer.answer('v=0\r\n')).rejects.toThrow("this call's media is already closed");
  });

  it('refuses a mode it does not have', () => {
    expect(() => createMediaPeer({ mode: 'mirror' as never })).toThrow(
      `createMediaPeer: mode "mirror" is not supported; use 'loopback' or 'pattern'.`,
    );
  });
});
