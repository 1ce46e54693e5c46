/**
 * An in-memory stand-in for `@ipk/host-runtime`'s `Host`, for view tests: every stream is a
 * subject the test pushes to, every call is recorded. It has no plugin logic: tests state what the
 * runtime would say and check what the user sees and what the app asks for.
 */
import { BehaviorSubject, Subject } from 'rxjs';
import { participantWithDefaults } from '@ipk/host-runtime/testing/participants';
import type {
  AppHost,
  ConferenceDetails,
  ConnectionState,
  JoinOutcome,
  MediaState,
  MenuItemView,
  Notice,
  Participant,
  PluginRecord,
  SelfMediaState,
  SelfView,
  TimelineEntry,
} from '../app-host.js';

export interface FakeHost extends AppHost {
  readonly connection: BehaviorSubject<ConnectionState>;
  readonly media: BehaviorSubject<MediaState>;
  readonly participants: BehaviorSubject<readonly Participant[]>;
  readonly conference: BehaviorSubject<ConferenceDetails>;
  readonly self: BehaviorSubject<SelfView | undefined>;
  readonly selfMedia: BehaviorSubject<SelfMediaState>;
  readonly timeline: BehaviorSubject<readonly TimelineEntry[]>;
  readonly plugins: BehaviorSubject<readonly PluginRecord[]>;
  readonly menuItems: BehaviorSubject<readonly MenuItemView[]>;
  readonly notices: Subject<Notice>;
  readonly fatalError: BehaviorSubject<Error | undefined>;
  /** What `join` answers, in order; the last one repeats. */
  joinOutcomes: JoinOutcome[];
  readonly calls: {
    join: { alias: string; displayName: string; pin?: string }[];
    leave: number;
    sendChat: string[];
    invokeMenuItem: { key: string; participant?: Participant }[];
    setPluginEnabled: { id: string; enabled: boolean }[];
    /** Self-media and conference controls, in order: `microphone:true`, `lock`, `unmuteguests`, … */
    controls: string[];
    selectTimelineEntry: string[];
  };
}

export function createFakeHost(): FakeHost {
  const connection = new BehaviorSubject<ConnectionState>({ kind: 'idle' });
  const media = new BehaviorSubject<MediaState>({ kind: 'off', reason: 'Not in a conference.' });
  const participants = new BehaviorSubject<readonly Participant[]>([]);
  const conference = new BehaviorSubject<ConferenceDetails>(conferenceDetails());
  const self = new BehaviorSubject<SelfView | undefined>(undefined);
  const selfMedia = new BehaviorSubject<SelfMediaState>({
    microphoneMuted: false,
    cameraMuted: false,
  });
  const timeline = new BehaviorSubject<readonly TimelineEntry[]>([]);
  const plugins = new BehaviorSubject<readonly PluginRecord[]>([]);
  const menuItems = new BehaviorSubject<readonly MenuItemView[]>([]);
  const notices = new Subject<Notice>();
  const fatalError = new BehaviorSubject<Error | undefined>(undefined);
  const calls: FakeHost['calls'] = {
    join: [],
    leave: 0,
    sendChat: [],
    invokeMenuItem: [],
    setPluginEnabled: [],
    controls: [],
    selectTimelineEntry: [],
  };
  const host: FakeHost = {
    connection,
    media,
    participants,
    conference,
    self,
    selfMedia,
    timeline,
    plugins,
    menuItems,
    notices,
    fatalError,
    joinOutcomes: [{ kind: 'joined', role: 'chair' }],
    calls,
    connection$: connection.asObservable(),
    media$: media.asObservable(),
    participants$: participants.asObservable(),
    conference$: conference.asObservable(),
    self$: self.asObservable(),
    selfMedia$: selfMedia.asObservable(),
    timeline$: timeline.asObservable(),
    plugins$: plugins.asObservable(),
    menuItems$: menuItems.asObservable(),
    notices$: notices.asObservable(),
    fatalError$: fatalError.asObservable(),
    async join(request) {
      calls.join.push({ ...request });
      const outcome =
        host.joinOutcomes.length > 1 ? host.joinOutcomes.shift() : host.joinOutcomes[0];
      if (outcome === undefined) throw new Error('FakeHost: no join outcome set');
      if (outcome.kind === 'joined') {
        self.next({
          uuid: 'self-uuid',
          role: outcome.role,
          displayName: request.displayName,
          alias: request.alias,
        });
        connection.next({ kind: 'connected' });
      }
      return outcome;
    },
    async leave() {
      calls.leave += 1;
      connection.next({ kind: 'idle' });
    },
    async sendChat(text) {
      calls.sendChat.push(text);
    },
    invokeMenuItem(key, participant) {
      calls.invokeMenuItem.push(participant === undefined ? { key } : { key, participant });
    },
    async setPluginEnabled(id, enabled) {
      calls.setPluginEnabled.push({ id, enabled });
    },
    setMicrophoneMuted(muted) {
      calls.controls.push(`microphone:${String(muted)}`);
      selfMedia.next({ ...selfMedia.value, microphoneMuted: muted });
    },
    setCameraMuted(muted) {
      calls.controls.push(`camera:${String(muted)}`);
      selfMedia.next({ ...selfMedia.value, cameraMuted: muted });
    },
    async setLocked(locked) {
      calls.controls.push(locked ? 'lock' : 'unlock');
    },
    async setGuestsMuted(muted) {
      calls.controls.push(muted ? 'muteguests' : 'unmuteguests');
    },
    selectTimelineEntry(id) {
      calls.selectTimelineEntry.push(id);
    },
  };
  return host;
}

export function conferenceDetails(overrides: Partial<ConferenceDetails> = {}): ConferenceDetails {
  return {
    locked: false,
    guestsMuted: false,
    chatEnabled: true,
    mediaType: 'video',
    started: true,
    ...overrides,
  };
}

/** A participant as the runtime would show it (the kit's one set of participant defaults). */
export function participant(
  overrides: Partial<Participant> & { uuid: string; name: string },
): Participant {
  return participantWithDefaults(overrides);
}

export function menuItem(
  overrides: Partial<MenuItemView> & Pick<MenuItemView, 'key' | 'placement'>,
): MenuItemView {
  return {
    pluginId: 'fixture-plugin',
    pluginName: 'Fixture plugin',
    action: 'doIt',
    iconUrl: null,
    label: null,
    hidden: false,
    ...overrides,
  };
}

export function pluginRecord(
  overrides: Partial<PluginRecord> & Pick<PluginRecord, 'id'>,
): PluginRecord {
  return {
    packageId: overrides.id,
    name: overrides.id,
    description: '',
    version: '1.0',
    enabled: true,
    allowUnload: true,
    status: { kind: 'loaded' },
    warnings: [],
    beyondTheGuide: [],
    ...overrides,
  };
}
