import { describe, expect, it } from 'vitest';
import { keepUsableCandidates, parseCandidate, reasonToDropCandidate } from './remote-candidate.js';

const THIS_MACHINE = new Set(['127.0.0.1', '::1', '192.0.2.2']);
const hostCandidate = (address: string, transport = 'udp') =>
  `candidate:199693794 1 ${transport} 2122194687 ${address} 47993 typ host generation 0 network-id 1`;

describe('parseCandidate', () => {
  it('reads transport, address, port and type from a browser candidate, with or without "a="', () => {
    expect(parseCandidate(hostCandidate('192.0.2.2'))).toEqual({
      transport: 'udp',
      address: '192.0.2.2',
      port: 47993,
      type: 'host',
    });
    expect(parseCandidate(`a=${hostCandidate('::1', 'UDP')}`)).toMatchObject({
      transport: 'udp',
      address: '::1',
    });
  });

  it('names what is wrong with a string that is not a candidate', () => {
    expect(() => parseCandidate('hello')).toThrow(/does not start with "candidate:"/);
    expect(() => parseCandidate('candidate:1 1 udp 2122194687 192.0.2.2 port typ host')).toThrow(
      /is malformed: expected "candidate:<foundation>/,
    );
  });
});

describe('reasonToDropCandidate', () => {
  it('uses UDP candidates on this machine, loopback included', () => {
    for (const address of ['192.0.2.2', '127.0.0.1', '127.0.0.2', '::1']) {
      expect(
        reasonToDropCandidate(parseCandidate(hostCandidate(address)), THIS_MACHINE),
      ).toBeUndefined();
    }
  });

  it('drops candidates that would send media off this machine, mDNS names and TCP', () => {
    const reason = (line: string) => reasonToDropCandidate(parseCandidate(line), THIS_MACHINE);
    expect(reason(hostCandidate('198.51.100.7'))).toBe(
      '198.51.100.7 is not an address of this machine',
    );
    expect(reason(hostCandidate('3f1c2b9e-1d2f-4c1e-9d8a-2b7e0c6f5a11.local'))).toMatch(/mDNS/);
    expect(reason(hostCandidate('192.0.2.2', 'tcp'))).toBe('transport tcp is not used');
  });
});

describe('keepUsableCandidates', () => {
  it('removes the unusable candidate lines of an offer and says why, keeping every other line', () => {
    const offer = [
      'v=0',
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      `a=${hostCandidate('192.0.2.2')}`,
      `a=${hostCandidate('198.51.100.7')}`,
      'a=mid:0',
      '',
    ].join('\r\n');

    const { sdp, dropped } = keepUsableCandidates(offer, THIS_MACHINE);

    expect(sdp).toBe(
      [
        'v=0',
        'm=video 9 UDP/TLS/RTP/SAVPF 96',
        `a=${hostCandidate('192.0.2.2')}`,
        'a=mid:0',
        '',
      ].join('\r\n'),
    );
    expect(dropped).toEqual([
      `${hostCandidate('198.51.100.7')} (198.51.100.7 is not an address of this machine)`,
    ]);
  });
});
