import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * The `Host` names the node answers to, against DNS rebinding: a page on `evil.example` whose
 * name is made to resolve to 127.0.0.1 reaches the node with `Host: evil.example`, and is refused.
 * Allowed: `localhost` and `*.localhost` (never resolved through DNS, RFC 6761), loopback
 * addresses, the address the node listens on (every interface address when that is `0.0.0.0` or
 * `::`), and the names given with `--allow-host`. An IP literal cannot be rebound, so a request
 * that names the node by one of its own addresses is its own.
 */
export class HostAllowList {
  readonly #names: ReadonlySet<string>;

  constructor(listenHost: string, extraNames: readonly string[] = []) {
    const names = new Set(['localhost', '127.0.0.1', '::1']);
    const listen = normaliseHostname(listenHost);
    if (listen === '0.0.0.0' || listen === '::') {
      for (const address of Object.values(networkInterfaces()).flat()) {
        if (address !== undefined) names.add(normaliseHostname(address.address));
      }
    } else {
      names.add(listen);
    }
    for (const name of extraNames) names.add(normaliseHostname(name));
    this.#names = names;
  }

  /** The names and addresses allowed, for error messages and the README. */
  get names(): string[] {
    return [...this.#names];
  }

  /** Whether a request with this `Host` header may be answered (none: an HTTP/1.0 client). */
  allows(hostHeader: string | undefined): boolean {
    if (hostHeader === undefined) return true;
    const hostname = hostnameOf(hostHeader);
    if (hostname === undefined) return false;
    if (this.#names.has(hostname)) return true;
    if (hostname.endsWith('.localhost')) return true;
    return isIP(hostname) === 4 && hostname.startsWith('127.');
  }
}

/** `name:port`, `[v6]:port` or a bare name → the lower-case name without brackets or a final dot. */
export function hostnameOf(hostHeader: string): string | undefined {
  const header = hostHeader.trim();
  if (header === '') return undefined;
  let hostname: string;
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    if (end === -1) return undefined;
    hostname = header.slice(1, end);
  } else {
    const colon = header.indexOf(':');
    hostname = colon === -1 ? header : header.slice(0, colon);
  }
  return normaliseHostname(hostname);
}

function normaliseHostname(name: string): string {
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  return bare.toLowerCase().replace(/\.$/, '');
}
