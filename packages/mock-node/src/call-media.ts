/**
 * The media side of one WebRTC call, as the mock node needs it. `createMediaPeer()` of
 * `@ipk/mock-media` (a werift peer that loops the browser's own video back) has this shape; any
 * other implementation can be passed as `createCallMedia`.
 */
export interface CallMedia {
  /** Answers the browser's SDP offer (`calls`, and again for each `update`). */
  answer(offerSdp: string): Promise<string>;
  /** A trickled browser candidate (`new_candidate`); an empty `candidate` ends the trickle. */
  addRemoteCandidate(candidate: { candidate: string; mid?: string }): Promise<void>;
  /** Frees the call's sockets and timers; safe to call twice. */
  close(): Promise<void>;
  /**
   * Reports the media's connection state (`connecting`, `connected`, `failed`, `closed`...);
   * returns the unsubscriber. When given, a `failed` call is ended with `call_disconnected`.
   */
  onStateChange?(listener: (state: string) => void): () => void;
}

/**
 * `@ipk/mock-media`'s peer when that package is installed, else `undefined` (the node then stays
 * API-only). Loaded at run time and not a dependency: it brings a whole WebRTC stack (werift).
 */
export async function loadMockMedia(
  log: (line: string) => void = () => {},
): Promise<(() => CallMedia) | undefined> {
  const name = '@ipk/mock-media';
  try {
    const module = (await import(name)) as { createMediaPeer?: (options?: object) => CallMedia };
    const create = module.createMediaPeer;
    if (typeof create !== 'function') return undefined;
    return () => create({ log });
  } catch {
    return undefined;
  }
}
