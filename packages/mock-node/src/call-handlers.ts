import { randomUUID } from 'node:crypto';
import { ApiError, success } from './api-response.js';
import type { CallMedia } from './call-media.js';
import type { ActiveCall } from './conference.js';
import {
  answer,
  targetEndpoints,
  type EndpointOutcome,
  type TargetContext,
} from './endpoint-handler.js';
import { readDigits, readFecc } from './participant-handlers.js';
import { optionalString, requireOneOf, requireString } from './request-body.js';

/**
 * WebRTC calls (client-api-detail §6): `calls` answers the browser's offer through the media
 * peer, `ack` starts media (the participant becomes `webrtc` with `has_media`), `new_candidate`
 * trickles, `update` renegotiates, `disconnect` ends the call (the participant is API-only again).
 */
function callOf({ target, callUuid }: TargetContext): ActiveCall {
  const call = callUuid === undefined ? undefined : target.calls.get(callUuid);
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
function markApiOnlyIfNoCalls({ conference, target }: TargetContext): void {
  if (target.calls.size > 0) return;
  conference.updateParticipant(target.participant.uuid, (p) => {
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
async function endFailedCall(context: TargetContext, callUuid: string): Promise<void> {
  const { conference, target } = context;
  const call = target.calls.get(callUuid);
  if (call === undefined) return;
  target.calls.delete(callUuid);
  await call.media.close();
  conference.sendTo(target.participant.uuid, 'call_disconnected', {
    call_uuid: callUuid,
    reason: 'Media connection failed',
  });
  markApiOnlyIfNoCalls(context);
}

async function callsWebrtcParticipant(context: TargetContext): Promise<EndpointOutcome> {
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
  if (context.conference.member(context.target.participant.uuid) === undefined) {
    await media.close();
    throw new ApiError(403, 'Participant left during call setup');
  }
  const callUuid = randomUUID();
  context.target.calls.set(callUuid, { media, audioOnly: mediaType === 'audio' });
  media.onStateChange?.((state) => {
    if (state === 'failed') void endFailedCall(context, callUuid);
  });
  return answer(success({ call_uuid: callUuid, sdp }));
}

function answerOffer(media: CallMedia, offer: string): Promise<string> {
  return mediaStep('Cannot answer this offer', () => media.answer(offer));
}

function ack(context: TargetContext): EndpointOutcome {
  const call = callOf(context);
  return answer(success(true), () =>
    context.conference.updateParticipant(context.target.participant.uuid, (p) => {
      p.protocol = 'webrtc';
      p.has_media = true;
      p.is_audio_only_call = call.audioOnly ? 'YES' : 'NO';
      p.is_video_call = call.audioOnly ? 'NO' : 'YES';
    }),
  );
}

async function newCandidate(context: TargetContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  const candidate = requireString(context.body, 'candidate');
  const mid = requireString(context.body, 'mid');
  await mediaStep('Bad candidate', () => call.media.addRemoteCandidate({ candidate, mid }));
  return answer(success(null));
}

async function update(context: TargetContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  const sdp = await answerOffer(call.media, requireString(context.body, 'sdp'));
  return answer(success({ call_uuid: context.callUuid, sdp }));
}

async function disconnectCall(context: TargetContext): Promise<EndpointOutcome> {
  const call = callOf(context);
  context.target.calls.delete(context.callUuid ?? '');
  await call.media.close();
  return answer(success(null), () => markApiOnlyIfNoCalls(context));
}

/** DTMF on a call is recorded for its participant, like `participants/<uuid>/dtmf`. */
function dtmf(context: TargetContext): EndpointOutcome {
  callOf(context);
  const digits = readDigits(context.body);
  return answer(success(true), () => context.target.dtmf.push(digits));
}

function fecc(context: TargetContext): EndpointOutcome {
  callOf(context);
  readFecc(context.body);
  return answer(success(true));
}

/** Call statistics are accepted and dropped: the mock has no analytics. */
function statistics(context: TargetContext): EndpointOutcome {
  callOf(context);
  return answer(success(null));
}

export const callHandlers = [
  ...targetEndpoints('participant', [
    ['callsWebrtcParticipant', 'POST calls', 'self', callsWebrtcParticipant],
  ]),
  ...targetEndpoints('call', [
    ['ack', 'POST ack', 'self', ack],
    ['disconnectCall', 'POST disconnect', 'self', disconnectCall],
    ['dtmf', 'POST dtmf', 'self', dtmf],
    ['fecc', 'POST fecc', 'self', fecc],
    ['newCandidate', 'POST new_candidate', 'self', newCandidate],
    ['update', 'POST update', 'self', update],
    ['statistics', 'POST statistics', 'self', statistics],
  ]),
];
