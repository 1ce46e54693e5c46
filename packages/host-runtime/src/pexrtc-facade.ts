import type { ChatMessage as PexChatMessage, PexRtcLike, PexRtcParticipant } from '@ipk/plugin-api';
import type { NodeChatMessage, NodeParticipant } from './node-session.js';
import { text } from './participant-from-node.js';
import type { SelfDevice } from './self-media.js';

/** What the facade's default callbacks feed: the host's roster and chat. */
export interface RosterSink {
  upsert(participant: NodeParticipant): void;
  remove(uuid: string): void;
  chat(message: NodeChatMessage): void;
}

/** What the facade's methods do against the conference (all go through the host). */
export interface PexRtcCommands {
  /** The self-media state's microphone / camera (`undefined`: toggle). Returns the new state. */
  mute(device: SelfDevice, setting: boolean | undefined): boolean;
  muted(device: SelfDevice): boolean;
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
 * `mutedAudio`/`mutedVideo` read the host's one self-media state, and `muteAudio`/`muteVideo`
 * change it: the toolbar, this object and `PEX.dispatchAction` never disagree.
 */
export class PexRTC implements PexRtcLike {
  conference_name = '';
  conference = '';
  node = '';
  display_name = '';
  uuid = '';
  role: 'HOST' | 'GUEST' | '' = '';
  state = 'IDLE';
  /**
   * `call.pc`: the call's `RTCPeerConnection` once media connects, null before, without media
   * and after it ends (PexRTC's `call.pc` likewise exists only while a call has media).
   */
  readonly call: { pc: RTCPeerConnection | null } = { pc: null };

  onParticipantCreate: Callback<PexRtcParticipant>;
  onParticipantUpdate: Callback<PexRtcParticipant>;
  onParticipantDelete: Callback<{ uuid: string }>;
  onChatMessage: Callback<PexChatMessage>;

  constructor(
    private readonly sink: RosterSink,
    private readonly commands: PexRtcCommands,
  ) {
    const upsert = (participant: unknown): void => {
      if (isRecord(participant) && typeof participant['uuid'] === 'string') {
        this.sink.upsert({ ...participant, uuid: participant['uuid'] });
      }
    };
    this.onParticipantCreate = upsert;
    this.onParticipantUpdate = upsert;
    this.onParticipantDelete = (participant) => {
      if (isRecord(participant) && typeof participant.uuid === 'string')
        this.sink.remove(participant.uuid);
    };
    this.onChatMessage = (message) => {
      if (!isRecord(message)) return;
      this.sink.chat({
        origin: text(message['origin']),
        uuid: text(message['uuid']),
        type: typeof message['type'] === 'string' ? message['type'] : 'text/plain',
        payload: text(message['payload']),
        direct: message['direct'] === true,
      });
    };
  }

  get mutedAudio(): boolean {
    return this.commands.muted('microphone');
  }

  get mutedVideo(): boolean {
    return this.commands.muted('camera');
  }

  /** PexRTC `muteAudio(setting)`: toggles without an argument; returns the new state. */
  muteAudio(setting?: boolean): boolean {
    return this.commands.mute('microphone', typeof setting === 'boolean' ? setting : undefined);
  }

  /** PexRTC `muteVideo(setting)`: as `muteAudio`, for the camera. */
  muteVideo(setting?: boolean): boolean {
    return this.commands.mute('camera', typeof setting === 'boolean' ? setting : undefined);
  }

  setParticipantText(uuid: string, text: string): void {
    this.commands.setParticipantText(String(uuid), String(text));
  }

  sendChatMessage(text: string, uuid?: string): void {
    this.commands.sendChatMessage(String(text), uuid === undefined ? undefined : String(uuid));
  }

  /** Node events enter here: a copy goes through whatever callback is installed now. */
  feedCreate(participant: NodeParticipant): void {
    this.onParticipantCreate?.({ ...participant } as PexRtcParticipant);
  }

  feedUpdate(participant: NodeParticipant): void {
    this.onParticipantUpdate?.({ ...participant } as PexRtcParticipant);
  }

  feedDelete(uuid: string): void {
    this.onParticipantDelete?.({ uuid });
  }

  feedChat(message: NodeChatMessage): void {
    this.onChatMessage?.({ ...message });
  }
}

// Old plugins find the call object by `constructor.name === 'PexRTC'` (webapp2-in-the-wild.md);
// a minifier renames classes, so the name is set explicitly and survives the app's build.
Object.defineProperty(PexRTC, 'name', { value: 'PexRTC' });
