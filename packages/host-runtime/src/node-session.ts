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
  | { readonly kind: 'disconnected'; readonly reason: string };

export type NodeJoinResult =
  | {
      readonly kind: 'joined';
      /** `request_token` result: `role` HOST/GUEST, `participant_uuid`, `chat_enabled`, ... */
      readonly token: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'pin-required';
      readonly hostPin: boolean;
      readonly guestPin: boolean;
      readonly wrongPin: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** A node answer to a conference-relative request: HTTP status and the parsed JSON body. */
export interface NodeAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface NodeSession {
  join(request: {
    readonly alias: string;
    readonly displayName: string;
    readonly pin?: string;
  }): Promise<NodeJoinResult>;
  leave(): Promise<void>;
  /** Subscribes to node events; returns the unsubscriber. */
  onEvent(listener: (event: NodeEvent) => void): () => void;
  /**
   * Sends an authenticated request relative to the conference
   * (`/api/client/v2/conferences/<alias>/` + `path`).
   */
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer>;
}

export type NodeSessionFactory = (options: { readonly nodeUrl: string }) => NodeSession;
