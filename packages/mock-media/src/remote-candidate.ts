import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** The parts of an ICE candidate line (RFC 8839 §5.1) the mock decides on. */
export interface ParsedCandidate {
  readonly transport: string;
  readonly address: string;
  readonly port: number;
  readonly type: string;
}

const CANDIDATE_PREFIX = /^(?:a=)?candidate:/;

/**
 * Reads `candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...`,
 * with or without the `a=` of an SDP line. The browser sends this string as `candidate` in
 * `new_candidate` (`toIceCandidate` in `@pexip/infinity`). Throws an error that names the field
 * that is wrong, so the mock node can answer the client with it.
 */
export function parseCandidate(line: string): ParsedCandidate {
  const trimmed = line.trim();
  if (!CANDIDATE_PREFIX.test(trimmed)) {
    throw new Error(
      `ICE candidate ${JSON.stringify(line)} does not start with "candidate:" (RFC 8839 §5.1).`,
    );
  }
  const fields = trimmed.replace(CANDIDATE_PREFIX, '').split(/\s+/);
  const [, , transport, , address, portText, typ, type] = fields;
  const port = Number(portText);
  if (!transport || !address || !Number.isInteger(port) || typ !== 'typ' || !type) {
    throw new Error(
      `ICE candidate ${JSON.stringify(line)} is malformed: expected "candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>".`,
    );
  }
  return { transport: transport.toLowerCase(), address, port, type };
}

/** Every address of this machine's interfaces, loopback included. */
export function thisMachineAddresses(): ReadonlySet<string> {
  const addresses = new Set<string>(['127.0.0.1', '::1']);
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) addresses.add(info.address);
  }
  return addresses;
}

/** Why a candidate is not used, or `undefined` when it is. */
export function reasonToDropCandidate(
  candidate: ParsedCandidate,
  localAddresses: ReadonlySet<string>,
): string | undefined {
  // werift is set up for UDP only; Chromium's `tcptype active` candidates (port 9) never connect.
  if (candidate.transport !== 'udp') return `transport ${candidate.transport} is not used`;
  // An mDNS name (`<uuid>.local`) would make werift send multicast queries onto the network.
  if (isIP(candidate.address) === 0) return `${candidate.address} is not an IP address (mDNS)`;
  const isLoopback = candidate.address.startsWith('127.') || candidate.address === '::1';
  // The mock is a local tool: it never sends media off this machine.
  if (!isLoopback && !localAddresses.has(candidate.address)) {
    return `${candidate.address} is not an address of this machine`;
  }
  return undefined;
}

export interface FilteredSdp {
  readonly sdp: string;
  /** One line per dropped candidate: the candidate and the reason. */
  readonly dropped: readonly string[];
}

/**
 * Removes the `a=candidate` lines of an offer that the mock will not use (see
 * `reasonToDropCandidate`). Legacy PexRTC put every candidate in the offer instead of trickling
 * them, so the offer needs the same filter as `new_candidate`.
 */
export function keepUsableCandidates(
  sdp: string,
  localAddresses: ReadonlySet<string> = thisMachineAddresses(),
): FilteredSdp {
  const dropped: string[] = [];
  const lines = sdp.split(/\r?\n/).filter((line) => {
    if (!line.startsWith('a=candidate:')) return true;
    const reason = reasonToDropCandidate(parseCandidate(line), localAddresses);
    if (reason === undefined) return true;
    dropped.push(`${line.slice(2)} (${reason})`);
    return false;
  });
  return { sdp: lines.join('\r\n'), dropped };
}
