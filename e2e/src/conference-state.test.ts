import { describe, expect, it } from 'vitest';
import {
  conferenceDifferences,
  participantStateFrom,
  type ConferenceState,
  type ParticipantState,
} from './conference-state.js';

const room: ParticipantState = participantStateFrom({
  uuid: 'u-room',
  display_name: 'Room 101',
  role: 'guest',
  call_direction: 'in',
  is_muted: 'NO',
  is_video_muted: false,
  spotlight: 0,
  buzz_time: 0,
});
const found: ConferenceState = { locked: false, guestsMuted: false, participants: [room] };

describe('conferenceDifferences', () => {
  it('is empty for a conference left as it was found', () => {
    expect(conferenceDifferences(found, structuredClone(found))).toEqual([]);
  });

  it('names each change a test can leave behind, one sentence each', () => {
    const recorder = participantStateFrom({
      uuid: 'u-rec',
      display_name: 'recorder.example.com/live/key',
      role: 'guest',
      call_direction: 'out',
    });
    const now: ConferenceState = {
      locked: true,
      guestsMuted: true,
      participants: [
        { ...room, role: 'chair', muted: true, spotlight: true, handRaised: true },
        recorder,
        { ...recorder, uuid: 'u-bot', displayName: 'Bob Bot', callDirection: 'in' },
      ],
    };
    expect(conferenceDifferences(found, now)).toEqual([
      'the conference is locked',
      'guests are muted',
      '"Room 101" (u-room) is chair, was guest',
      '"Room 101" (u-room): muted is true, was false',
      '"Room 101" (u-room): spotlight is true, was false',
      '"Room 101" (u-room): handRaised is true, was false',
      '"recorder.example.com/live/key" (u-rec) dialled out and is still there',
      '"Bob Bot" (u-bot) joined and is still there',
    ]);
  });

  it('does not count someone who was there and left on their own', () => {
    expect(conferenceDifferences(found, { ...found, participants: [] })).toEqual([]);
  });
});

describe('participantStateFrom', () => {
  it("reads Pexip's participant object: is_muted YES/NO, spotlight and buzz_time as times", () => {
    expect(
      participantStateFrom({
        uuid: 'u',
        display_name: 'Alice',
        role: 'chair',
        call_direction: 'in',
        is_muted: 'YES',
        is_video_muted: true,
        spotlight: 1796170000.5,
        buzz_time: 1796170001,
      }),
    ).toEqual({
      uuid: 'u',
      displayName: 'Alice',
      role: 'chair',
      callDirection: 'in',
      muted: true,
      videoMuted: true,
      spotlight: true,
      handRaised: true,
    });
  });
});
