import type { BotParticipant } from './bot-participant.js';

/**
 * The part of a conference a test can change and the suite puts back: read through Pexip's public
 * client API (`conference_status`, `participants`), so it is the same on the mock node and on a
 * real deployment.
 */
export interface ConferenceState {
  readonly locked: boolean;
  readonly guestsMuted: boolean;
  readonly participants: readonly ParticipantState[];
}

export interface ParticipantState {
  readonly uuid: string;
  readonly displayName: string;
  /** `chair` or `guest`. */
  readonly role: string;
  /** `in` (joined) or `out` (dialled out by the conference, e.g. a recorder). */
  readonly callDirection: string;
  readonly muted: boolean;
  readonly videoMuted: boolean;
  readonly spotlight: boolean;
  readonly handRaised: boolean;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A participant object of the client API (client-api-detail.md §3: `is_muted` is `"YES"`/`"NO"`,
 * `spotlight` and `buzz_time` are 0 when off).
 */
export function participantStateFrom(value: unknown): ParticipantState {
  const node = record(value);
  return {
    uuid: String(node.uuid ?? ''),
    displayName: String(node.display_name ?? ''),
    role: String(node.role ?? ''),
    callDirection: String(node.call_direction ?? ''),
    muted: node.is_muted === 'YES',
    videoMuted: node.is_video_muted === true,
    spotlight: typeof node.spotlight === 'number' && node.spotlight > 0,
    handRaised: typeof node.buzz_time === 'number' && node.buzz_time > 0,
  };
}

/** The conference as `session` (a host) sees it, without `session` itself. */
export async function readConferenceState(session: BotParticipant): Promise<ConferenceState> {
  const [status, participants] = await Promise.all([
    session.request('GET', 'conference_status'),
    session.request('GET', 'participants'),
  ]);
  const list = Array.isArray(participants) ? participants : [];
  return {
    locked: record(status).locked === true,
    guestsMuted: record(status).guests_muted === true,
    participants: list
      .map(participantStateFrom)
      .filter((participant) => participant.uuid !== session.uuid),
  };
}

function label(participant: ParticipantState): string {
  return `"${participant.displayName}" (${participant.uuid})`;
}

/** The participant flags a test can change and the keeper puts back, in the order checked. */
export const PARTICIPANT_FLAGS = ['muted', 'videoMuted', 'spotlight', 'handRaised'] as const;

/**
 * What differs between the conference as it was (`before`) and as it is (`now`), one sentence each;
 * empty when a test left it as it found it. Participants who were there and left are not counted:
 * the suite never removes anyone it did not bring, so they left on their own.
 */
export function conferenceDifferences(before: ConferenceState, now: ConferenceState): string[] {
  const differences: string[] = [];
  if (before.locked !== now.locked) {
    differences.push(now.locked ? 'the conference is locked' : 'the conference is unlocked');
  }
  if (before.guestsMuted !== now.guestsMuted) {
    differences.push(now.guestsMuted ? 'guests are muted' : 'guests are no longer muted');
  }
  const earlier = new Map(
    before.participants.map((participant) => [participant.uuid, participant]),
  );
  for (const participant of now.participants) {
    const was = earlier.get(participant.uuid);
    if (!was) {
      const how = participant.callDirection === 'out' ? 'dialled out' : 'joined';
      differences.push(`${label(participant)} ${how} and is still there`);
      continue;
    }
    if (was.role !== participant.role) {
      differences.push(`${label(participant)} is ${participant.role}, was ${was.role}`);
    }
    for (const flag of PARTICIPANT_FLAGS) {
      if (was[flag] !== participant[flag]) {
        differences.push(
          `${label(participant)}: ${flag} is ${participant[flag]}, was ${was[flag]}`,
        );
      }
    }
  }
  return differences;
}
