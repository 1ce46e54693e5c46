import type { NodeParticipant, NodeStageEntry } from '../node-session.js';
import { participantFromNode } from '../participant-from-node.js';
import type { ConferenceDetails, Participant } from '../seed-types.js';

/**
 * The one place test data for participants is written: a node participant object (as the node
 * sends it, client-api-detail.md §3.1) with plausible values — a guest on WebRTC video — and
 * `overrides` winning. Everything else derives from it through the host's own mapping
 * (`participantFromNode`), so a plugin test sees the participant objects the real host shows.
 */
export function nodeParticipant(
  uuid: string,
  overrides: Readonly<Record<string, unknown>> = {},
): NodeParticipant {
  return {
    uuid,
    display_name: uuid,
    overlay_text: uuid,
    role: 'guest',
    service_type: 'conference',
    protocol: 'webrtc',
    call_direction: 'in',
    uri: '',
    start_time: 1_700_000_000.5,
    spotlight: 0,
    buzz_time: 0,
    is_muted: 'NO',
    is_client_muted: false,
    is_video_muted: false,
    is_presenting: 'NO',
    is_audio_only_call: 'NO',
    is_video_call: 'YES',
    has_media: true,
    is_streaming_conference: false,
    is_external: false,
    mute_supported: 'YES',
    disconnect_supported: 'YES',
    transfer_supported: 'YES',
    fecc_supported: 'NO',
    rx_presentation_policy: 'ALLOW',
    ...overrides,
  };
}

function yesNo(value: boolean): 'YES' | 'NO' {
  return value ? 'YES' : 'NO';
}

/** The node fields that make a plugin-view field (README "Property mapping", read backwards). */
function nodeFieldsOf(partial: Partial<Participant>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const set = <K extends keyof Participant>(key: K, write: (value: Participant[K]) => void) => {
    const value = partial[key];
    if (value !== undefined) write(value as Participant[K]);
  };
  set('name', (name) => {
    fields['display_name'] = name;
    fields['overlay_text'] = name;
  });
  set('role', (role) => (fields['role'] = role));
  set('uri', (uri) => (fields['uri'] = uri));
  set('startTime', (time) => (fields['start_time'] = time));
  set('protocol', (protocol) => {
    fields['protocol'] = protocol;
    if (protocol === 'api') Object.assign(fields, { has_media: false, is_video_call: 'NO' });
  });
  set('isExternal', (external) => (fields['is_external'] = external));
  set('presenting', (presenting) => (fields['is_presenting'] = yesNo(presenting)));
  set('muted', (muted) => (fields['is_muted'] = yesNo(muted)));
  set('canDisconnect', (can) => (fields['disconnect_supported'] = yesNo(can)));
  set('canTransfer', (can) => (fields['transfer_supported'] = yesNo(can)));
  set('canMute', (can) => (fields['mute_supported'] = yesNo(can)));
  set('serviceType', (type) => (fields['service_type'] = type));
  set('callType', (type) => {
    fields['is_audio_only_call'] = yesNo(type === 'audio');
    fields['is_video_call'] = yesNo(type === 'video');
  });
  set('spotlight', (time) => (fields['spotlight'] = time));
  set('isStreaming', (streaming) => (fields['is_streaming_conference'] = streaming));
  set(
    'rxPresentation',
    (allowed) => (fields['rx_presentation_policy'] = allowed ? 'ALLOW' : 'DENY'),
  );
  set('feccSupported', (supported) => (fields['fecc_supported'] = yesNo(supported)));
  set('buzzTime', (time) => (fields['buzz_time'] = time));
  set('isVideoMuted', (muted) => (fields['is_video_muted'] = muted));
  return fields;
}

/** A participant as the node would send it, plus its place on the stage (`vad`, `stageIndex`). */
export interface NodeParticipantData {
  readonly node: NodeParticipant;
  /** Present when the participant is on the stage (`stageIndex` ≥ 0). */
  readonly stage?: NodeStageEntry;
}

/**
 * The node data that makes this plugin-view participant: `participant-<n>` / `Participant <n>`
 * unless given. `canControl` is not a node field: it follows `role` and `serviceType`, as on a
 * real node (a chair in a VMR or Virtual Auditorium).
 */
export function nodeParticipantFor(
  partial: Partial<Participant>,
  index: number,
): NodeParticipantData {
  const uuid = partial.uuid ?? `participant-${index + 1}`;
  const node = nodeParticipant(uuid, {
    display_name: `Participant ${index + 1}`,
    overlay_text: `Participant ${index + 1}`,
    start_time: 1_700_000_000 + index,
    ...nodeFieldsOf(partial),
  });
  const stageIndex = partial.stageIndex ?? -1;
  return stageIndex >= 0 ? { node, stage: { uuid, stageIndex, vad: partial.vad ?? 0 } } : { node };
}

/**
 * A plausible plugin-view participant (a guest on WebRTC video; `overrides` win), made the way the
 * host makes it: from node data through `participantFromNode`.
 */
export function participantWithDefaults(
  overrides: Partial<Participant> = {},
  index = 0,
): Participant {
  const { node, stage } = nodeParticipantFor(overrides, index);
  return participantFromNode(node, stage ?? undefined);
}

/** A plausible conference: started, chat on, video; `overrides` win. */
export function conferenceWithDefaults(
  overrides: Partial<ConferenceDetails> = {},
): ConferenceDetails {
  return Object.freeze({
    locked: false,
    guestsMuted: false,
    chatEnabled: true,
    mediaType: 'video',
    started: true,
    ...overrides,
  });
}
