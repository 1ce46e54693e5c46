import type {
  ConferenceDetails as ApiConferenceDetails,
  Participant as ApiParticipant,
} from '@ipk/plugin-api';

/*
 * The plugin-facing data shapes of the seed ("Participant and conference properties" in Pexip's
 * client plugin API guide), from `@ipk/plugin-api`, made read-only: the host hands plugins
 * frozen snapshots.
 */
export type { MenuPlacement, ParticipantRole, Platform } from '@ipk/plugin-api';

/** One roster entry as plugins receive it: the seed's 22 fields plus `isVideoMuted`. */
export interface Participant extends Readonly<ApiParticipant> {
  /** Not in the seed's table; real plugins read it (mute-video-participant). */
  readonly isVideoMuted: boolean;
}

export type ConferenceDetails = Readonly<ApiConferenceDetails>;
