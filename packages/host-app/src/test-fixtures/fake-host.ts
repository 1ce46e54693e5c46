/**
 * An in-memory stand-in for `@ipk/host-runtime`'s `Host`, for view tests: every stream is a
 * subject the test pushes to, every call is recorded. It has no plugin logic: tests state what the
 * runtime would say and check what the user sees and what the app asks for.
 */
import { BehaviorSubject, Subject } from 'rxjs';
import type {
  AppAction,
  AppHost,
  ChatMessage,
  ConferenceControls,
  ConferenceDetails,
  ConnectionState,
  JoinOutcome,
  MediaState,
  MenuItemView,
  Notice,
  Participant,
  PluginRecord,
  SelfView,
} from '../app-host.js';

export interface FakeHost extends AppHost {
  readonly connection: BehaviorSubject<ConnectionState>;
  readonly media: BehaviorSubject<MediaState>;
  readonly participants: BehaviorSubject<readonly Participant[]>;
  readonly conference: BehaviorSubject<ConferenceDetails>;
  readonly self: BehaviorSubject<SelfView | undefined>;
  readonly chat: BehaviorSubject<readonly ChatMessage[]>;
  readonly plugins: BehaviorSubject<readonly PluginRecord[]>;
  readonly menuItems: BehaviorSubject<readonly MenuItemView[]>;
  readonly notices: Subject<Notice>;
  readonly fatalError: BehaviorSubject<Error | undefined>;
  readonly appActions: Subject<AppAction>;
  /** What `join` answers, in order; the last one repeats. */
  joinOutcomes: JoinOutcome[];
  readonly calls: {
    join: { alias: string; displayName: string; pin?: string }[];
    leave: number;
    sendChat: string[];
    invokeMenuItem: { key: string; participant?: Participant }[];
    setPluginEnabled: { id: string; enabled: boolean }[];
    dispatchAppAction: AppAction[];
  };
}

export function createFakeHost(): FakeHost {
  const connection = new BehaviorSubject<ConnectionState>({ kind: 'idle' });
  const media = new BehaviorSubject<MediaState>({ kind: 'off', reason: 'Not in a conference.' });
  const participants = new BehaviorSubject<readonly Participant[]>([]);
  const conference = new BehaviorSubject<ConferenceDetails>(conferenceDetails());
  const self = new BehaviorSubject<SelfView | undefined>(undefined);
  const chat = new BehaviorSubject<readonly ChatMessage[]>([]);
  const plugins = new BehaviorSubject<readonly PluginRecord[]>([]);
  const menuItems = new BehaviorSubject<readonly MenuItemView[]>([]);
  const notices = new Subject<Notice>();
  const fatalError = new BehaviorSubject<Error | undefined>(undefined);
  const appActions = new Subject<AppAction>();
  const calls: FakeHost['calls'] = {
    join: [],
    leave: 0,
    sendChat: [],
    invokeMenuItem: [],
    setPluginEnabled: [],
    dispatchAppAction: [],
  };
  const host: FakeHost = {
    connection,
    media,
    participants,
    conference,
    self,
    chat,
    plugins,
    menuItems,
    notices,
    fatalError,
    appActions,
    joinOutcomes: [{ kind: 'joined', role: 'chair' }],
    calls,
    connection$: connection.asObservable(),
    media$: media.asObservable(),
    participants$: participants.asObservable(),
    conference$: conference.asObservable(),
    self$: self.asObservable(),
    chat$: chat.asObservable(),
    plugins$: plugins.asObservable(),
    menuItems$: menuItems.asObservable(),
    notices$: notices.asObservable(),
    fatalError$: fatalError.asObservable(),
    appActions$: appActions.asObservable(),
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
    dispatchAppAction(action) {
      calls.dispatchAppAction.push(action);
    },
  };
  return host;
}

export interface FakeControls extends ConferenceControls {
  readonly requests: string[];
}

export function createFakeControls(): FakeControls {
  const requests: string[] = [];
  return {
    requests,
    async setLocked(locked) {
      requests.push(locked ? 'lock' : 'unlock');
    },
    async setGuestsMuted(muted) {
      requests.push(muted ? 'muteguests' : 'unmuteguests');
    },
  };
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

export function participant(
  overrides: Partial<Participant> & { uuid: string; name: string },
): Participant {
  return {
    role: 'guest',
    uri: `${overrides.name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    startTime: 1_700_000_000,
    protocol: 'api',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: false,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: 0,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...overrides,
  };
}

export function menuItem(
  overrides: Partial<MenuItemView> & Pick<MenuItemView, 'key' | 'placement'>,
): MenuItemView {
  return {
    pluginId: 'fixture-plugin',
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
    status: 'loaded',
    warnings: [],
    ...overrides,
  };
}
