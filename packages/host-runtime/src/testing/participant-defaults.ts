import type { ConferenceDetails, Participant } from '../seed-types.js';

/** A plausible participant: a guest on WebRTC video; `overrides` win. */
export function participantWithDefaults(
  overrides: Partial<Participant>,
  index: number,
): Participant {
  return Object.freeze({
    uuid: `participant-${index + 1}`,
    name: `Participant ${index + 1}`,
    role: 'guest',
    uri: '',
    startTime: 1_700_000_000 + index,
    protocol: 'webrtc',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: false,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: -1,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...overrides,
  });
}

export function conferenceWithDefaults(overrides: Partial<ConferenceDetails>): ConferenceDetails {
  return Object.freeze({
    locked: false,
    guestsMuted: false,
    chatEnabled: true,
    mediaType: 'video',
    started: true,
    ...overrides,
  });
}
