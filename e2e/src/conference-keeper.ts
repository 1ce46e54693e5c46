import { BotParticipant } from './bot-participant.js';
import {
  conferenceDifferences,
  PARTICIPANT_FLAGS,
  readConferenceState,
  type ConferenceState,
  type ParticipantState,
} from './conference-state.js';
import type { Target } from './target.js';

/** Where the conference under test is, and the PIN that makes the keeper a host. */
export interface KeeperAccess {
  readonly apiOrigin: string;
  readonly alias: string;
  readonly hostPin?: string;
}

/**
 * How the keeper reaches the conference under test: the real node itself in upstream mode (not
 * through the worker's mock node in front of it), else the mock node at `mockNodeUrl`.
 */
export function keeperAccessOf(target: Target, mockNodeUrl = ''): KeeperAccess {
  const { alias, hostPin } = target.conference;
  return { apiOrigin: target.upstream ?? mockNodeUrl, alias, ...(hostPin ? { hostPin } : {}) };
}

/**
 * What one test brought into the conference, recorded as it happens (the node's answers to the
 * `request_token`, `dial` and `transform_layout` calls of its pages and bots, and the bots it
 * joined), so that afterwards exactly that is undone and nobody else is touched.
 */
export class TestFootprint {
  /** Participants of the host pages (one per join; a reload is a new one). */
  readonly hostPages = new Set<string>();
  readonly bots = new Set<string>();
  /** Participants the conference dialled out to at the test's request (recorders, phones). */
  readonly dialled = new Set<string>();
  layoutChanged = false;
  private readonly pending: Promise<unknown>[] = [];

  /**
   * Notes a successful client-API answer of the test's pages (`request_token` is a host page's
   * join) or bots (`dial`, `transform_layout`).
   */
  noteAnswer(call: string, result: unknown): void {
    if (call === 'transform_layout') this.layoutChanged = true;
    if (call === 'dial' && Array.isArray(result)) {
      for (const uuid of result) if (typeof uuid === 'string') this.dialled.add(uuid);
    }
    const uuid = (result as { participant_uuid?: unknown } | null | undefined)?.participant_uuid;
    if (call === 'request_token' && typeof uuid === 'string') this.hostPages.add(uuid);
  }

  /** Keeps a record that is still being read (a response body) so `settled()` waits for it. */
  track(work: Promise<unknown>): void {
    this.pending.push(work.catch(() => undefined));
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  brought(uuid: string): boolean {
    return this.hostPages.has(uuid) || this.bots.has(uuid) || this.dialled.has(uuid);
  }
}

export interface RestoreOptions {
  /**
   * Count every newcomer as the test's (the worker's own mock node, which nobody else can reach);
   * otherwise only what the footprint recorded (a real conference may have other visitors).
   */
  readonly everyNewcomerIsOurs: boolean;
  /** How long host pages and bots get to leave on their own (default 3 s). */
  readonly releaseWaitMs?: number;
}

export interface RestoreReport {
  /** Host-page participants still there after their page went away (the keeper removed them). */
  readonly notReleased: readonly ParticipantState[];
  /** What still differs after the keeper undid everything it could (empty when restored). */
  readonly differences: readonly string[];
}

const KEEPER_NAME = 'ipk e2e conference keeper';
const POLL_MS = 50;

/**
 * Joins the conference as a host through the client API, for as long as `work` runs, and leaves.
 * A keeper that is not a host cannot unlock or disconnect anyone: that is an error naming the PIN.
 */
async function withKeeper<T>(
  access: KeeperAccess,
  work: (keeper: BotParticipant) => Promise<T>,
): Promise<T> {
  const keeper = await BotParticipant.join({
    apiOrigin: access.apiOrigin,
    alias: access.alias,
    displayName: KEEPER_NAME,
    listen: false,
    ...(access.hostPin ? { pin: access.hostPin } : {}),
  });
  try {
    if (keeper.role !== 'HOST') {
      throw new Error(
        `joined ${access.alias} as ${keeper.role}, not HOST: the suite needs the host PIN (PEXIP_HOST_PIN) to put the conference back as it found it`,
      );
    }
    return await work(keeper);
  } finally {
    await keeper.leave();
  }
}

/** The conference as it is now, read by a keeper that leaves again. */
export function snapshotConference(access: KeeperAccess): Promise<ConferenceState> {
  return withKeeper(access, readConferenceState);
}

async function until(
  deadlineMs: number,
  read: () => Promise<ConferenceState>,
  done: (state: ConferenceState) => boolean,
): Promise<ConferenceState> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const state = await read();
    if (done(state) || Date.now() >= deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Calls that undo a participant's changed flag, per flag (client-api-detail.md §2.3). */
const UNDO: Record<(typeof PARTICIPANT_FLAGS)[number], [string, string]> = {
  // [call when it should be on, call when it should be off]
  muted: ['mute', 'unmute'],
  videoMuted: ['video_muted', 'video_unmuted'],
  spotlight: ['spotlighton', 'spotlightoff'],
  handRaised: ['buzz', 'clearbuzz'],
};

/**
 * Puts the conference back to `baseline` after a test: waits for the test's host pages and bots to
 * leave (they must: a page that goes away releases its token), disconnects what the test dialled
 * out to and whatever of its own is left, unlocks or locks, mutes or unmutes guests, undoes
 * mute/spotlight/hand/role changes on the participants who were there before, resets a layout
 * the test changed, and reads the conference again to report what still differs.
 */
export async function restoreConference(
  access: KeeperAccess,
  baseline: ConferenceState,
  footprint: TestFootprint,
  options: RestoreOptions,
): Promise<RestoreReport> {
  await footprint.settled();
  const before = new Map(
    baseline.participants.map((participant) => [participant.uuid, participant]),
  );
  const ours = (participant: ParticipantState) =>
    !before.has(participant.uuid) &&
    (options.everyNewcomerIsOurs || footprint.brought(participant.uuid));
  // Host pages release their token when the page goes away, bots when the test ends: they are
  // given time to; everything else of the test's (dial-outs, participants the mock control
  // added) is disconnected at once.
  const leavesOnItsOwn = (participant: ParticipantState) =>
    footprint.hostPages.has(participant.uuid) || footprint.bots.has(participant.uuid);

  return withKeeper(access, async (keeper) => {
    const read = () => readConferenceState(keeper);
    let now = await until(options.releaseWaitMs ?? 3_000, read, (state) =>
      state.participants.every((participant) => !leavesOnItsOwn(participant)),
    );
    const notReleased = now.participants.filter((participant) =>
      footprint.hostPages.has(participant.uuid),
    );

    const calls: Array<[string, unknown?]> = [];
    for (const participant of now.participants.filter(ours)) {
      calls.push([`participants/${participant.uuid}/disconnect`]);
    }
    if (now.locked !== baseline.locked) calls.push([baseline.locked ? 'lock' : 'unlock']);
    if (now.guestsMuted !== baseline.guestsMuted) {
      calls.push([baseline.guestsMuted ? 'muteguests' : 'unmuteguests']);
    }
    for (const participant of now.participants) {
      const was = before.get(participant.uuid);
      if (!was) continue;
      if (was.role !== participant.role) {
        calls.push([`participants/${participant.uuid}/role`, { role: was.role }]);
      }
      for (const flag of PARTICIPANT_FLAGS) {
        if (was[flag] !== participant[flag]) {
          const [on, off] = UNDO[flag];
          calls.push([`participants/${participant.uuid}/${was[flag] ? on : off}`]);
        }
      }
    }
    // No client-API call reads the layout back; `transforms: {}` is "back to the conference's
    // default", as the layout plugin's "Back to default" sends it.
    if (footprint.layoutChanged) calls.push(['transform_layout', { transforms: {} }]);
    for (const [path, body] of calls) {
      // One at a time, as a person would click: a participant who left meanwhile answers 404.
      await keeper.request('POST', path, body).catch(() => undefined);
    }

    const mine = (state: ConferenceState): ConferenceState => ({
      ...state,
      participants: state.participants.filter(
        (participant) => before.has(participant.uuid) || ours(participant),
      ),
    });
    // After calls the node gets 5 s to show the undone state; without any, one read says what
    // differs.
    now = await until(
      calls.length === 0 ? 0 : 5_000,
      read,
      (state) => conferenceDifferences(baseline, mine(state)).length === 0,
    );
    return { notReleased, differences: conferenceDifferences(baseline, mine(now)) };
  });
}
