import type { DialOutProtocol } from '@ipk/plugin-api';

/** What `PEX.pluginAPI.dialOut` needs to reach a recorder. */
export interface RecorderDial {
  /** The `alias` argument: the address without a `sip:`/`h323:`/`mssip:` prefix; RTMP URLs whole. */
  readonly destination: string;
  readonly protocol: DialOutProtocol;
}

/**
 * Works out the dial protocol from what the host typed. The client REST API `dial` call takes a
 * `protocol` of `sip`, `h323`, `rtmp`, `mssip` or `auto` and a bare `destination`; the seed's
 * recording plugin carries the same idea, commented out (`/^([^:]+):(.+)/`).
 *
 * - `rtmp://…`, `rtmps://…` → `rtmp`, keeping the URL (the recorder needs all of it)
 * - `sip:…`, `h323:…`, `mssip:…` → that protocol, without the prefix
 * - anything else → `auto` (the node's call routing decides)
 */
export function recorderDial(address: string): RecorderDial {
  const trimmed = address.trim();
  if (/^rtmps?:\/\//i.test(trimmed)) return { destination: trimmed, protocol: 'rtmp' };
  const [, scheme, rest] = /^(sip|h323|mssip):\s*(\S.*)$/i.exec(trimmed) ?? [];
  return scheme && rest
    ? { destination: rest, protocol: scheme.toLowerCase() as DialOutProtocol }
    : { destination: trimmed, protocol: 'auto' };
}
