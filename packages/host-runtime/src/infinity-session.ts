import {
  ClientCallType,
  createCallSignals,
  createInfinityClient,
  createInfinityClientSignals,
  setLogger,
  type InfinityClient,
} from '@pexip/infinity';
import { setLogger as setPeerConnectionLogger } from '@pexip/peer-connection';
import { setLogger as setSignalLogger } from '@pexip/signal';
import type {
  NodeEvent,
  NodeJoinRequest,
  NodeJoinResult,
  NodeParticipant,
  NodeSessionFactory,
} from './node-session.js';
import { isRecord } from './participant-from-node.js';

/** The main room of `@pexip/infinity` (breakout rooms are out of scope for webapp2 plugins). */
const MAIN_ROOM = 'main';

function nodeParticipant(raw: unknown): NodeParticipant | undefined {
  if (!isRecord(raw) || typeof raw['uuid'] !== 'string') return undefined;
  return { ...raw, uuid: raw['uuid'] };
}

async function readJson(response: Response): Promise<unknown> {
  const body = await response.text();
  if (body === '') return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/**
 * `@pexip/infinity` (and `@pexip/peer-connection` under it) log every request, response, event
 * and negotiation step at info/debug level to the console; the host keeps their warnings and
 * errors only (the setting is global to each package).
 */
function quietInfinityLogs(): void {
  const drop = (): void => undefined;
  const logger = {
    fatal: (meta: unknown, message: string) => console.error(message, meta),
    error: (meta: unknown, message: string) => console.error(message, meta),
    warn: (meta: unknown, message: string) => console.warn(message, meta),
    info: drop,
    debug: drop,
    trace: drop,
    silent: drop,
    redact: (text: string) => text,
    addRedactPattern: drop,
  };
  setLogger(logger as unknown as Parameters<typeof setLogger>[0]);
  // The call's peer connection logs every negotiation step at info level through its own logger.
  setPeerConnectionLogger(logger as unknown as Parameters<typeof setPeerConnectionLogger>[0]);
  // The peer connection's own signals (ICE state) are emitted with no observer in @pexip/infinity
  // itself, and @pexip/signal warns "Emitting … without any observer!" at each change of every
  // call: nothing a plugin author can act on, in the console they read for their plugin.
  setSignalLogger({
    ...logger,
    warn: (meta: unknown, message: string) => {
      if (!message.includes('without any observer')) console.warn(message, meta);
    },
  } as unknown as Parameters<typeof setSignalLogger>[0]);
}

/** Reads `request_token`'s answer (what `client.call` returns) into a join result. */
function joinResult(
  answer: { status: number; data: unknown } | undefined,
  pinGiven: boolean,
): NodeJoinResult {
  if (!answer) return { kind: 'failed', message: 'The node did not answer request_token.' };
  const result = isRecord(answer.data) ? answer.data['result'] : undefined;
  if (answer.status === 200 && isRecord(result)) return { kind: 'joined', token: result };
  if (answer.status === 403 && isRecord(result) && 'pin' in result && 'guest_pin' in result) {
    return {
      kind: 'pin-required',
      hostPin: result['pin'] === 'required',
      guestPin: result['guest_pin'] === 'required',
      wrongPin: pinGiven,
    };
  }
  const message = typeof result === 'string' ? result : `request_token answered ${answer.status}`;
  return { kind: 'failed', message };
}

/**
 * The bandwidth asked for a call with media, in kbps: enough for 720p video and Opus audio.
 * (`request_token`'s `bandwidth_in`/`bandwidth_out`, when the node sets them, cap it.)
 */
const MEDIA_BANDWIDTH_KBPS = 1280;

/** `@pexip/infinity`'s error codes for a peer connection that `failed` / `closed` (call.js). */
const MEDIA_ERROR_CODES: ReadonlySet<string> = new Set(['#pex128', '#pex117']);

/**
 * `@pexip/infinity` 20 keeps its `RTCPeerConnection` private, but plugins read
 * `PEX.pexrtc.call.pc` (webapp2's PexRTC exposed it). While `call()` runs, the window's
 * constructor is replaced by a subclass that reports each instance, then restored:
 * `@pexip/peer-connection` creates the call's peer connection inside `call()` (`startCall`).
 */
async function observePeerConnections<T>(
  onCreated: (peerConnection: RTCPeerConnection) => void,
  run: () => Promise<T>,
): Promise<T> {
  const original = globalThis.RTCPeerConnection as typeof RTCPeerConnection | undefined;
  if (original === undefined) return run();
  globalThis.RTCPeerConnection = class extends original {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      onCreated(this);
    }
  };
  try {
    return await run();
  } finally {
    globalThis.RTCPeerConnection = original;
  }
}

/**
 * The node session on Pexip's official client, `@pexip/infinity` 20: `request_token` (PIN in
 * the `pin` header), token refresh, the event stream with its reconnect/backoff and
 * `participant_sync_*` handling, and `release_token`. With `media` the call sends and receives
 * audio and video and receives presentation (`ClientCallType.AudioVideoPresentation`, as Pexip's
 * own apps call), else it is control-only (`ClientCallType.None`). `stopMedia` turns a call
 * with media into a control-only one with `restartCall` (the token is kept).
 *
 * `@pexip/infinity` has no generic request, so plugin REST calls (`sendRequest`) go through
 * `fetch` here with the token the client currently holds (it rotates on every refresh).
 */
export const createInfinitySession: NodeSessionFactory = ({ nodeUrl }) => {
  const origin = new URL(nodeUrl).origin;
  quietInfinityLogs();
  const signals = createInfinityClientSignals([], {
    batchScheduleTimeoutMS: 0,
    // The joined/updated/left signals are batched into a ring buffer of this size until the next
    // tick, and @pexip/infinity 20 drops `emitImmediatelyWhenFull` on the way to @pexip/signal: a
    // small buffer silently overwrites all but the last participants of a burst. Large enough
    // that no burst between two ticks can overflow it.
    batchBufferSize: 100_000,
  });
  const callSignals = createCallSignals([]);
  const client: InfinityClient = createInfinityClient(signals, callSignals);
  // Most signals (media, layout, breakouts) have no use here; observing them all keeps
  // @pexip/signal from warning "Emitting … without any observer" on every event.
  for (const signal of [...Object.values(callSignals), ...Object.values(signals)]) {
    signal.add(() => undefined);
  }
  const listeners = new Set<(event: NodeEvent) => void>();
  let token: string | undefined;
  let alias: string | undefined;
  let joined = false;
  /** Media events are reported only while a call with media is up. */
  let mediaActive = false;
  let peerConnection: RTCPeerConnection | null = null;
  const emit = (event: NodeEvent): void => {
    for (const listener of listeners) listener(event);
  };

  const keepToken = (value: { token: string }): void => {
    token = value.token;
  };
  signals.onAuthenticatedWithConference.add(keepToken);
  signals.onTokenRefreshed.add(keepToken);
  signals.onParticipants.add(({ id, participants }) => {
    if (id !== MAIN_ROOM) return;
    const list = participants.flatMap((participant) => nodeParticipant(participant.rawData) ?? []);
    emit({ kind: 'participants', participants: list });
  });
  // Joins, updates and leaves arrive batched (arrays) from @pexip/infinity's signals.
  type RoomEvents = readonly { id: string; participant: { uuid: string; rawData: unknown } }[];
  const forward =
    (kind: 'participant-joined' | 'participant-updated') =>
    (events: RoomEvents): void => {
      for (const event of events) {
        const participant =
          event.id === MAIN_ROOM ? nodeParticipant(event.participant.rawData) : undefined;
        if (participant) emit({ kind, participant });
      }
    };
  signals.onParticipantJoined.add(forward('participant-joined'));
  signals.onParticipantUpdated.add(forward('participant-updated'));
  signals.onParticipantLeft.add((events: RoomEvents) => {
    for (const event of events) {
      if (event.id === MAIN_ROOM) emit({ kind: 'participant-left', uuid: event.participant.uuid });
    }
  });
  signals.onConferenceStatus.add(({ id, status }) => {
    if (id === MAIN_ROOM) emit({ kind: 'conference-status', status: { ...status.rawData } });
  });
  signals.onStage.add((stage) =>
    emit({
      kind: 'stage',
      stage: stage.map((entry) => ({
        uuid: entry.userId,
        stageIndex: entry.stageIndex,
        vad: entry.vad,
      })),
    }),
  );
  signals.onMessage.add((message) =>
    emit({
      kind: 'message',
      message: {
        origin: message.displayName,
        uuid: message.userId,
        type: 'text/plain',
        payload: message.message,
        direct: message.direct,
      },
    }),
  );
  callSignals.onRemoteStream.add((stream) => {
    if (mediaActive) emit({ kind: 'media-remote-stream', stream });
  });
  callSignals.onCallConnected.add(() => {
    if (mediaActive) emit({ kind: 'media-connected', peerConnection });
  });
  const mediaFailed = (reason: string): void => {
    if (!mediaActive) return;
    mediaActive = false;
    emit({ kind: 'media-failed', reason });
  };
  signals.onError.add(({ error, errorCode }) => {
    if (MEDIA_ERROR_CODES.has(errorCode)) mediaFailed(error);
  });
  // The node's `call_disconnected` event: @pexip/infinity has already closed the call's media.
  signals.onCallDisconnected.add(() => mediaFailed('the node ended the call'));
  signals.onConnected.add(() => {
    if (joined) emit({ kind: 'connected' });
  });
  signals.onDisconnected.add(({ error }) => {
    if (!joined) return;
    joined = false;
    emit({ kind: 'disconnected', reason: error });
  });

  const conferenceUrl = (conference: string): string =>
    `${origin}/api/client/v2/conferences/${encodeURIComponent(conference)}`;

  const callWith = (request: NodeJoinRequest) =>
    client.call({
      conferenceAlias: request.alias,
      displayName: request.displayName,
      ...(request.pin === undefined ? {} : { pin: request.pin === '' ? 'none' : request.pin }),
      host: origin,
      node: new URL(origin).host,
      ...(request.media === undefined
        ? { callType: ClientCallType.None, bandwidth: 0 }
        : {
            callType: ClientCallType.AudioVideoPresentation,
            bandwidth: MEDIA_BANDWIDTH_KBPS,
            mediaStream: request.media.stream,
          }),
      directMedia: false,
    });

  return {
    async join(request) {
      alias = request.alias;
      mediaActive = request.media !== undefined;
      peerConnection = null;
      const answer = await observePeerConnections(
        (created) => (peerConnection = created),
        () => callWith(request),
      );
      const result = joinResult(
        answer as { status: number; data: unknown } | undefined,
        request.pin !== undefined && request.pin !== '',
      );
      joined = result.kind === 'joined';
      if (!joined) mediaActive = false;
      return result;
    },
    async leave() {
      mediaActive = false;
      peerConnection = null;
      if (!joined) return;
      joined = false;
      await client.disconnect({ reason: 'User initiated disconnect' });
      token = undefined;
    },
    async stopMedia() {
      mediaActive = false;
      peerConnection = null;
      if (!joined) return;
      // Sends the call's `disconnect` and closes the peer connection, keeping the token and the
      // event stream; the new call is control-only, as when joining without media.
      await client.restartCall({ bandwidth: 0, callType: ClientCallType.None });
    },
    releaseOnPageExit() {
      if (!joined || !token || !alias) return;
      joined = false;
      mediaActive = false;
      void fetch(`${conferenceUrl(alias)}/release_token`, {
        method: 'POST',
        keepalive: true,
        headers: { token, 'Content-Type': 'application/json' },
        body: '{}',
      }).catch(() => undefined);
      // Also stop Pexip's client: its event stream, refresh and reconnect timers would otherwise
      // outlive the page's session (a page kept in the back/forward cache keeps running them,
      // and the node's closing of the stream starts its reconnect loop). Its own release_token
      // comes second and may be refused: nothing waits for it.
      void client.disconnect({ reason: 'Browser closed' }).catch(() => undefined);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async request(method, path, body) {
      if (!token || !alias) throw new Error('Not in a conference: join first.');
      const url = `${conferenceUrl(alias)}/${path.replace(/^\/+/, '')}`;
      const response = await fetch(url, {
        method,
        headers: { token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined || method === 'GET' ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await readJson(response) };
    },
  };
};
