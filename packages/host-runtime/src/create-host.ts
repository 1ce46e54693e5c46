import { ConferenceHost } from './conference-host.js';
import type { Host, HostOptions } from './host.js';
import { createInfinitySession } from './infinity-session.js';

/**
 * A host for the browser: talks to the Conferencing Node at `nodeUrl` with Pexip's official
 * client, `@pexip/infinity` (or the `nodeSession` given), and installs `window.PEX`.
 */
export function createHost(options: HostOptions = {}): Host {
  return new ConferenceHost({
    ...options,
    nodeSession: options.nodeSession ?? createInfinitySession,
  });
}
