import { randomBytes } from 'node:crypto';
import { ApiError, PexipError, success } from './api-response.js';
import { presentationStart } from './conference.js';
import { readChat } from './conference-handlers.js';
import {
  answer,
  targetEndpoints,
  type EndpointOutcome,
  type TargetContext,
} from './endpoint-handler.js';
import { unixSeconds, type NodeParticipant } from './node-participant.js';
import {
  optionalString,
  requireBoolean,
  requireOneOf,
  requireString,
  type JsonObject,
} from './request-body.js';
import { roleForTransfer } from './token-handlers.js';

/**
 * Sets fields of the target and announces the full object with `participant_update` to everyone
 * (client-api.md, pitfall 6). `result` is `true` unless given.
 */
function updateTarget(
  { conference, target }: TargetContext,
  fields: Partial<NodeParticipant>,
  result: unknown = true,
): EndpointOutcome {
  return answer(success(result), () =>
    conference.updateParticipant(target.participant.uuid, (p) => Object.assign(p, fields)),
  );
}

function setFields(fields: Partial<NodeParticipant>, result?: unknown) {
  return (context: TargetContext) => updateTarget(context, fields, result);
}

/** A guest may unmute itself only while the host allows it (`guests_can_unmute`). */
function unmuteParticipant(context: TargetContext): EndpointOutcome {
  const { status } = context.conference;
  if (
    context.caller.participant.role === 'guest' &&
    status.guests_muted &&
    !status.guests_can_unmute
  ) {
    throw new ApiError(403, PexipError.invalidRole);
  }
  return updateTarget(context, { is_muted: 'NO' });
}

function disconnectParticipant({
  state,
  conference,
  caller,
  target,
}: TargetContext): EndpointOutcome {
  const reason = caller === target ? PexipError.apiDisconnect : PexipError.disconnectedByOther;
  return answer(success(true), () =>
    state.dropParticipant(conference, target.participant.uuid, reason),
  );
}

/** Admits a participant from the waiting room into the conference. */
function unlockParticipant(context: TargetContext): EndpointOutcome {
  const waiting = context.target.participant.service_type === 'waiting_room';
  return updateTarget(context, waiting ? { service_type: context.conference.serviceType } : {});
}

/** DTMF tones: 0-9, *, # and A-D (RFC 4733 events 0-15), upper-cased. */
export function readDigits(body: JsonObject): string {
  const digits = requireString(body, 'digits');
  if (!/^[0-9*#A-Da-d]{1,64}$/.test(digits)) {
    throw new ApiError(400, 'Body field "digits" must be 1 to 64 of 0-9 * # A-D');
  }
  return digits.toUpperCase();
}

/** Digits are recorded per participant, in order (read them with `control.dtmfReceived`). */
function dtmfParticipant({ target, body }: TargetContext): EndpointOutcome {
  const digits = readDigits(body);
  return answer(success(true), () => target.dtmf.push(digits));
}

/** A camera-control request (`fecc`): `action` and a `movement` array. */
export function readFecc(body: JsonObject) {
  const action = requireOneOf(body, 'action', ['start', 'stop', 'continue'] as const);
  const movement = body['movement'];
  if (!Array.isArray(movement)) throw new ApiError(400, 'Body field "movement" must be an array');
  return { action, movement, timeout: body['timeout'] };
}

/** The target gets a `fecc` event with the request (camera control). */
function feccParticipant({ conference, target, body }: TargetContext): EndpointOutcome {
  const request = readFecc(body);
  return answer(success(true), () => conference.sendTo(target.participant.uuid, 'fecc', request));
}

/**
 * `transfer`: the target gets `refer {alias, token}` with a one-time token for the other
 * conference (role `host`/`guest`, lower case), then leaves this one. The `pin` is checked against
 * the other conference first ({@link roleForTransfer}): without the right PIN, "transfer failed".
 */
function transferParticipant({ state, conference, target, body }: TargetContext): EndpointOutcome {
  const alias = requireString(body, 'conference_alias');
  // `chair` is the participant vocabulary, not the transfer one; Pexip's own breakout-rooms
  // plugin sends it (expecting a host), so the node takes it as `host`.
  const role = requireOneOf(body, 'role', ['host', 'guest', 'chair'] as const);
  const pin = optionalString(body, 'pin');
  const destination = state.conference(alias);
  if (destination === undefined || state.pinFailures.isBlocked(destination.alias)) {
    throw new ApiError(403, PexipError.transferFailed);
  }
  const requested = role === 'guest' ? 'guest' : 'chair';
  const granted = roleForTransfer(state, destination, requested, pin);
  const token = randomBytes(24).toString('base64url');
  state.referTokens.set(token, {
    alias: destination.alias,
    role: granted,
    expiresAt: Date.now() + 60_000,
  });
  return answer(success(true), () => {
    conference.sendTo(target.participant.uuid, 'refer', { alias: destination.alias, token });
    state.dropParticipant(conference, target.participant.uuid, undefined);
  });
}

/** A private message: only the target gets it, with `direct: true`. */
function messageParticipant(context: TargetContext): EndpointOutcome {
  const message = readChat(context, true);
  return answer(success(true), () =>
    context.conference.sendTo(context.target.participant.uuid, 'message_received', message),
  );
}

/** No pictures in the mock: Pexip's 404 body for a participant without an avatar. */
function avatarJpgParticipant(): EndpointOutcome {
  throw new ApiError(404, 'No image available');
}

/** Presenting on the main call (webapp3 screenshare): `presentation_start`/`stop` to everyone. */
function takeFloor({ conference, target }: TargetContext): EndpointOutcome {
  return answer(success(null), () => {
    const previous = conference.presenterUuid;
    if (previous !== undefined && previous !== target.participant.uuid) {
      conference.updateParticipant(previous, (p) => {
        p.is_presenting = 'NO';
      });
    }
    conference.presenterUuid = target.participant.uuid;
    conference.updateParticipant(target.participant.uuid, (p) => {
      p.is_presenting = 'YES';
    });
    conference.broadcast('presentation_start', presentationStart(target));
  });
}

function releaseFloor({ conference, target }: TargetContext): EndpointOutcome {
  return answer(success(null), () => {
    if (conference.presenterUuid !== target.participant.uuid) return;
    conference.presenterUuid = undefined;
    conference.updateParticipant(target.participant.uuid, (p) => {
      p.is_presenting = 'NO';
    });
    conference.broadcast('presentation_stop', {});
  });
}

function preferredAspectRatio({ body }: TargetContext): EndpointOutcome {
  const ratio = body['aspect_ratio'];
  if (ratio !== undefined && (typeof ratio !== 'number' || !Number.isFinite(ratio))) {
    throw new ApiError(400, 'Body field "aspect_ratio" must be a number');
  }
  return answer(success(true));
}

export const participantHandlers = targetEndpoints('participant', [
  ['disconnectParticipant', 'POST disconnect', 'self-or-host', disconnectParticipant],
  ['muteParticipant', 'POST mute', 'self-or-host', setFields({ is_muted: 'YES' })],
  ['unmuteParticipant', 'POST unmute', 'self-or-host', unmuteParticipant],
  [
    'clientMuteParticipant',
    'POST client_mute',
    'self-or-host',
    setFields({ is_client_muted: true }),
  ],
  [
    'clientUnmuteParticipant',
    'POST client_unmute',
    'self-or-host',
    setFields({ is_client_muted: false }),
  ],
  ['videoMuteParticipant', 'POST video_muted', 'self-or-host', setFields({ is_video_muted: true })],
  [
    'videoUnmuteParticipant',
    'POST video_unmuted',
    'self-or-host',
    setFields({ is_video_muted: false }),
  ],
  [
    'allowrxpresentationParticipant',
    'POST allowrxpresentation',
    'host',
    setFields({ rx_presentation_policy: 'ALLOW' }),
  ],
  [
    'denyrxpresentationParticipant',
    'POST denyrxpresentation',
    'host',
    setFields({ rx_presentation_policy: 'DENY' }),
  ],
  [
    'spotlightonParticipant',
    'POST spotlighton',
    'host',
    (context) => updateTarget(context, { spotlight: unixSeconds() }),
  ],
  ['spotlightoffParticipant', 'POST spotlightoff', 'host', setFields({ spotlight: 0 })],
  ['unlockParticipant', 'POST unlock', 'host', unlockParticipant],
  ['dtmfParticipant', 'POST dtmf', 'self-or-host', dtmfParticipant],
  [
    'overlaytextParticipant',
    'POST overlaytext',
    'host',
    (context) => updateTarget(context, { overlay_text: requireString(context.body, 'text') }),
  ],
  [
    'presInMixParticipant',
    'POST pres_in_mix',
    'host',
    (context) =>
      updateTarget(context, { needs_presentation_in_mix: requireBoolean(context.body, 'state') }),
  ],
  /** `role` takes `chair`/`guest` (lower case); the next `refresh_token` reports HOST/GUEST. */
  [
    'roleParticipant',
    'POST role',
    'host',
    (context) =>
      updateTarget(context, { role: requireOneOf(context.body, 'role', ['chair', 'guest']) }),
  ],
  ['feccParticipant', 'POST fecc', 'member', feccParticipant],
  [
    'buzzParticipant',
    'POST buzz',
    'self-or-host',
    (context) => updateTarget(context, { buzz_time: unixSeconds() }),
  ],
  ['clearbuzzParticipant', 'POST clearbuzz', 'self-or-host', setFields({ buzz_time: 0 })],
  ['transferParticipant', 'POST transfer', 'host', transferParticipant],
  ['messageParticipant', 'POST message', 'member', messageParticipant],
  ['avatarJpgParticipant', 'GET avatar.jpg', 'member', avatarJpgParticipant],
  ['takeFloor', 'POST take_floor', 'self-or-host', takeFloor],
  ['releaseFloor', 'POST release_floor', 'self-or-host', releaseFloor],
  [
    'showLiveCaptions',
    'POST show_live_captions',
    'self-or-host',
    setFields({ show_live_captions: true }, null),
  ],
  [
    'hideLiveCaptions',
    'POST hide_live_captions',
    'self-or-host',
    setFields({ show_live_captions: false }, null),
  ],
  ['preferredAspectRatio', 'POST preferred_aspect_ratio', 'self-or-host', preferredAspectRatio],
  ['notifyNotAFK', 'POST notify_not_afk', 'self-or-host', () => answer(success(true))],
]);
