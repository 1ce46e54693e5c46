/**
 * The event payloads, judged by Pexip's types: the objects the mock sends in
 * `participant_create`/`participant_update` and `conference_update` must be Pexip's `Participant`
 * and conference-status `Result` (`@pexip/infinity-api` v20 `conference/types.d.ts`, the types
 * `@pexip/infinity` reads those events as), and `stage` entries its `StageEvent`. `npm run
 * typecheck` fails when a payload stops fitting.
 *
 * The other event types of `@pexip/infinity` (`LayoutEvent`, `MessageEvent`, `RTCParticipantEvent`)
 * do not resolve under `NodeNext` (extension-less imports inside the package, client-api.md) and
 * come out as `never` or an index signature, so they are checked at run time in
 * `contract.test.ts` instead.
 */
import type {
  Participant,
  Result as ConferenceStatusResult,
} from '@pexip/infinity-api/dist/conference/types.js';
import type { StageEvent } from '@pexip/infinity/dist/types.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { ConferenceStatus, StageEntry } from './conference.js';
import type { NodeParticipant } from './node-participant.js';

describe('event payload types', () => {
  it('participant_create / participant_update carry a Pexip Participant', () => {
    expectTypeOf<NodeParticipant>().toExtend<Participant>();
    // The check has teeth: a wrong field type does not pass.
    expectTypeOf<Omit<NodeParticipant, 'uuid'> & { uuid: number }>().not.toExtend<Participant>();
  });

  it('conference_update carries a Pexip conference status', () => {
    expectTypeOf<ConferenceStatus>().toExtend<ConferenceStatusResult>();
    expectTypeOf<
      Omit<ConferenceStatus, 'locked'> & { locked: 'yes' }
    >().not.toExtend<ConferenceStatusResult>();
  });

  it('stage entries are what @pexip/infinity reads as StageEvent', () => {
    expectTypeOf<StageEntry>().toExtend<StageEvent>();
    expectTypeOf<{
      participant_uuid: string;
      stage_index: number;
      vad: string;
    }>().not.toExtend<StageEvent>();
  });
});
