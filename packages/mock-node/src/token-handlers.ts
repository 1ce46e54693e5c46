import { ApiError, PexipError, success } from './api-response.js';
import type { Conference } from './conference.js';
import {
  answer,
  endpoints,
  mustHaveCaller,
  type EndpointContext,
  type EndpointOutcome,
} from './endpoint-handler.js';
import type { NodeState, TokenRecord } from './node-state.js';
import { optionalString, requireString } from './request-body.js';

/** `version` is required in token answers (v20 validators); these are the figures of a v36 node. */
const NODE_VERSION = { version_id: '36', pseudo_version: '79019.0.0' };

type Role = 'chair' | 'guest';

/**
 * Which role a `pin` header buys (Pexip docs, "PINs and Host/Guest"): with no PINs everyone is a
 * host; with a host PIN only, `pin: none` (or an empty PIN) joins as a guest; with both, the PIN
 * decides. A missing PIN where one is needed answers 403 with the PIN-status body.
 */
function roleForPin(conference: Conference, pinHeader: string | undefined): Role {
  const { hostPin, guestPin } = conference.config;
  if (hostPin === undefined) return 'chair';
  const pin = pinHeader?.trim().replace(/#$/, '');
  const pinStatus = {
    pin: 'required',
    guest_pin: guestPin === undefined ? 'none' : 'required',
    version: NODE_VERSION,
  };
  if (pin === undefined || pin === '') {
    if (guestPin === undefined && pinHeader !== undefined) return 'guest';
    throw new ApiError(403, 'PIN required', pinStatus);
  }
  if (pin === hostPin) return 'chair';
  if (guestPin !== undefined && pin === guestPin) return 'guest';
  if (guestPin === undefined && pin.toLowerCase() === 'none') return 'guest';
  if (pin.toLowerCase() === 'none') throw new ApiError(403, 'PIN required', pinStatus);
  throw new ApiError(403, PexipError.invalidPin);
}

/**
 * {@link roleForPin}, counting a wrong PIN towards the conference's brute-force limit (a missing
 * PIN is a question, not a guess, and is not counted).
 */
function checkPin(state: NodeState, conference: Conference, pin: string | undefined): Role {
  try {
    return roleForPin(conference, pin);
  } catch (error) {
    if (error instanceof ApiError && error.result === PexipError.invalidPin) {
      state.pinFailures.recordFailure(conference.alias);
    }
    throw error;
  }
}

/**
 * The role a `transfer` may hand out at `destination`: its `pin` is "the PIN code for the specified
 * role at the specified conference, if required" (`@pexip/infinity-api` v20, `TransferParticipant`
 * body), checked as `request_token` checks the `pin` header — wrong PINs count towards the limit —
 * so a transfer never buys more than that PIN would. A guest needs no PIN where only hosts have one
 * (as `pin: none`). Anything short of the requested role fails with Pexip's "transfer failed".
 */
export function roleForTransfer(
  state: NodeState,
  destination: Conference,
  requested: Role,
  pin: string | undefined,
): Role {
  let bought: Role;
  try {
    bought = checkPin(state, destination, pin ?? (requested === 'guest' ? 'none' : undefined));
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(403, PexipError.transferFailed);
    throw error;
  }
  if (requested === 'chair' && bought !== 'chair') {
    throw new ApiError(403, PexipError.transferFailed);
  }
  return requested;
}

function roleFromReferToken(context: EndpointContext): Role | undefined {
  const token = optionalString(context.body, 'token');
  if (token === undefined) return undefined;
  const refer = context.state.referTokens.get(token);
  if (
    refer === undefined ||
    refer.alias !== context.conference.alias ||
    refer.expiresAt < Date.now()
  ) {
    throw new ApiError(403, PexipError.invalidToken);
  }
  context.state.referTokens.delete(token);
  return refer.role;
}

function tokenTiming(state: NodeState, record: TokenRecord) {
  // `expires` is a string of seconds: a number fails `validateRequestToken200` (pitfall 1).
  return { token: record.token, expires: String(state.options.tokenExpiresSeconds) };
}

function requestToken(context: EndpointContext): EndpointOutcome {
  const { conference, state } = context;
  // Too many wrong PINs lately: the conference "appears as though the VMR/alias does not exist"
  // (Pexip's PIN brute-force resistance, see pin-failure-limit.ts) until the block ends.
  if (state.pinFailures.isBlocked(conference.alias)) {
    throw new ApiError(404, PexipError.conferenceNotFound);
  }
  const displayName = requireString(context.body, 'display_name').trim();
  if (displayName === '') throw new ApiError(400, 'Body field "display_name" must not be empty');
  const pinHeader = context.headers['pin'];
  const role =
    roleFromReferToken(context) ??
    checkPin(state, conference, Array.isArray(pinHeader) ? pinHeader[0] : pinHeader);
  const member = conference.addParticipant(
    {
      displayName,
      role,
      serviceType: conference.entryServiceType(role),
      protocol: 'api',
    },
    'token',
  );
  const record = state.issueToken(conference, member.participant.uuid);
  return answer(
    success({
      ...tokenTiming(state, record),
      participant_uuid: member.participant.uuid,
      display_name: displayName,
      role: role === 'chair' ? 'HOST' : 'GUEST',
      version: NODE_VERSION,
      service_type: conference.serviceType,
      current_service_type: member.participant.service_type,
      conference_name: conference.name,
      service_name: conference.name,
      chat_enabled: conference.chatEnabled,
      call_type: 'video',
      call_tag: optionalString(context.body, 'call_tag') ?? '',
      guests_can_present: conference.status.guests_can_present,
      fecc_enabled: false,
      // The mock carries no media, so never direct media (a client asking for it still joins).
      direct_media: false,
      breakout_rooms: false,
      trickle_ice_enabled: true,
      allow_1080p: true,
      vp9_enabled: true,
      rtmp_enabled: true,
      rtsp_enabled: false,
      analytics_enabled: false,
      route_via_registrar: false,
      use_relay_candidates_only: false,
      idp_uuid: '',
      // No stun/turn keys: @pexip/infinity turns an empty `stun` list into `iceServers: [{urls: []}]`,
      // which Chromium rejects ("ICE server parsing failed: Empty uri") and the call never starts.
      bandwidth_in: 1280,
      bandwidth_out: 1280,
      client_stats_update_interval: 5000,
    }),
  );
}

function refreshToken(context: EndpointContext): EndpointOutcome {
  const { state, conference } = context;
  const member = mustHaveCaller(context);
  // A new token and expiry each time; the old one still works until its own expiry, so requests
  // already in flight with it do not fail (the docs leave this open; see README).
  const record = state.issueToken(conference, member.participant.uuid);
  return answer(
    success({
      ...tokenTiming(state, record),
      // The role follows `participants/<uuid>/role` changes (legacy PexRTC `onRoleUpdate`).
      role: member.participant.role === 'chair' ? 'HOST' : 'GUEST',
    }),
  );
}

function releaseToken(context: EndpointContext): EndpointOutcome {
  const { state, conference } = context;
  const member = mustHaveCaller(context);
  optionalString(context.body, 'reason');
  return answer(success(true), () => {
    state.dropParticipant(conference, member.participant.uuid, undefined);
  });
}

export const tokenHandlers = endpoints('conference', [
  ['requestToken', 'POST request_token', 'public', requestToken],
  ['refreshToken', 'POST refresh_token', 'member', refreshToken],
  ['releaseToken', 'POST release_token', 'member', releaseToken],
]);
