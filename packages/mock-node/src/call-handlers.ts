import { randomUUID } from 'node:crypto';
import { ApiError, success } from './api-response.js';
import type { CallMedia } from './call-media.js';
import type { ActiveCall, ConferenceMember } from './conference.js';
import { answer, type EndpointContext, type EndpointHandler } from './endpoint-handler.js';
import { optionalString, requireOneOf, requireString } from './request-body.js';

/**
 * WebRTC calls (client-api-detail §6): `calls` answers the browser's offer through the media
 * peer, `ack` starts media (the participant becomes `webrtc` with `has_media`), `new_candidate`
 * trickles, `update` renegotiates, `disconnect` ends the call (the participant is API-only again).
 */
function owner(context: EndpointContext): ConferenceMember {
  if (context.target === undefined) throw new ApiError(404, 'Participant not found');
  return context.target;
}

function callOf(context: EndpointContext): ActiveCall {
  const call =
    context.callUuid === undefined ? undefined : owner(context).calls.get(context.callUuid);
  if (call === undefined) throw new ApiError(404, 'Call not found');
  return call;
}

async function answerOffer(media: CallMedia, offer: string): Promise<string> {
  try {
    return await media.answer(offer);
  } catch (error) {
    throw new ApiError(
      400,
      `Cannot answer this offer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The participant is API-only again once its last call has ended. */
function markApiOnlyIfNoCalls(context: EndpointContext, member: ConferenceMember): void {
  if (member.calls.size > 0) return;
  context.conference.updateParticipant(member.participant.uuid, (p) => {
    p.protocol = 'api';
    p.has_media = false;
    p.is_video_call = 'NO';
  });
}

/**
 * A call whose media failed (ICE or DTLS): the node ends it with `call_disconnected
 * {call_uuid, reason}` on the participant's event stream (client-api-detail §4), so the client
 * drops the call's media and stays in the conference control-only.
 */
async function endFailedCall(
  context: EndpointContext,
  member: ConferenceMember,
  callUuid: string,
): Promise<void> {
  const call = member.calls.get(callUuid);
  if (call === undefined) return;
  member.calls.delete(callUuid);
  await call.media.close();
  context.conference.sendTo(member.participant.uuid, 'call_disconnected', {
    call_uuid: callUuid,
    reason: 'Media connection failed',
  });
  markApiOnlyIfNoCalls(context, member);
}

const callsWebrtcParticipant: EndpointHandler = {
  name: 'callsWebrtcParticipant',
  method: 'POST',
  scope: 'participant',
  path: 'calls',
  access: 'self',
  handle: async (context) => {
    const member = owner(context);
    requireOneOf(context.body, 'call_type', ['WEBRTC'] as const);
    const offer = requireString(context.body, 'sdp');
    const mediaType = optionalString(context.body, 'media_type');
    const create = context.state.options.createCallMedia;
    if (create === undefined) {
      throw new ApiError(
        400,
        'This mock node has no media: start it with createCallMedia (@ipk/mock-media)',
      );
    }
    const media = create();
    const sdp = await answerOffer(media, offer).catch(async (error: unknown) => {
      await media.close();
      throw error;
    });
    if (context.conference.member(member.participant.uuid) === undefined) {
      await media.close();
      throw new ApiError(403, 'Participant left during call setup');
    }
    const callUuid = randomUUID();
    member.calls.set(callUuid, { media, audioOnly: mediaType === 'audio' });
    media.onStateChange?.((state) => {
      if (state === 'failed') void endFailedCall(context, member, callUuid);
    });
    return answer(success({ call_uuid: callUuid, sdp }));
  },
};

const ack: EndpointHandler = {
  name: 'ack',
  method: 'POST',
  scope: 'call',
  path: 'ack',
  access: 'self',
  handle: (context) => {
    const call = callOf(context);
    const member = owner(context);
    return answer(success(true), () =>
      context.conference.updateParticipant(member.participant.uuid, (p) => {
        p.protocol = 'webrtc';
        p.has_media = true;
        p.is_audio_only_call = call.audioOnly ? 'YES' : 'NO';
        p.is_video_call = call.audioOnly ? 'NO' : 'YES';
      }),
    );
  },
};

const newCandidate: EndpointHandler = {
  name: 'newCandidate',
  method: 'POST',
  scope: 'call',
  path: 'new_candidate',
  access: 'self',
  handle: async (context) => {
    const call = callOf(context);
    const candidate = requireString(context.body, 'candidate');
    const mid = requireString(context.body, 'mid');
    try {
      await call.media.addRemoteCandidate({ candidate, mid });
    } catch (error) {
      throw new ApiError(
        400,
        `Bad candidate: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return answer(success(null));
  },
};

const update: EndpointHandler = {
  name: 'update',
  method: 'POST',
  scope: 'call',
  path: 'update',
  access: 'self',
  handle: async (context) => {
    const call = callOf(context);
    const offer = requireString(context.body, 'sdp');
    const sdp = await answerOffer(call.media, offer);
    return answer(success({ call_uuid: context.callUuid, sdp }));
  },
};

const disconnectCall: EndpointHandler = {
  name: 'disconnectCall',
  method: 'POST',
  scope: 'call',
  path: 'disconnect',
  access: 'self',
  handle: async (context) => {
    const call = callOf(context);
    const member = owner(context);
    member.calls.delete(context.callUuid ?? '');
    await call.media.close();
    return answer(success(null), () => markApiOnlyIfNoCalls(context, member));
  },
};

/** DTMF on a call is recorded for its participant, like `participants/<uuid>/dtmf`. */
const dtmf: EndpointHandler = {
  name: 'dtmf',
  method: 'POST',
  scope: 'call',
  path: 'dtmf',
  access: 'self',
  handle: (context) => {
    callOf(context);
    const digits = requireString(context.body, 'digits');
    if (!/^[0-9*#A-Da-d]{1,64}$/.test(digits)) {
      throw new ApiError(400, 'Body field "digits" must be 1 to 64 of 0-9 * # A-D');
    }
    const member = owner(context);
    return answer(success(true), () => member.dtmf.push(digits.toUpperCase()));
  },
};

const fecc: EndpointHandler = {
  name: 'fecc',
  method: 'POST',
  scope: 'call',
  path: 'fecc',
  access: 'self',
  handle: (context) => {
    callOf(context);
    requireOneOf(context.body, 'action', ['start', 'stop', 'continue'] as const);
    if (!Array.isArray(context.body['movement'])) {
      throw new ApiError(400, 'Body field "movement" must be an array');
    }
    return answer(success(true));
  },
};

/** Call statistics are accepted and dropped: the mock has no analytics. */
const statistics: EndpointHandler = {
  name: 'statistics',
  method: 'POST',
  scope: 'call',
  path: 'statistics',
  access: 'self',
  handle: (context) => {
    callOf(context);
    return answer(success(null));
  },
};

export const callHandlers: readonly EndpointHandler[] = [
  callsWebrtcParticipant,
  ack,
  disconnectCall,
  dtmf,
  fecc,
  newCandidate,
  update,
  statistics,
];
