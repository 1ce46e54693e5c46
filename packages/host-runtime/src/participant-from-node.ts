import type { NodeConferenceStatus, NodeParticipant } from './node-session.js';
import type { ConferenceDetails, Participant } from './seed-types.js';

/*
 * The node → plugin property mapping (README, "Property mapping"). Pexip never published
 * webapp2's own mapping; this follows PexRTC's `t2b()` ("YES"/"ALLOW" → true) and
 * `@pexip/infinity`'s `normalizeParticipant` (callType, canControl), as collected in
 * shared/reference/client-api-detail.md §8. Every value is coerced to the type the seed
 * documents, so a node sending garbage cannot hand a plugin an object where it expects text.
 */

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A plain object (not null, not an array): a JSON object the node or a plugin sent. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PROTOCOLS: readonly Participant['protocol'][] = [
  'api',
  'webrtc',
  'sip',
  'rtmp',
  'h323',
  'mssip',
];
const SERVICE_TYPES: readonly Participant['serviceType'][] = [
  'connecting',
  'waiting_room',
  'ivr',
  'conference',
  'lecture',
  'gateway',
  'test_call',
];

/** A value of a closed vocabulary, or the fallback when the node sends something else. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function yes(value: unknown): boolean {
  return value === 'YES' || value === 'ALLOW' || value === true;
}

/** `is_audio_only_call`/`is_video_call` → `audio` | `video` | `api` (`normalizeParticipant`). */
function callTypeOf(node: NodeParticipant): 'audio' | 'video' | 'api' {
  if (yes(node['is_audio_only_call'])) return 'audio';
  if (yes(node['is_video_call'])) return 'video';
  return 'api';
}

/** Display name, else the URI without `sip:` (pexapp `displayName`, webapp3 `displayName`). */
function nameOf(node: NodeParticipant): string {
  const displayName = text(node['display_name']);
  return displayName !== '' ? displayName : text(node['uri']).replace(/^sip:/, '');
}

export interface StagePosition {
  readonly stageIndex: number;
  readonly vad: number;
}

/** Not on the stage: the seed documents no value; -1 keeps the property a number. */
export const OFF_STAGE: StagePosition = { stageIndex: -1, vad: 0 };

export function participantFromNode(
  node: NodeParticipant,
  stage: StagePosition = OFF_STAGE,
): Participant {
  const role = node['role'] === 'chair' ? 'chair' : 'guest';
  const serviceType = oneOf(node['service_type'], SERVICE_TYPES, 'conference');
  return Object.freeze({
    uuid: text(node.uuid),
    name: nameOf(node),
    role,
    uri: text(node['uri']),
    startTime: num(node['start_time']),
    protocol: oneOf(node['protocol'], PROTOCOLS, 'api'),
    isExternal: node['is_external'] === true,
    presenting: yes(node['is_presenting']),
    muted: yes(node['is_muted']),
    canControl: role === 'chair' && (serviceType === 'conference' || serviceType === 'lecture'),
    canDisconnect: yes(node['disconnect_supported']),
    canTransfer: yes(node['transfer_supported']),
    canMute: yes(node['mute_supported']),
    serviceType,
    callType: callTypeOf(node),
    spotlight: num(node['spotlight']),
    isStreaming: node['is_streaming_conference'] === true,
    vad: stage.vad,
    stageIndex: stage.stageIndex,
    rxPresentation: yes(node['rx_presentation_policy']),
    feccSupported: yes(node['fecc_supported']),
    buzzTime: num(node['buzz_time']),
    isVideoMuted: node['is_video_muted'] === true,
  });
}

/** What the `request_token` result contributes to the conference details. */
export interface TokenFacts {
  readonly chatEnabled: boolean;
  /** `request_token` `call_type`: `video`, `video-only` or `audio`. */
  readonly callType: string;
}

/** `call_type` → seed `mediaType` (`video` | `audioonly` | `none`). */
function mediaTypeOf(callType: string): ConferenceDetails['mediaType'] {
  if (callType === 'audio') return 'audioonly';
  if (callType === 'video' || callType === 'video-only') return 'video';
  return 'none';
}

export function conferenceFromNode(
  status: NodeConferenceStatus,
  token: TokenFacts,
): ConferenceDetails {
  return Object.freeze({
    locked: status['locked'] === true,
    guestsMuted: status['guests_muted'] === true,
    chatEnabled: token.chatEnabled,
    mediaType: mediaTypeOf(token.callType),
    started: status['started'] === true,
  });
}
