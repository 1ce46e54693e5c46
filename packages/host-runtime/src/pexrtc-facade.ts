import type { NodeChatMessage, NodeParticipant } from './node-session.js';

/** What the facade's default callbacks feed: the host's roster and chat. */
export interface RosterSink {
  upsert(participant: NodeParticipant): void;
  remove(uuid: string): void;
  chat(message: NodeChatMessage): void;
}

/** What the facade's methods do against the conference. */
export interface PexRtcCommands {
  muteAudio(muted: boolean): void;
  setParticipantText(uuid: string, text: string): void;
  sendChatMessage(text: string, uuid?: string): void;
}

type Callback<T> = ((value: T) => void) | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * `PEX.pexrtc`: a PexRTC-shaped object, so plugins written against webapp2's PexRTC instance
 * run unmodified. Plugins *replace* its callbacks (`plugin-anonymizer` rewrites names in
 * `onParticipantCreate`, `plugin-hide-api-users` drops `protocol: 'api'` participants), so the
 * host reads the callback at call time and the roster is fed only through it: whatever the
 * plugin's wrapper passes on (or not) is what the roster shows. The defaults are plain
 * functions (plugins call the saved originals without `this`).
 *
 * The class is named `PexRTC` because old plugins find the instance by
 * `constructor.name === 'PexRTC'`; it is also installed as the global `PexRTC`.
 */
export class PexRTC {
  conference_name = '';
  conference = '';
  node = '';
  display_name = '';
  uuid = '';
  role: 'HOST' | 'GUEST' | '' = '';
  state = 'IDLE';
  mutedAudio = false;
  /**
   * `call.pc`: the call's `RTCPeerConnection` once media connects, null before, without media
   * and after it ends (PexRTC's `call.pc` likewise exists only while a call has media).
   */
  readonly call: { pc: RTCPeerConnection | null } = { pc: null };

  onParticipantCreate: Callback<Record<string, unknown>>;
  onParticipantUpdate: Callback<Record<string, unknown>>;
  onParticipantDelete: Callback<{ uuid: string }>;
  onChatMessage: Callback<Record<string, unknown>>;

  constructor(
    private readonly sink?: RosterSink,
    private readonly commands?: PexRtcCommands,
  ) {
    const upsert = (participant: Record<string, unknown>): void => {
      if (isRecord(participant) && typeof participant['uuid'] === 'string') {
        this.sink?.upsert({ ...participant, uuid: participant['uuid'] });
      }
    };
    this.onParticipantCreate = upsert;
    this.onParticipantUpdate = upsert;
    this.onParticipantDelete = (participant) => {
      if (isRecord(participant) && typeof participant.uuid === 'string')
        this.sink?.remove(participant.uuid);
    };
    this.onChatMessage = (message) => {
      if (!isRecord(message)) return;
      this.sink?.chat({
        origin: typeof message['origin'] === 'string' ? message['origin'] : '',
        uuid: typeof message['uuid'] === 'string' ? message['uuid'] : '',
        type: typeof message['type'] === 'string' ? message['type'] : 'text/plain',
        payload: typeof message['payload'] === 'string' ? message['payload'] : '',
        direct: message['direct'] === true,
      });
    };
  }

  /** PexRTC `muteAudio(setting)`: toggles without an argument; returns the new state. */
  muteAudio(setting?: boolean): boolean {
    this.mutedAudio = typeof setting === 'boolean' ? setting : !this.mutedAudio;
    this.commands?.muteAudio(this.mutedAudio);
    return this.mutedAudio;
  }

  setParticipantText(uuid: string, text: string): void {
    this.commands?.setParticipantText(String(uuid), String(text));
  }

  sendChatMessage(text: string, uuid?: string): void {
    this.commands?.sendChatMessage(String(text), uuid === undefined ? undefined : String(uuid));
  }

  /** Node events enter here: a copy goes through whatever callback is installed now. */
  feedCreate(participant: NodeParticipant): void {
    this.onParticipantCreate?.({ ...participant });
  }

  feedUpdate(participant: NodeParticipant): void {
    this.onParticipantUpdate?.({ ...participant });
  }

  feedDelete(uuid: string): void {
    this.onParticipantDelete?.({ uuid });
  }

  feedChat(message: NodeChatMessage): void {
    this.onChatMessage?.({ ...message });
  }
}
