import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, failure, PexipError } from './api-response.js';
import type { Conference, ConferenceMember } from './conference.js';
import { callHandlers } from './call-handlers.js';
import { conferenceHandlers } from './conference-handlers.js';
import type { EndpointAccess, EndpointHandler } from './endpoint-handler.js';
import { EventStream } from './event-stream.js';
import { writeApiResponse } from './http-response.js';
import type { NodeState } from './node-state.js';
import { participantHandlers } from './participant-handlers.js';
import { decodeSegment, readBody, readJsonObject } from './request-body.js';
import { tokenHandlers } from './token-handlers.js';

export const CLIENT_API_PREFIX = '/api/client/v2/conferences/';

/** Every endpoint the mock answers, as data; the README's coverage table is checked against it. */
export const ENDPOINT_HANDLERS: readonly EndpointHandler[] = [
  ...tokenHandlers,
  ...conferenceHandlers,
  ...participantHandlers,
  ...callHandlers,
];

const COMPILED = ENDPOINT_HANDLERS.map((handler) => ({ handler, pattern: patternOf(handler) }));

function patternOf(handler: EndpointHandler): RegExp {
  const prefix =
    handler.scope === 'conference'
      ? ''
      : handler.scope === 'participant'
        ? 'participants/(?<participant>[^/]+)/'
        : 'participants/(?<participant>[^/]+)/calls/(?<call>[^/]+)/';
  // `:name` segments become named groups (`params`); the rest is matched literally.
  const body = handler.path
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/(?<=^|\/):(\w+)/g, '(?<$1>[^/]+)');
  // `theme/` is called with its trailing slash; tolerate it being missing (or extra) everywhere.
  return new RegExp(`^${prefix}${body.replace(/\/$/, '')}/?$`);
}

interface RouteMatch {
  handler: EndpointHandler;
  params: Record<string, string>;
  participantUuid: string | undefined;
  callUuid: string | undefined;
}

/** Splits `/api/client/v2/conferences/<alias>/<rest>` into a decoded alias and the rest. */
function splitPath(pathname: string): { alias: string; rest: string } {
  const tail = pathname.slice(CLIENT_API_PREFIX.length);
  const slash = tail.indexOf('/');
  const rest = slash === -1 ? '' : tail.slice(slash + 1);
  // The official client encodes the alias on REST calls but not on `/events` (detail §1).
  const alias = decodeSegment(
    slash === -1 ? tail : tail.slice(0, slash),
    'Malformed conference alias in the path',
  );
  if (alias === '') throw new ApiError(404, PexipError.conferenceNotFound);
  return { alias, rest };
}

/** The endpoint for a method and a path below the alias; 405 (with `allow`) or 404 otherwise. */
export function matchRoute(method: string, rest: string): RouteMatch {
  const allowed = new Set<string>();
  for (const { handler, pattern } of COMPILED) {
    const match = pattern.exec(rest);
    if (match === null) continue;
    if (handler.method !== method && !(handler.method === 'GET' && method === 'HEAD')) {
      allowed.add(handler.method);
      continue;
    }
    const { participant, call, ...params } = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([key, value]) => [key, decodeSegment(value)]),
    );
    return { handler, params, participantUuid: participant, callUuid: call };
  }
  if (allowed.size > 0) {
    const allow = [...allowed].join(', ');
    throw new ApiError(405, `Method ${method} not allowed here; use ${allow}`, undefined, {
      allow,
    });
  }
  throw new ApiError(404, `Unknown endpoint "${rest}"`);
}

/** The token from the `token` header or a `?token=` query parameter, on every endpoint (pitfall 2). */
function tokenOf(request: IncomingMessage, query: URLSearchParams): string | undefined {
  const header = request.headers['token'];
  const value = Array.isArray(header) ? header[0] : header;
  return value ?? query.get('token') ?? undefined;
}

/**
 * The caller of a non-public endpoint, if its `access` lets it: `member` is anyone, `host` a host,
 * `self` only the target, `self-or-host` either.
 */
function authorise(
  state: NodeState,
  conference: Conference,
  access: EndpointAccess,
  token: string | undefined,
  target: ConferenceMember | undefined,
): ConferenceMember | undefined {
  if (access === 'public') return undefined;
  const record = state.validToken(token, conference);
  const caller = record && conference.member(record.participantUuid);
  if (caller === undefined) throw new ApiError(403, PexipError.invalidToken);
  const isHost = caller.participant.role === 'chair';
  const allowed =
    access === 'member' ||
    (access !== 'self' && isHost) ||
    (access !== 'host' && caller === target);
  if (!allowed) throw new ApiError(403, PexipError.invalidRole);
  return caller;
}

/**
 * Answers one request under `/api/client/v2/conferences/`. Every failure is a 4xx in Pexip's
 * envelope; the state is only touched once the request has passed every check.
 */
export async function handleClientApi(
  state: NodeState,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  query: URLSearchParams,
): Promise<void> {
  const method = request.method ?? 'GET';
  try {
    const { alias, rest } = splitPath(pathname);
    if (rest === 'events' || rest === 'events/') {
      await readBody(request);
      openEventStream(state, request, response, alias, query, method);
      return;
    }
    const route = matchRoute(method, rest);
    const conference = state.conference(alias);
    if (conference === undefined) {
      await readBody(request);
      throw new ApiError(404, PexipError.conferenceNotFound);
    }
    const body = await readJsonObject(request);
    const token = tokenOf(request, query);
    const target =
      route.participantUuid === undefined ? undefined : conference.member(route.participantUuid);
    if (route.participantUuid !== undefined && target === undefined) {
      // Checked after the token, so a stranger learns nothing about who is in the conference.
      authorise(state, conference, 'member', token, undefined);
      throw new ApiError(404, 'Participant not found');
    }
    const caller = authorise(state, conference, route.handler.access, token, target);
    const outcome = await route.handler.handle({
      state,
      conference,
      caller,
      target,
      callUuid: route.callUuid,
      params: route.params,
      body,
      headers: request.headers,
      query,
    });
    writeApiResponse(response, outcome.response);
    outcome.after?.();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    writeApiResponse(response, failure(error), error.headers);
  }
}

/**
 * `GET events?token=…`: headers flushed at once (webapp3 waits for `open`), then the sync bracket,
 * then live events until the participant leaves or the client hangs up.
 */
function openEventStream(
  state: NodeState,
  request: IncomingMessage,
  response: ServerResponse,
  alias: string,
  query: URLSearchParams,
  method: string,
): void {
  if (method !== 'GET')
    throw new ApiError(405, 'Method not allowed here; use GET', undefined, { allow: 'GET' });
  const conference = state.conference(alias);
  if (conference === undefined) throw new ApiError(404, PexipError.conferenceNotFound);
  const record = state.validToken(tokenOf(request, query), conference);
  if (record === undefined) throw new ApiError(403, PexipError.invalidToken);
  request.socket.setNoDelay(true);
  request.socket.setTimeout(0);
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'access-control-allow-origin': '*',
  });
  response.flushHeaders();
  const stream = new EventStream(response, record.participantUuid);
  conference.attachStream(stream);
  response.once('close', () => conference.detachStream(stream));
}
