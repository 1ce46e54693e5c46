import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, PexipError, type ApiResponse } from './api-response.js';
import type { Conference, ConferenceMember } from './conference.js';
import type { NodeState } from './node-state.js';
import type { JsonObject } from './request-body.js';

/**
 * Who may call an endpoint:
 * - `public`: no token (`request_token` only);
 * - `member`: any valid token of the conference;
 * - `host`: a token whose participant is a host (`role: "chair"`), else 403;
 * - `self-or-host`: a participant call on oneself, or by a host on anyone;
 * - `self`: only the participant itself (its own media calls).
 */
export type EndpointAccess = 'public' | 'member' | 'host' | 'self-or-host' | 'self';

export interface EndpointContext {
  state: NodeState;
  conference: Conference;
  /** The token's participant; `undefined` only for `public` endpoints. */
  caller: ConferenceMember | undefined;
  /** The `<participant_uuid>` of a participant call. */
  target: ConferenceMember | undefined;
  /** The `<call_uuid>` of a call-level endpoint. */
  callUuid: string | undefined;
  /** Named segments of the path, e.g. `mixName` in `video_mixes/:mixName/configure`. */
  params: Record<string, string>;
  body: JsonObject;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
}

export interface EndpointOutcome {
  response: ApiResponse;
  /** Runs after the answer is written: state changes answer first, then announce (pitfall 6). */
  after?: () => void;
}

/**
 * One endpoint of the client REST API, as plain data (the msw style): its method, its path under
 * `/api/client/v2/conferences/<alias>/` (or under `participants/<uuid>/`), who may call it, and
 * what it does.
 */
export interface EndpointHandler {
  /** Pexip's name of the endpoint, as in `@pexip/infinity-api` (e.g. `muteParticipant`). */
  name: string;
  method: 'GET' | 'POST';
  /** `participant`: under `participants/<uuid>/`; `call`: under `participants/<uuid>/calls/<call_uuid>/`. */
  scope: 'conference' | 'participant' | 'call';
  /** The path pattern; `:name` segments become `params`. */
  path: string;
  access: EndpointAccess;
  handle(context: EndpointContext): EndpointOutcome | Promise<EndpointOutcome>;
}

type Handle<Context> = (context: Context) => EndpointOutcome | Promise<EndpointOutcome>;

/** What a participant or call endpoint gets: its target, and the caller the router authorised. */
export interface TargetContext extends EndpointContext {
  caller: ConferenceMember;
  target: ConferenceMember;
}

/** The caller of an endpoint that needs a token (every one but `request_token`). */
export function mustHaveCaller(context: EndpointContext): ConferenceMember {
  if (context.caller === undefined) throw new ApiError(403, PexipError.invalidToken);
  return context.caller;
}

export function answer(response: ApiResponse, after?: () => void): EndpointOutcome {
  return after === undefined ? { response } : { response, after };
}

/** One row of a handler table: Pexip's name, `METHOD path`, who may call it, what it does. */
export type EndpointRow<Context = EndpointContext> = readonly [
  name: string,
  route: `${EndpointHandler['method']} ${string}`,
  access: EndpointAccess,
  handle: Handle<Context>,
];

/** The handlers of one scope, one row each. */
export function endpoints(
  scope: EndpointHandler['scope'],
  rows: readonly EndpointRow[],
): EndpointHandler[] {
  return rows.map(([name, route, access, handle]) => {
    const [method, path] = route.split(' ') as [EndpointHandler['method'], string];
    return { name, method, scope, path, access, handle };
  });
}

/**
 * The handlers of a participant or call scope. The router answers an unknown participant with 404
 * and a missing token with 403 before any handler runs; these checks only make that visible here.
 */
export function targetEndpoints(
  scope: 'participant' | 'call',
  rows: readonly EndpointRow<TargetContext>[],
): EndpointHandler[] {
  return endpoints(
    scope,
    rows.map(([name, route, access, handle]) => [
      name,
      route,
      access,
      (context) => {
        const caller = mustHaveCaller(context);
        if (context.target === undefined) throw new ApiError(404, 'Participant not found');
        return handle({ ...context, caller, target: context.target });
      },
    ]),
  );
}
