/**
 * The one seam between the host and a Conferencing Node. `createInfinitySession` implements it
 * with Pexip's official client `@pexip/infinity`; tests and benchmarks may inject their own.
 * Everything crossing it is the node's own vocabulary (snake_case REST objects), so the mapping
 * to plugin properties lives in one place (`participant-from-node.ts`).
 */

/** A participant object as the node sends it (`participant_create`/`_update`, `GET participants`). */
export type NodeParticipant = Readonly<Record<string, unknown>> & { readonly uuid: string };

/** A `conference_update` / `GET conference_status` result. */
export type NodeConferenceStatus = Readonly<Record<string, unknown>>;

export interface NodeStageEntry {
  readonly uuid: string;
  readonly stageIndex: number;
  readonly vad: number;
}

export interface NodeChatMessage {
  readonly origin: string;
  readonly uuid: string;
  readonly type: string;
  readonly payload: string;
  readonly direct: boolean;
}

export type NodeEvent =
  /** A full roster: the end of a `participant_sync_begin`…`_end` bracket (every (re)connect). */
  | { readonly kind: 'participants'; readonly participants: readonly NodeParticipant[] }
  | { readonly kind: 'participant-joined'; readonly participant: NodeParticipant }
  | { readonly kind: 'participant-updated'; readonly participant: NodeParticipant }
  | { readonly kind: 'participant-left'; readonly uuid: string }
  | { readonly kind: 'conference-status'; readonly status: NodeConferenceStatus }
  | { readonly kind: 'stage'; readonly stage: readonly NodeStageEntry[] }
  | { readonly kind: 'message'; readonly message: NodeChatMessage }
  | { readonly kind: 'connected' }
  | { readonly kind: 'reconnecting' }
  | { readonly kind: 'disconnected'; readonly reason: string }
  | NodeMediaEvent;

/** What happens to the call's audio and video (only after a join with `media`). */
export type NodeMediaEvent =
  /** The conference's audio and video from the node (may come before `media-connected`). */
  | { readonly kind: 'media-remote-stream'; readonly stream: MediaStream }
  /** ICE and DTLS connected: media flows. */
  | { readonly kind: 'media-connected'; readonly peerConnection: RTCPeerConnection | null }
  /** The call's media failed or the node ended it (`call_disconnected`); the conference goes on. */
  | { readonly kind: 'media-failed'; readonly reason: string };

export type NodeJoinResult =
  | {
      readonly kind: 'joined';
      /** `request_token` result: `role` HOST/GUEST, `participant_uuid`, `chat_enabled`, ... */
      readonly token: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'pin-required';
      /** The conference has a host PIN. */
      readonly hostPin: boolean;
      /** Guests need a PIN too; when false a guest may join with an empty PIN. */
      readonly guestPin: boolean;
      /** A PIN was given and the node refused it. */
      readonly wrongPin: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** A node answer to a conference-relative request: HTTP status and the parsed JSON body. */
export interface NodeAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface NodeJoinRequest {
  readonly alias: string;
  readonly displayName: string;
  readonly pin?: string;
  /**
   * Join with audio and video, sending this stream (camera and microphone). Without it the
   * participant joins control-only (API only).
   */
  readonly media?: { readonly stream: MediaStream };
}

export interface NodeSession {
  join(request: NodeJoinRequest): Promise<NodeJoinResult>;
  leave(): Promise<void>;
  /**
   * Ends the call's audio and video and stays in the conference control-only. Sessions that
   * never join with media need not implement it.
   */
  stopMedia?(): Promise<void>;
  /**
   * The page is going away: release the token with a request the browser completes after the page
   * is gone (`fetch` with `keepalive`), so the node drops the participant at once. Synchronous:
   * nothing can be awaited in `pagehide`.
   */
  releaseOnPageExit?(): void;
  /** Subscribes to node events; returns the unsubscriber. */
  onEvent(listener: (event: NodeEvent) => void): () => void;
  /**
   * Sends an authenticated request relative to the conference
   * (`/api/client/v2/conferences/<alias>/` + `path`).
   */
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer>;
}

export type NodeSessionFactory = (options: { readonly nodeUrl: string }) => NodeSession;
