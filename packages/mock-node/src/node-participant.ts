import { randomUUID } from 'node:crypto';

type YesNo = 'YES' | 'NO';

/**
 * A participant exactly as a Conferencing Node sends it in `GET participants` and in
 * `participant_create`/`participant_update` events (schema `Participant` of
 * `@pexip/infinity-api` v20, `conference/types.d.ts`; every field its validator requires is here).
 */
export interface NodeParticipant {
  uuid: string;
  display_name: string;
  overlay_text: string;
  role: 'chair' | 'guest';
  service_type: 'connecting' | 'waiting_room' | 'conference' | 'lecture';
  protocol: 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip' | '';
  call_direction: 'in' | 'out';
  local_alias: string;
  uri: string;
  vendor: string;
  start_time: number;
  spotlight: number;
  buzz_time: number;
  is_muted: YesNo;
  is_client_muted: boolean;
  is_video_muted: boolean;
  is_video_silent: boolean;
  is_presenting: YesNo;
  is_audio_only_call: YesNo;
  is_video_call: YesNo;
  has_media: boolean;
  is_streaming_conference: boolean;
  is_external: boolean;
  external_node_uuid: string;
  encryption: 'On' | 'Off';
  mute_supported: YesNo;
  disconnect_supported: YesNo;
  transfer_supported: YesNo;
  fecc_supported: YesNo;
  presentation_supported: YesNo;
  rx_presentation_policy: 'ALLOW' | 'DENY';
  supports_direct_chat: boolean;
  can_receive_personal_mix: boolean;
  receive_from_video_mix: { mix_name: string; timestamp: number };
  api_url: string;
  call_tag: string;
  is_conjoined: boolean;
  is_idp_authenticated: boolean;
  is_transferring: boolean;
  is_main_video_dropped_out: boolean;
  needs_presentation_in_mix: boolean;
  /** Not in Pexip's schema but sent by real nodes (Android SDK fixtures). */
  show_live_captions: boolean;
}

export interface NewParticipant {
  displayName: string;
  role: NodeParticipant['role'];
  alias: string;
  serviceType: NodeParticipant['service_type'];
  protocol: NodeParticipant['protocol'];
  callDirection?: 'in' | 'out';
  uri?: string;
  streaming?: boolean;
  overlayText?: string;
}

/** Unix seconds with a fraction, like `start_time` and `spotlight` on a real node. */
export function unixSeconds(): number {
  return Date.now() / 1000;
}

/** Builds a participant the way a node presents a newcomer: media follows the protocol. */
export function createNodeParticipant(init: NewParticipant): NodeParticipant {
  const uuid = randomUUID();
  // A token holder without a call is `protocol: "api"`, `has_media: false` (Android fixtures).
  const hasMedia = init.protocol !== 'api' && init.serviceType !== 'connecting';
  const isVideo = init.protocol !== 'api';
  return {
    uuid,
    display_name: init.displayName,
    overlay_text: init.overlayText ?? init.displayName,
    role: init.role,
    service_type: init.serviceType,
    protocol: init.protocol,
    call_direction: init.callDirection ?? 'in',
    local_alias: init.alias,
    uri: init.uri ?? '',
    vendor: init.protocol === 'sip' ? 'Pexip Mock SIP Endpoint' : 'Pexip Mock',
    start_time: unixSeconds(),
    spotlight: 0,
    buzz_time: 0,
    is_muted: 'NO',
    is_client_muted: false,
    is_video_muted: false,
    is_video_silent: false,
    is_presenting: 'NO',
    is_audio_only_call: 'NO',
    is_video_call: isVideo ? 'YES' : 'NO',
    has_media: hasMedia,
    is_streaming_conference: init.streaming ?? false,
    is_external: false,
    external_node_uuid: '',
    encryption: 'On',
    mute_supported: 'YES',
    disconnect_supported: 'YES',
    transfer_supported: 'YES',
    fecc_supported: 'NO',
    presentation_supported: 'YES',
    rx_presentation_policy: 'ALLOW',
    supports_direct_chat: true,
    can_receive_personal_mix: false,
    receive_from_video_mix: { mix_name: 'main', timestamp: 0 },
    api_url: `/api/client/v2/conferences/${encodeURIComponent(init.alias)}/participants/${uuid}`,
    call_tag: '',
    is_conjoined: false,
    is_idp_authenticated: false,
    is_transferring: false,
    is_main_video_dropped_out: false,
    needs_presentation_in_mix: false,
    show_live_captions: false,
  };
}
