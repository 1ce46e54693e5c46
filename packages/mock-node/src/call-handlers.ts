import { randomUUID } from 'node:crypto';
import { ApiError, success } from './api-response.js';
import type { CallMedia } from './call-media.js';
import type { ActiveCall, ConferenceMember } from './conference.js';
import {
  answer,
  endpoints,
  mustHaveTarget,
  type EndpointContext,
  type EndpointOutcome,
} from './endpoint-handler.js';
import { readDigits, readFecc } from './participant-handlers.js';
import { optionalString, requireOneOf, requireString } from './request-body.js';

/**
 * WebRTC calls (client-api-detail §6): `calls` answers the browser's offer through the media
 * peer, `ack` starts media (the participant becomes `webrtc` with `has_media`), `new_candidate`
 * trickles, `update` renegotiates, `disconnect` ends the call (the participant is API-only again).
 */
function callOf(context: EndpointContext): ActiveCall {
  const call =
    context.callUuid === undefined
      ? undefined
      : mustHaveTarget(context).calls.get(context.callUuid);
  if (call === undefined) throw new ApiError(404, 'Call not found');
  return call;
}

/** Runs a media step; its failure is the client's fault: a 400 that starts with `label`. */
async function mediaStep<T>(label: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new ApiError(400, `${label}: ${error instanceof Error ? error.message : String(error)}`);
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

async function callsWebrtcParticipant(context: EndpointContext): Promise<EndpointOutcome> {
  const member = mustHaveTarget(context);
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
}

function answerOffer(media: CallMedia, offer: string): Promise<string> {
  return mediaStep('Cannot answer this offer', () => media.answer(offer));
}

function ack(context: EndpointContext): EndpointOutcome {
  const call = callOf(context);
  const member = mustHaveTarget(context);
  return answer(success(true), () =>
    context.conference.updateParticipant(member.participant.uuid, (p) => {
      p.protocol = 'webrtc';
      p.has_media = true;
      p.is_audio_only_call = call.audioOnly ? 'YES' : 'NO';
      p.is_video_call = call.audioOnly ? 'NO' : 'YES';
    }),
  );
}

async function newCandidate(context: EndpointContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  const candidate = requireString(context.body, 'candidate');
  const mid = requireString(context.body, 'mid');
  await mediaStep('Bad candidate', () => call.media.addRemoteCandidate({ candidate, mid }));
  return answer(success(null));
}

async function update(context: EndpointContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  const sdp = await answerOffer(call.media, requireString(context.body, 'sdp'));
  return answer(success({ call_uuid: context.callUuid, sdp }));
}

async function disconnectCall(context: EndpointContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  const member = mustHaveTarget(context);
  member.calls.delete(context.callUuid ?? '');
  await call.media.close();
  return answer(success(null), () => markApiOnlyIfNoCalls(context, member));
}

/** DTMF on a call is recorded for its participant, like `participants/<uuid>/dtmf`. */
function dtmf(context: EndpointContext): EndpointOutcome {
  callOf(context);
  const digits = readDigits(context.body);
  const member = mustHaveTarget(context);
  return answer(success(true), () => member.dtmf.push(digits));
}

function fecc(context: EndpointContext): EndpointOutcome {
  callOf(context);
  readFecc(context.body);
  return answer(success(true));
}

/** Call statistics are accepted and dropped: the mock has no analytics. */
function statistics(context: EndpointContext): EndpointOutcome {
  callOf(context);
  return answer(success(null));
}

export const callHandlers = [
  ...endpoints('participant', [
    ['callsWebrtcParticipant', 'POST calls', 'self', callsWebrtcParticipant],
  ]),
  ...endpoints('call', [
    ['ack', 'POST ack', 'self', ack],
    ['disconnectCall', 'POST disconnect', 'self', disconnectCall],
    ['dtmf', 'POST dtmf', 'self', dtmf],
    ['fecc', 'POST fecc', 'self', fecc],
    ['newCandidate', 'POST new_candidate', 'self', newCandidate],
    ['update', 'POST update', 'self', update],
    ['statistics', 'POST statistics', 'self', statistics],
  ]),
];
