import { ACTIONS, WEBAPP2_ACTION_TYPES } from '@ipk/plugin-api';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { AppAction, ChatEntry, PresenceEntry, TimelineEntry } from './host.js';
import type {
  NodeChatMessage,
  NodeConferenceStatus,
  NodeParticipant,
  NodeStageEntry,
} from './node-session.js';
import {
  OFF_STAGE,
  conferenceFromNode,
  participantFromNode,
  type StagePosition,
  type TokenFacts,
} from './participant-from-node.js';
import type { FrameScheduler } from './frame-scheduler.js';
import type { ConferenceDetails, Participant } from './seed-types.js';

interface RosterEntry {
  node: NodeParticipant;
  participant: Participant;
}

/** The timeline keeps this many entries (a long meeting's chat must not grow without bound). */
const TIMELINE_LIMIT = 1000;

const INITIAL_CONFERENCE: ConferenceDetails = Object.freeze({
  locked: false,
  guestsMuted: false,
  chatEnabled: false,
  mediaType: 'none',
  started: false,
});

const NO_TOKEN: TokenFacts = { chatEnabled: false, callType: '' };

/**
 * The conference as plugins and the app see it: the roster, the conference details and the
 * timeline (chat, joins and leaves, each with the action it was announced with).
 * Snapshots are frozen; a burst of roster changes is coalesced into one `participants$`
 * emission per animation frame (the bench measures it). App actions for roster changes
 * (`PARTICIPANT_CONNECT_SUCCESS`, `'[Participant] Muted Changed'`, ...) are dispatched as the
 * changes arrive, as webapp2's store does.
 */
export class ConferenceModel {
  private readonly roster = new Map<string, RosterEntry>();
  private readonly stage = new Map<string, StagePosition>();
  private readonly participants = new BehaviorSubject<readonly Participant[]>(Object.freeze([]));
  private readonly conference = new BehaviorSubject<ConferenceDetails>(INITIAL_CONFERENCE);
  private readonly timeline = new BehaviorSubject<readonly TimelineEntry[]>(Object.freeze([]));
  /** The action each timeline entry was announced with (`SELECT_EVENT` carries it). */
  private readonly timelineActions = new Map<string, AppAction>();
  private status: NodeConferenceStatus = {};
  private token = NO_TOKEN;
  private cancelFrame: (() => void) | undefined;
  private framePending = false;
  private syncing = false;
  private timelineCounter = 0;
  private selfVideoMuted: { readonly uuid: string; readonly muted: boolean } | undefined;

  readonly participants$: Observable<readonly Participant[]> = this.participants.asObservable();
  readonly conference$: Observable<ConferenceDetails> = this.conference.asObservable();
  readonly timeline$: Observable<readonly TimelineEntry[]> = this.timeline.asObservable();

  constructor(
    private readonly scheduleFrame: FrameScheduler,
    private readonly dispatch: (action: AppAction) => void,
  ) {}

  get participantList(): readonly Participant[] {
    return this.participants.value;
  }

  get conferenceDetails(): ConferenceDetails {
    return this.conference.value;
  }

  /** Between `participant_sync_begin` and `_end` joins are a resync, not news. */
  setSyncing(syncing: boolean): void {
    this.syncing = syncing;
  }

  upsert(node: NodeParticipant): void {
    const previous = this.roster.get(node.uuid);
    const participant = this.participantOf(node);
    this.roster.set(node.uuid, { node, participant });
    this.scheduleParticipants();
    if (!previous) {
      if (this.syncing) return;
      const action = { type: ACTIONS.PARTICIPANT_CONNECT_SUCCESS, payload: participant };
      this.dispatch(action);
      this.addTimeline({ kind: 'joined', uuid: participant.uuid, name: participant.name }, action);
      return;
    }
    this.dispatchChanges(previous.participant, participant);
  }

  private dispatchChanges(before: Participant, after: Participant): void {
    if (before.muted !== after.muted) {
      this.dispatch({
        type: WEBAPP2_ACTION_TYPES.PARTICIPANT_MUTED_CHANGED,
        payload: { uuid: after.uuid, muted: after.muted },
      });
    }
    if (before.buzzTime !== after.buzzTime) {
      this.dispatch({
        type: WEBAPP2_ACTION_TYPES.BUZZ_CHANGED,
        payload: { buzzTime: after.buzzTime, name: after.name },
      });
    }
  }

  remove(uuid: string): void {
    const entry = this.roster.get(uuid);
    if (!entry) return;
    this.roster.delete(uuid);
    this.scheduleParticipants();
    const action = { type: ACTIONS.PARTICIPANT_DISCONNECT_SUCCESS, payload: uuid };
    this.dispatch(action);
    this.addTimeline({ kind: 'left', uuid, name: entry.participant.name }, action);
  }

  /** Uuids currently on the roster (a resync deletes the ones the node no longer lists). */
  uuids(): string[] {
    return [...this.roster.keys()];
  }

  setStage(entries: readonly NodeStageEntry[]): void {
    this.stage.clear();
    for (const entry of entries)
      this.stage.set(entry.uuid, { stageIndex: entry.stageIndex, vad: entry.vad });
    for (const entry of this.roster.values()) entry.participant = this.participantOf(entry.node);
    this.scheduleParticipants();
  }

  /**
   * The host told the node that its own camera is (un)muted (`video_muted`): until the node says
   * the same, the user's own participant shows the new value, and a node update still saying the
   * old one is an echo of an earlier request, not news. Otherwise a plugin that follows
   * `isVideoMuted` (video-mute-participant) would undo the mute from the stale roster, and the
   * two would chase each other. `undefined` drops the expectation (the request failed).
   */
  expectSelfVideoMuted(uuid: string, muted: boolean | undefined): void {
    this.selfVideoMuted = muted === undefined ? undefined : { uuid, muted };
    const entry = this.roster.get(uuid);
    if (!entry) return;
    const before = entry.participant;
    entry.participant = this.participantOf(entry.node);
    if (before.isVideoMuted !== entry.participant.isVideoMuted) this.scheduleParticipants();
  }

  /** The node's participant as plugins see it, with the user's own camera as last asked for. */
  private participantOf(node: NodeParticipant): Participant {
    const participant = participantFromNode(node, this.stage.get(node.uuid) ?? OFF_STAGE);
    const expected = this.selfVideoMuted;
    if (expected === undefined || expected.uuid !== node.uuid) return participant;
    if (participant.isVideoMuted === expected.muted) {
      this.selfVideoMuted = undefined; // the node has caught up: it is the truth again
      return participant;
    }
    return Object.freeze({ ...participant, isVideoMuted: expected.muted });
  }

  setConferenceStatus(status: NodeConferenceStatus): void {
    this.status = status;
    this.conference.next(conferenceFromNode(this.status, this.token));
  }

  setTokenFacts(token: TokenFacts): void {
    this.token = token;
    this.conference.next(conferenceFromNode(this.status, this.token));
  }

  /** A chat message: on the timeline, announced to plugins with `action`. */
  addChat(message: NodeChatMessage, own: boolean, action: AppAction): void {
    this.addTimeline(
      {
        kind: 'chat',
        origin: message.origin,
        uuid: message.uuid,
        text: message.payload,
        direct: message.direct,
        own,
      },
      action,
    );
  }

  /** The action a timeline entry was announced with, if it is still on the timeline. */
  timelineAction(id: string): AppAction | undefined {
    return this.timelineActions.get(id);
  }

  private addTimeline(
    fields: Omit<ChatEntry, 'id' | 'at'> | Omit<PresenceEntry, 'id' | 'at'>,
    action: AppAction,
  ): void {
    this.timelineCounter += 1;
    const entry = Object.freeze({
      ...fields,
      id: `event-${this.timelineCounter}`,
      at: Date.now(),
    }) as TimelineEntry;
    const kept = [...this.timeline.value, entry];
    for (const dropped of kept.splice(0, Math.max(0, kept.length - TIMELINE_LIMIT))) {
      this.timelineActions.delete(dropped.id);
    }
    this.timelineActions.set(entry.id, action);
    this.timeline.next(Object.freeze(kept));
  }

  private scheduleParticipants(): void {
    if (this.framePending) return;
    this.framePending = true;
    this.cancelFrame = this.scheduleFrame(() => this.flush());
  }

  /** Emits the pending roster now (also what the frame callback does). */
  flush(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.framePending = false;
    const snapshot = Object.freeze([...this.roster.values()].map((entry) => entry.participant));
    this.participants.next(snapshot);
  }

  /** Back to an empty conference (after leaving). */
  reset(): void {
    this.selfVideoMuted = undefined;
    this.roster.clear();
    this.stage.clear();
    this.status = {};
    this.token = NO_TOKEN;
    this.flush();
    this.conference.next(INITIAL_CONFERENCE);
    this.timeline.next(Object.freeze([]));
    this.timelineActions.clear();
  }

  dispose(): void {
    this.framePending = false;
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.participants.complete();
    this.conference.complete();
    this.timeline.complete();
  }
}
