import type { CallMedia } from './call-media.js';
import type { ConferenceConfig } from './mock-config.js';
import type { EventStream } from './event-stream.js';
import { formatEvent } from './event-stream.js';
import {
  createNodeParticipant,
  type NewParticipant,
  type NodeParticipant,
} from './node-participant.js';

/** The `conference_status` result and `conference_update` payload (schema `Result`, v20). */
export interface ConferenceStatus {
  locked: boolean;
  guests_muted: boolean;
  started: boolean;
  all_muted: boolean;
  direct_media: boolean;
  presentation_allowed: boolean;
  guests_can_unmute: boolean;
  guests_can_present: boolean;
  breakout_rooms: boolean;
  live_captions_available: boolean;
  classification: { levels: Record<string, string>; current: number | null };
}

/** The payload of the `layout` event (Android SDK fixture `layout.json`). */
export interface LayoutEvent {
  view: string;
  participants: string[];
  requested_layout: { primary_screen: { chair_layout: string; guest_layout: string } };
  overlay_text_enabled: boolean;
  pres_slot_coords: null;
}

export interface StageEntry {
  participant_uuid: string;
  stage_index: number;
  vad: number;
}

export interface ChatMessage {
  origin: string;
  type: 'text/plain' | 'application/json';
  payload: string;
  uuid: string;
  direct: boolean;
}

/** Who put a participant into the conference: decides what the mock may do to it by itself. */
export type ParticipantSource = 'token' | 'simulated' | 'dial' | 'control';

export interface ConferenceMember {
  participant: NodeParticipant;
  source: ParticipantSource;
  /** Every DTMF digit string this participant received, in order. */
  dtmf: string[];
  streams: Set<EventStream>;
  /** The participant's WebRTC calls (`calls`), by call uuid. */
  calls: Map<string, ActiveCall>;
}

export interface ActiveCall {
  media: CallMedia;
  /** `media_type: "audio"` in the `calls` request. */
  audioOnly: boolean;
}

/** Layouts a Conferencing Node offers (`available_layouts` seen on a real node, Android fixture). */
export const AVAILABLE_LAYOUTS = [
  'ac',
  '1:0',
  '1:7',
  '1:21',
  '2:21',
  '1:33',
  '4:0',
  '5:7',
  '9:0',
  '16:0',
  '25:0',
  'teams',
] as const;

/** One conference's state and the event streams watching it. */
export class Conference {
  readonly alias: string;
  readonly name: string;
  readonly serviceType: 'conference' | 'lecture';
  readonly members = new Map<string, ConferenceMember>();
  status: ConferenceStatus;
  layout: LayoutEvent;
  stage: StageEntry[] = [];
  presenterUuid: string | undefined;
  /** The latest conference chat messages, oldest first, at most `chatHistoryLimit` of them. */
  readonly #chat: ChatMessage[] = [];
  /**
   * Each participant's JSON, kept until it changes: a connecting client's sync sends every
   * participant, and 200 clients × 1,000 participants made serialising the bulk of the work.
   * Participants change only through `addParticipant`/`updateParticipant`, which refresh it.
   */
  readonly #json = new Map<string, string>();
  /** Extra state set through calls that have no event of their own, kept for the snapshot. */
  readonly settings: Record<string, unknown> = {};

  constructor(
    readonly config: ConferenceConfig,
    /** Chat messages kept for the snapshot; a real node keeps no history (newcomers get none). */
    readonly chatHistoryLimit: number,
  ) {
    this.alias = config.alias;
    this.name = config.name ?? config.alias;
    this.serviceType = config.serviceType ?? 'conference';
    this.status = initialStatus(config);
    this.layout = initialLayout(config.layout ?? 'ac');
  }

  get chatEnabled(): boolean {
    return this.config.chatEnabled ?? true;
  }

  get chat(): readonly ChatMessage[] {
    return this.#chat;
  }

  /**
   * Conference chat: `message_received` to everyone but the sender (webapp3 shows its own message
   * locally, client-api-detail §5.4), kept for the snapshot while the history has room; the
   * oldest message goes when it is full, so chat cannot grow the node's memory without bound.
   */
  sendChat(message: ChatMessage, exceptUuid?: string): void {
    this.#chat.push(message);
    if (this.#chat.length > this.chatHistoryLimit) {
      this.#chat.splice(0, this.#chat.length - this.chatHistoryLimit);
    }
    this.broadcast('message_received', message, exceptUuid);
  }

  member(uuid: string): ConferenceMember | undefined {
    return this.members.get(uuid);
  }

  /** Adds a participant and announces it to everyone already watching (`participant_create`). */
  addParticipant(init: Omit<NewParticipant, 'alias'>, source: ParticipantSource): ConferenceMember {
    const participant = createNodeParticipant({ ...init, alias: this.alias });
    const member: ConferenceMember = {
      participant,
      source,
      dtmf: [],
      streams: new Set(),
      calls: new Map(),
    };
    this.members.set(participant.uuid, member);
    this.writeAll(jsonFrame('participant_create', this.refreshJson(participant)));
    this.refreshLayoutParticipants();
    return member;
  }

  /** Changes a participant, then sends the full object to every stream, the caller's own included. */
  updateParticipant(uuid: string, change: (participant: NodeParticipant) => void): void {
    const member = this.members.get(uuid);
    if (member === undefined) return;
    change(member.participant);
    this.writeAll(jsonFrame('participant_update', this.refreshJson(member.participant)));
  }

  /** Sets `fields` on every participant `where` picks, each announced as by {@link updateParticipant}. */
  updateEach(
    where: (participant: NodeParticipant) => boolean,
    fields: Partial<NodeParticipant>,
  ): void {
    for (const { participant } of this.members.values()) {
      if (!where(participant)) continue;
      this.updateParticipant(participant.uuid, (p) => Object.assign(p, fields));
    }
  }

  /**
   * Removes a participant: its own streams get `disconnect {reason}` and are closed, everyone
   * else gets `participant_delete {uuid}` (client-api.md, pitfall 10).
   */
  removeParticipant(uuid: string, reason: string | undefined): boolean {
    const member = this.members.get(uuid);
    if (member === undefined) return false;
    this.members.delete(uuid);
    this.#json.delete(uuid);
    for (const call of member.calls.values()) void call.media.close();
    member.calls.clear();
    for (const stream of member.streams) {
      if (reason !== undefined) stream.send('disconnect', { reason });
      stream.end();
    }
    member.streams.clear();
    this.broadcast('participant_delete', { uuid });
    this.stage = this.stage.filter((entry) => entry.participant_uuid !== uuid);
    if (this.presenterUuid === uuid) {
      this.presenterUuid = undefined;
      this.broadcast('presentation_stop', {});
    }
    this.refreshLayoutParticipants();
    return true;
  }

  updateStatus(change: (status: ConferenceStatus) => void): void {
    change(this.status);
    this.broadcast('conference_update', this.status);
  }

  /** The speaker moves to stage index 0 with full voice activity; the others keep their order. */
  speak(uuid: string): void {
    const others = this.stage.filter((entry) => entry.participant_uuid !== uuid);
    this.stage = [
      { participant_uuid: uuid, stage_index: 0, vad: 100 },
      ...others.map((entry, index) => ({ ...entry, stage_index: index + 1, vad: 0 })),
    ];
    this.broadcast('stage', this.stage);
  }

  announceLayout(): void {
    this.broadcast('layout', this.layout);
  }

  private refreshJson(participant: NodeParticipant): string {
    const json = JSON.stringify(participant);
    this.#json.set(participant.uuid, json);
    return json;
  }

  private jsonOf(participant: NodeParticipant): string {
    return this.#json.get(participant.uuid) ?? this.refreshJson(participant);
  }

  /** Fan-out: the frame is serialised once and written to every open stream of the conference. */
  private writeAll(frame: string, exceptUuid?: string): void {
    for (const member of this.members.values()) {
      if (member.participant.uuid === exceptUuid) continue;
      for (const stream of member.streams) stream.writeFrame(frame);
    }
  }

  broadcast(name: string, data: unknown, exceptUuid?: string): void {
    this.writeAll(formatEvent(name, data), exceptUuid);
  }

  /** An SSE comment line keeps proxies and browsers from timing the stream out. */
  keepAlive(): void {
    this.writeAll(':\n\n');
  }

  sendTo(uuid: string, name: string, data: unknown): void {
    const frame = formatEvent(name, data);
    for (const stream of this.members.get(uuid)?.streams ?? []) stream.writeFrame(frame);
  }

  /**
   * Attaches a participant's new `/events` connection and replays the state: sync bracket with one
   * `participant_create` per participant (the caller included), then the conference, layout and
   * stage, so a reconnecting client gets a full resync (client-api-detail §4).
   */
  attachStream(stream: EventStream): void {
    const member = this.members.get(stream.participantUuid);
    if (member === undefined) {
      stream.end();
      return;
    }
    member.streams.add(stream);
    const frames = [formatEvent('participant_sync_begin', null)];
    for (const other of this.members.values()) {
      frames.push(jsonFrame('participant_create', this.jsonOf(other.participant)));
    }
    frames.push(formatEvent('participant_sync_end', null));
    frames.push(formatEvent('conference_update', this.status));
    frames.push(formatEvent('layout', this.layout));
    if (this.stage.length > 0) frames.push(formatEvent('stage', this.stage));
    const presenter = this.presenterUuid && this.members.get(this.presenterUuid);
    if (presenter) frames.push(formatEvent('presentation_start', presentationStart(presenter)));
    stream.writeFrame(frames.join(''));
  }

  detachStream(stream: EventStream): void {
    this.members.get(stream.participantUuid)?.streams.delete(stream);
  }

  /** The service type a newcomer gets: a locked conference holds new guests in the waiting room. */
  entryServiceType(role: NodeParticipant['role']): NodeParticipant['service_type'] {
    if (role === 'guest' && this.status.locked) return 'waiting_room';
    return this.serviceType;
  }

  private refreshLayoutParticipants(): void {
    this.layout = {
      ...this.layout,
      participants: [...this.members.values()]
        .filter((member) => member.participant.has_media)
        .slice(0, 9)
        .map((member) => member.participant.uuid),
    };
  }
}

function jsonFrame(name: string, json: string): string {
  return `event: ${name}\ndata: ${json}\n\n`;
}

export function presentationStart(member: ConferenceMember): Record<string, string> {
  return {
    presenter_name: member.participant.display_name,
    presenter_uri: member.participant.uri,
    presenter_uuid: member.participant.uuid,
  };
}

function initialStatus(config: ConferenceConfig): ConferenceStatus {
  return {
    locked: config.locked ?? false,
    guests_muted: false,
    started: true,
    all_muted: false,
    direct_media: false,
    presentation_allowed: true,
    guests_can_unmute: true,
    guests_can_present: true,
    breakout_rooms: false,
    live_captions_available: false,
    classification: { levels: {}, current: null },
  };
}

function initialLayout(layout: string): LayoutEvent {
  return {
    view: layout,
    participants: [],
    requested_layout: { primary_screen: { chair_layout: layout, guest_layout: layout } },
    overlay_text_enabled: true,
    pres_slot_coords: null,
  };
}
