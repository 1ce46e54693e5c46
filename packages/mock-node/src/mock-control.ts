import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, failure, success, type ApiResponse } from './api-response.js';
import type {
  ChatMessage,
  Conference,
  ConferenceStatus,
  LayoutEvent,
  StageEntry,
} from './conference.js';
import { checkChatPayloadSize } from './conference-handlers.js';
import { admitControlRequest } from './control-request-policy.js';
import { writeApiResponse } from './http-response.js';
import type { NodeParticipant } from './node-participant.js';
import type { NodeState } from './node-state.js';
import type { PeopleSimulation, SimulationStep } from './people-simulation.js';
import {
  decodeSegment,
  optionalEither,
  optionalString,
  readJsonObject,
  requireOneOf,
  requireString,
  type JsonObject,
} from './request-body.js';

export const CONTROL_PREFIX = '/_mock/';

export interface ConferenceSnapshot {
  alias: string;
  name: string;
  serviceType: 'conference' | 'lecture';
  status: ConferenceStatus;
  layout: LayoutEvent;
  stage: StageEntry[];
  presenterUuid: string | null;
  /** Everyone in the conference, in order of arrival (one page of them over HTTP). */
  participants: NodeParticipant[];
  participantCount: number;
  /** DTMF digits each participant (of this page) received, by uuid, concatenated in order. */
  dtmf: Record<string, string>;
  /** The kept chat history, oldest first (one page of it over HTTP; see `chatHistoryLimit`). */
  chat: ChatMessage[];
  chatCount: number;
  settings: Record<string, unknown>;
}

export interface MockSnapshot {
  conferences: ConferenceSnapshot[];
  /** Which slice of each conference's `participants` and `chat` this is; absent when whole. */
  page?: { offset: number; limit: number };
}

/**
 * A slice of the state: `GET /_mock/state` always answers one (`?offset=&limit=&conference=`), so
 * a node with thousands of participants or a long chat never has to build one huge answer.
 */
export interface SnapshotPage {
  /** Only this conference. */
  conference?: string;
  /** First participant and chat message of the page (default 0). */
  offset?: number;
  /** Participants and chat messages per conference (default 100 over HTTP, at most 1,000). */
  limit?: number;
}

export const STATE_PAGE_SIZE = 100;
export const STATE_PAGE_MAX = 1000;

export interface AddParticipantRequest {
  displayName: string;
  role?: NodeParticipant['role'];
  protocol?: Exclude<NodeParticipant['protocol'], ''>;
}

export interface InjectChatRequest {
  payload: string;
  /** Shown as `origin`; default "Mock node". */
  origin?: string;
  /** Sender uuid: a participant's to make it come from that participant. */
  fromUuid?: string;
  type?: ChatMessage['type'];
}

/**
 * The test control API: what `/_mock/` offers over HTTP, in process. Not part of Pexip's API;
 * e2e tests should prefer a second client joining through the public API, which also works
 * against a real deployment.
 */
export class MockControl {
  constructor(
    private readonly state: NodeState,
    private readonly simulation: PeopleSimulation | undefined,
  ) {}

  /** The whole state, or one page of it ({@link SnapshotPage}). */
  snapshot(page?: SnapshotPage): MockSnapshot {
    const conferences =
      page?.conference === undefined
        ? [...this.state.conferences.values()]
        : [this.conference(page.conference)];
    if (page?.offset === undefined && page?.limit === undefined) {
      return { conferences: conferences.map((conference) => snapshotOf(conference)) };
    }
    const slice = { offset: page.offset ?? 0, limit: page.limit ?? STATE_PAGE_SIZE };
    return {
      conferences: conferences.map((conference) => snapshotOf(conference, slice)),
      page: slice,
    };
  }

  /** Adds a participant with media (protocol `webrtc` by default), announced like any newcomer. */
  addParticipant(alias: string, request: AddParticipantRequest): NodeParticipant {
    const conference = this.conference(alias);
    const role = request.role ?? 'guest';
    const member = conference.addParticipant(
      {
        displayName: request.displayName,
        role,
        serviceType: conference.entryServiceType(role),
        protocol: request.protocol ?? 'webrtc',
      },
      'control',
    );
    return structuredClone(member.participant);
  }

  /** Removes a participant; with a reason its own stream gets `disconnect {reason}` first. */
  removeParticipant(alias: string, uuid: string, reason?: string): boolean {
    return this.state.dropParticipant(this.conference(alias), uuid, reason);
  }

  /** Sends a chat message to everyone in the conference (`message_received`). */
  injectChat(alias: string, request: InjectChatRequest): ChatMessage {
    const conference = this.conference(alias);
    checkChatPayloadSize(request.payload, this.state.options.chatMessageMaxBytes, 'Chat payload');
    const sender = request.fromUuid === undefined ? undefined : conference.member(request.fromUuid);
    if (request.fromUuid !== undefined && sender === undefined) {
      throw new ApiError(404, `No participant ${request.fromUuid} in "${alias}"`);
    }
    const message: ChatMessage = {
      origin: request.origin ?? sender?.participant.display_name ?? 'Mock node',
      type: request.type ?? 'text/plain',
      payload: request.payload,
      uuid: sender?.participant.uuid ?? randomUUID(),
      direct: false,
    };
    conference.sendChat(message, sender?.participant.uuid);
    return message;
  }

  /** Every DTMF digit the participant received (through `dtmf` or a dial's `dtmf_sequence`). */
  dtmfReceived(uuid: string): string {
    for (const conference of this.state.conferences.values()) {
      const member = conference.member(uuid);
      if (member !== undefined) return member.dtmf.join('');
    }
    throw new ApiError(404, `No participant ${uuid} on this node`);
  }

  /** Makes a participant the active speaker (`stage` event, vad 100). */
  speak(alias: string, uuid: string): void {
    const conference = this.conference(alias);
    if (conference.member(uuid) === undefined) {
      throw new ApiError(404, `No participant ${uuid} in "${alias}"`);
    }
    conference.speak(uuid);
  }

  /** Runs the simulation's next scheduled step now (deterministic for a given seed). */
  simulationStep(): SimulationStep | undefined {
    return this.simulation?.step();
  }

  /** Back to the configured state: participants gone (streams closed), tokens void, people re-seated. */
  reset(): void {
    this.state.reset();
    this.simulation?.populate();
  }

  private conference(alias: string): Conference {
    const conference = this.state.conference(alias);
    if (conference === undefined) throw new ApiError(404, `No conference "${alias}" on this node`);
    return conference;
  }
}

function snapshotOf(
  conference: Conference,
  slice?: { offset: number; limit: number },
): ConferenceSnapshot {
  const pageOf = <T>(items: readonly T[]): T[] =>
    slice === undefined ? [...items] : items.slice(slice.offset, slice.offset + slice.limit);
  const all = [...conference.members.values()];
  const members = pageOf(all);
  return structuredClone({
    alias: conference.alias,
    name: conference.name,
    serviceType: conference.serviceType,
    status: conference.status,
    layout: conference.layout,
    stage: conference.stage,
    presenterUuid: conference.presenterUuid ?? null,
    participants: members.map((member) => member.participant),
    participantCount: all.length,
    dtmf: Object.fromEntries(members.map((m) => [m.participant.uuid, m.dtmf.join('')])),
    chat: pageOf(conference.chat),
    chatCount: conference.chat.length,
    settings: conference.settings,
  });
}

/** `?conference=&offset=&limit=` of `GET state`; a page is always applied over HTTP. */
function readSnapshotPage(query: URLSearchParams): SnapshotPage {
  const page: SnapshotPage = {
    offset: wholeNumber(query, 'offset', 0, Number.MAX_SAFE_INTEGER, 0),
    limit: wholeNumber(query, 'limit', 1, STATE_PAGE_MAX, STATE_PAGE_SIZE),
  };
  const conference = query.get('conference');
  if (conference !== null) page.conference = conference;
  return page;
}

function wholeNumber(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ApiError(
      400,
      `Query parameter "${name}" must be a whole number from ${min} to ${max} (got "${raw}")`,
    );
  }
  return value;
}

/**
 * `/_mock/` over HTTP (JSON only, and only for allowed origins: control-request-policy.ts):
 * `GET state` (`?conference=&offset=&limit=`), `POST reset`, `POST simulation/step`,
 * `POST conferences/<alias>/participants {display_name, role?, protocol?}`,
 * `DELETE conferences/<alias>/participants/<uuid>` (optional `?reason=`),
 * `POST conferences/<alias>/participants/<uuid>/speak`,
 * `POST conferences/<alias>/chat {payload, origin?, from_uuid?, type?}`,
 * `GET participants/<uuid>/dtmf`.
 */
export async function handleControlApi(
  control: MockControl,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  allowedOrigins: ReadonlySet<string>,
): Promise<void> {
  let cors: Record<string, string> = {};
  try {
    cors = admitControlRequest(request, allowedOrigins);
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      // A CORS preflight from an allowed origin.
      request.resume();
      response.writeHead(204, cors);
      response.end();
      return;
    }
    const body = await readJsonObject(request);
    const segments = pathname
      .slice(CONTROL_PREFIX.length)
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeSegment(segment));
    writeApiResponse(response, routeControl(control, method, segments, body, query), {}, cors);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Refused before the body was read: discard it, so the client still reads the answer.
    if (!request.readableEnded) request.resume();
    writeApiResponse(response, failure(error), error.headers, cors);
  }
}

function routeControl(
  control: MockControl,
  method: string,
  segments: string[],
  body: JsonObject,
  query: URLSearchParams,
): ApiResponse {
  // Segments 1 and 3 are the variable parts (`<alias>`, `<uuid>`) of every control path.
  const variable = segments[0] === 'conferences' || segments[0] === 'participants';
  const pattern = segments.map((segment, index) =>
    variable && (index === 1 || index === 3) ? ':' : segment,
  );
  const [, second = '', , fourth = ''] = segments;
  switch (`${method} ${pattern.join('/')}`) {
    case 'GET state':
      return success(control.snapshot(readSnapshotPage(query)));
    case 'POST reset':
      control.reset();
      return success(true);
    case 'POST simulation/step':
      return success(control.simulationStep() ?? null);
    case 'POST conferences/:/participants':
      return success(control.addParticipant(second, readAddParticipant(body)));
    case 'DELETE conferences/:/participants/:':
      return success(control.removeParticipant(second, fourth, query.get('reason') ?? undefined));
    case 'POST conferences/:/participants/:/speak':
      control.speak(second, fourth);
      return success(true);
    case 'POST conferences/:/chat':
      return success(control.injectChat(second, readInjectChat(body)));
    case 'GET participants/:/dtmf':
      return success({ digits: control.dtmfReceived(second) });
    default:
      throw new ApiError(
        404,
        `Unknown test control call "${method} ${CONTROL_PREFIX}${segments.join('/')}"`,
      );
  }
}

function readAddParticipant(body: JsonObject): AddParticipantRequest {
  return {
    displayName: requireString(body, 'display_name'),
    role: optionalEither(body, 'role', ['chair', 'guest']),
    protocol:
      optionalString(body, 'protocol') === undefined
        ? undefined
        : requireOneOf(body, 'protocol', ['webrtc', 'sip', 'h323', 'mssip', 'rtmp', 'api']),
  };
}

function readInjectChat(body: JsonObject): InjectChatRequest {
  return {
    payload: requireString(body, 'payload'),
    origin: optionalString(body, 'origin'),
    fromUuid: optionalString(body, 'from_uuid'),
    type: optionalEither(body, 'type', ['text/plain', 'application/json']),
  };
}
