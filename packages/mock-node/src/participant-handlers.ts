import { randomBytes } from 'node:crypto';
import { ApiError, PexipError, success } from './api-response.js';
import { presentationStart, type ConferenceMember } from './conference.js';
import { readChatMessage } from './conference-handlers.js';
import {
  answer,
  type EndpointContext,
  type EndpointHandler,
  type EndpointAccess,
} from './endpoint-handler.js';
import type { NodeParticipant } from './node-participant.js';
import { unixSeconds } from './node-state.js';
import { optionalString, requireBoolean, requireOneOf, requireString } from './request-body.js';
import { mustHaveCaller, roleForTransfer } from './token-handlers.js';

function mustHaveTarget(context: EndpointContext): ConferenceMember {
  if (context.target === undefined) throw new ApiError(404, 'Participant not found');
  return context.target;
}

/**
 * A participant call that changes fields of the target and announces the full object with
 * `participant_update` to everyone (client-api.md, pitfall 6). `result` is `true` unless given.
 */
function participantChange(
  name: string,
  path: string,
  access: EndpointAccess,
  change: (participant: NodeParticipant, context: EndpointContext) => void,
  result: unknown = true,
): EndpointHandler {
  return {
    name,
    method: 'POST',
    scope: 'participant',
    path,
    access,
    handle: (context) => {
      const target = mustHaveTarget(context);
      return answer(success(result), () =>
        context.conference.updateParticipant(target.participant.uuid, (p) => change(p, context)),
      );
    },
  };
}

/** A guest may unmute itself only while the host allows it (`guests_can_unmute`). */
const unmuteParticipant: EndpointHandler = {
  ...participantChange('unmuteParticipant', 'unmute', 'self-or-host', (p) => {
    p.is_muted = 'NO';
  }),
  handle(context) {
    const caller = mustHaveCaller(context.caller);
    const target = mustHaveTarget(context);
    const { status } = context.conference;
    if (caller.participant.role === 'guest' && status.guests_muted && !status.guests_can_unmute) {
      throw new ApiError(403, PexipError.invalidRole);
    }
    return answer(success(true), () =>
      context.conference.updateParticipant(target.participant.uuid, (p) => {
        p.is_muted = 'NO';
      }),
    );
  },
};

const disconnectParticipant: EndpointHandler = {
  name: 'disconnectParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'disconnect',
  access: 'self-or-host',
  handle: (context) => {
    const caller = mustHaveCaller(context.caller);
    const target = mustHaveTarget(context);
    const reason = caller === target ? PexipError.apiDisconnect : PexipError.disconnectedByOther;
    return answer(success(true), () =>
      context.state.dropParticipant(context.conference, target.participant.uuid, reason),
    );
  },
};

/** Digits are recorded per participant, in order (read them with `control.dtmfReceived`). */
const dtmfParticipant: EndpointHandler = {
  name: 'dtmfParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'dtmf',
  access: 'self-or-host',
  handle: (context) => {
    const target = mustHaveTarget(context);
    const digits = requireString(context.body, 'digits');
    // DTMF tones: 0-9, *, # and A-D (RFC 4733 events 0-15).
    if (!/^[0-9*#A-Da-d]{1,64}$/.test(digits)) {
      throw new ApiError(400, 'Body field "digits" must be 1 to 64 of 0-9 * # A-D');
    }
    return answer(success(true), () => target.dtmf.push(digits.toUpperCase()));
  },
};

const overlaytextParticipant: EndpointHandler = {
  ...participantChange('overlaytextParticipant', 'overlaytext', 'host', () => {}),
  handle: (context) => {
    const target = mustHaveTarget(context);
    const text = requireString(context.body, 'text');
    return answer(success(true), () =>
      context.conference.updateParticipant(target.participant.uuid, (p) => {
        p.overlay_text = text;
      }),
    );
  },
};

const presInMixParticipant: EndpointHandler = {
  ...participantChange('presInMixParticipant', 'pres_in_mix', 'host', () => {}),
  handle: (context) => {
    const target = mustHaveTarget(context);
    const state = requireBoolean(context.body, 'state');
    return answer(success(true), () =>
      context.conference.updateParticipant(target.participant.uuid, (p) => {
        p.needs_presentation_in_mix = state;
      }),
    );
  },
};

/** `role` takes `chair`/`guest` (lower case); the next `refresh_token` reports HOST/GUEST. */
const roleParticipant: EndpointHandler = {
  ...participantChange('roleParticipant', 'role', 'host', () => {}),
  handle: (context) => {
    const target = mustHaveTarget(context);
    const role = requireOneOf(context.body, 'role', ['chair', 'guest'] as const);
    return answer(success(true), () =>
      context.conference.updateParticipant(target.participant.uuid, (p) => {
        p.role = role;
      }),
    );
  },
};

/** The target gets a `fecc` event with the request (camera control). */
const feccParticipant: EndpointHandler = {
  name: 'feccParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'fecc',
  access: 'member',
  handle: (context) => {
    const target = mustHaveTarget(context);
    const action = requireOneOf(context.body, 'action', ['start', 'stop', 'continue'] as const);
    const movement = context.body['movement'];
    if (!Array.isArray(movement)) throw new ApiError(400, 'Body field "movement" must be an array');
    const timeout = context.body['timeout'];
    return answer(success(true), () =>
      context.conference.sendTo(target.participant.uuid, 'fecc', { action, movement, timeout }),
    );
  },
};

/**
 * `transfer`: the target gets `refer {alias, token}` with a one-time token for the other
 * conference (role `host`/`guest`, lower case), then leaves this one. The `pin` is checked against
 * the other conference first ({@link roleForTransfer}): without the right PIN, "transfer failed".
 */
const transferParticipant: EndpointHandler = {
  name: 'transferParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'transfer',
  access: 'host',
  handle: (context) => {
    const target = mustHaveTarget(context);
    const alias = requireString(context.body, 'conference_alias');
    // `chair` is the participant vocabulary, not the transfer one; Pexip's own breakout-rooms
    // plugin sends it (expecting a host), so the node takes it as `host`.
    const role = requireOneOf(context.body, 'role', ['host', 'guest', 'chair'] as const);
    const pin = optionalString(context.body, 'pin');
    const destination = context.state.conference(alias);
    if (destination === undefined || context.state.pinFailures.isBlocked(destination.alias)) {
      throw new ApiError(403, PexipError.transferFailed);
    }
    const granted = roleForTransfer(
      context.state,
      destination,
      role === 'guest' ? 'guest' : 'chair',
      pin,
    );
    const token = randomBytes(24).toString('base64url');
    context.state.referTokens.set(token, {
      alias: destination.alias,
      role: granted,
      expiresAt: Date.now() + 60_000,
    });
    return answer(success(true), () => {
      context.conference.sendTo(target.participant.uuid, 'refer', {
        alias: destination.alias,
        token,
      });
      context.state.dropParticipant(context.conference, target.participant.uuid, undefined);
    });
  },
};

/** A private message: only the target gets it, with `direct: true`. */
const messageParticipant: EndpointHandler = {
  name: 'messageParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'message',
  access: 'member',
  handle: (context) => {
    const sender = mustHaveCaller(context.caller);
    const target = mustHaveTarget(context);
    const message = readChatMessage(context.body, context.state.options.chatMessageMaxBytes);
    if (!context.conference.chatEnabled) {
      throw new ApiError(403, 'Chat is disabled for this conference');
    }
    return answer(success(true), () =>
      context.conference.sendTo(target.participant.uuid, 'message_received', {
        origin: sender.participant.display_name,
        ...message,
        uuid: sender.participant.uuid,
        direct: true,
      }),
    );
  },
};

/** No pictures in the mock: Pexip's 404 body for a participant without an avatar. */
const avatarJpgParticipant: EndpointHandler = {
  name: 'avatarJpgParticipant',
  method: 'GET',
  scope: 'participant',
  path: 'avatar.jpg',
  access: 'member',
  handle: (context) => {
    mustHaveTarget(context);
    throw new ApiError(404, 'No image available');
  },
};

/** Presenting on the main call (webapp3 screenshare): `presentation_start`/`stop` to everyone. */
const takeFloor: EndpointHandler = {
  name: 'takeFloor',
  method: 'POST',
  scope: 'participant',
  path: 'take_floor',
  access: 'self-or-host',
  handle: (context) => {
    const target = mustHaveTarget(context);
    const { conference } = context;
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
  },
};

const releaseFloor: EndpointHandler = {
  name: 'releaseFloor',
  method: 'POST',
  scope: 'participant',
  path: 'release_floor',
  access: 'self-or-host',
  handle: (context) => {
    const target = mustHaveTarget(context);
    const { conference } = context;
    return answer(success(null), () => {
      if (conference.presenterUuid !== target.participant.uuid) return;
      conference.presenterUuid = undefined;
      conference.updateParticipant(target.participant.uuid, (p) => {
        p.is_presenting = 'NO';
      });
      conference.broadcast('presentation_stop', {});
    });
  },
};

const preferredAspectRatio: EndpointHandler = {
  name: 'preferredAspectRatio',
  method: 'POST',
  scope: 'participant',
  path: 'preferred_aspect_ratio',
  access: 'self-or-host',
  handle: (context) => {
    mustHaveTarget(context);
    const ratio = context.body['aspect_ratio'];
    if (ratio !== undefined && (typeof ratio !== 'number' || !Number.isFinite(ratio))) {
      throw new ApiError(400, 'Body field "aspect_ratio" must be a number');
    }
    return answer(success(true));
  },
};

const notifyNotAFK: EndpointHandler = {
  name: 'notifyNotAFK',
  method: 'POST',
  scope: 'participant',
  path: 'notify_not_afk',
  access: 'self-or-host',
  handle: (context) => {
    mustHaveTarget(context);
    return answer(success(true));
  },
};

export const participantHandlers: readonly EndpointHandler[] = [
  disconnectParticipant,
  participantChange('muteParticipant', 'mute', 'self-or-host', (p) => {
    p.is_muted = 'YES';
  }),
  unmuteParticipant,
  participantChange('clientMuteParticipant', 'client_mute', 'self-or-host', (p) => {
    p.is_client_muted = true;
  }),
  participantChange('clientUnmuteParticipant', 'client_unmute', 'self-or-host', (p) => {
    p.is_client_muted = false;
  }),
  participantChange('videoMuteParticipant', 'video_muted', 'self-or-host', (p) => {
    p.is_video_muted = true;
  }),
  participantChange('videoUnmuteParticipant', 'video_unmuted', 'self-or-host', (p) => {
    p.is_video_muted = false;
  }),
  participantChange('allowrxpresentationParticipant', 'allowrxpresentation', 'host', (p) => {
    p.rx_presentation_policy = 'ALLOW';
  }),
  participantChange('denyrxpresentationParticipant', 'denyrxpresentation', 'host', (p) => {
    p.rx_presentation_policy = 'DENY';
  }),
  participantChange('spotlightonParticipant', 'spotlighton', 'host', (p) => {
    p.spotlight = unixSeconds();
  }),
  participantChange('spotlightoffParticipant', 'spotlightoff', 'host', (p) => {
    p.spotlight = 0;
  }),
  /** Admits a participant from the waiting room into the conference. */
  participantChange('unlockParticipant', 'unlock', 'host', (p, context) => {
    if (p.service_type === 'waiting_room') p.service_type = context.conference.serviceType;
  }),
  dtmfParticipant,
  overlaytextParticipant,
  presInMixParticipant,
  roleParticipant,
  feccParticipant,
  participantChange('buzzParticipant', 'buzz', 'self-or-host', (p) => {
    p.buzz_time = unixSeconds();
  }),
  participantChange('clearbuzzParticipant', 'clearbuzz', 'self-or-host', (p) => {
    p.buzz_time = 0;
  }),
  transferParticipant,
  messageParticipant,
  avatarJpgParticipant,
  takeFloor,
  releaseFloor,
  participantChange(
    'showLiveCaptions',
    'show_live_captions',
    'self-or-host',
    (p) => {
      p.show_live_captions = true;
    },
    null,
  ),
  participantChange(
    'hideLiveCaptions',
    'hide_live_captions',
    'self-or-host',
    (p) => {
      p.show_live_captions = false;
    },
    null,
  ),
  preferredAspectRatio,
  notifyNotAFK,
];
