import type {
  NodeAnswer,
  NodeEvent,
  NodeJoinRequest,
  NodeJoinResult,
  NodeParticipant,
  NodeSession,
} from '../node-session.js';
import { nodeParticipant } from './participant-defaults.js';

/** The self participant's uuid on a fake node. */
export const SELF_UUID = 'self-uuid';

/** One request a plugin (or the host) sent to the node. */
export interface NodeRequest {
  readonly method: 'GET' | 'POST';
  /** Conference-relative, e.g. `participants/p1/dtmf`. */
  readonly path: string;
  readonly body: unknown;
}

/** How the fake node answers a request. */
export type NodeAnswerer = (request: NodeRequest) => NodeAnswer | Promise<NodeAnswer>;

/** Every command succeeds; `dial` answers one new uuid per call (`dialled-1`, `dialled-2`, …). */
export function successAnswerer(): NodeAnswerer {
  let dialled = 0;
  return ({ path }) =>
    path === 'dial'
      ? { status: 200, body: { status: 'success', result: [`dialled-${++dialled}`] } }
      : { status: 200, body: { status: 'success', result: true } };
}

export interface FakeNodeOptions {
  /** The role `request_token` grants. Default `HOST`. */
  readonly role?: 'HOST' | 'GUEST';
  readonly displayName?: string;
  /** `request_token` `chat_enabled`. Default true. */
  readonly chatEnabled?: boolean;
  /** `request_token` `call_type`: `video`, `audio`, or `none` (control-only). Default `video`. */
  readonly callType?: string;
}

/**
 * A scriptable Conferencing Node for tests: it admits the join, sends the roster on joining as a
 * real node does, records every request, answers them with `answer`, and lets the test push any
 * node event.
 */
export class FakeNodeSession implements NodeSession {
  readonly requests: NodeRequest[] = [];
  private readonly listeners = new Set<(event: NodeEvent) => void>();
  joinResult: NodeJoinResult;
  answer: NodeAnswerer = successAnswerer();
  /** The roster the node sends when the user joins (the user's own participant is added). */
  roster: NodeParticipant[] = [];

  constructor(private readonly options: FakeNodeOptions = {}) {
    this.joinResult = {
      kind: 'joined',
      token: {
        role: options.role ?? 'HOST',
        participant_uuid: SELF_UUID,
        display_name: options.displayName ?? 'Tester',
        chat_enabled: options.chatEnabled ?? true,
        call_type: options.callType ?? 'video',
      },
    };
  }

  /** The user's own participant as this node lists it (an API client, as Infinity Connect is). */
  selfParticipant(): NodeParticipant {
    return nodeParticipant(SELF_UUID, {
      display_name: this.options.displayName ?? 'Tester',
      overlay_text: this.options.displayName ?? 'Tester',
      protocol: 'api',
      has_media: false,
      is_video_call: 'NO',
      role: (this.options.role ?? 'HOST') === 'HOST' ? 'chair' : 'guest',
    });
  }

  join(_request: NodeJoinRequest): Promise<NodeJoinResult> {
    if (this.joinResult.kind === 'joined') {
      // Like the real node: the roster arrives on the event stream while joining.
      const others = this.roster.filter((participant) => participant.uuid !== SELF_UUID);
      this.emit({ kind: 'participants', participants: [this.selfParticipant(), ...others] });
    }
    return Promise.resolve(this.joinResult);
  }

  leave(): Promise<void> {
    return Promise.resolve();
  }

  onEvent(listener: (event: NodeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NodeAnswer> {
    const request = { method, path, body };
    this.requests.push(request);
    return this.answer(request);
  }

  emit(event: NodeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
