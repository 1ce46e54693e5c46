import { ApiError, PexipError, success } from './api-response.js';
import {
  AVAILABLE_LAYOUTS,
  type ChatMessage,
  type Conference,
  type ConferenceStatus,
} from './conference.js';
import {
  answer,
  endpoints,
  mustHaveCaller,
  type EndpointContext,
  type EndpointHandler,
  type EndpointOutcome,
} from './endpoint-handler.js';
import type { NodeState } from './node-state.js';
import {
  optionalEither,
  optionalObject,
  optionalString,
  requireBoolean,
  requireObject,
  requireOneOf,
  requireString,
  type JsonObject,
} from './request-body.js';

/** Sets conference flags and announces them with `conference_update`, then runs `then`. */
function updateStatus(
  { conference }: EndpointContext,
  fields: Partial<ConferenceStatus>,
  then?: () => void,
): EndpointOutcome {
  return answer(success(true), () => {
    conference.updateStatus((status) => Object.assign(status, fields));
    then?.();
  });
}

/** Unlocking lets everyone waiting in: Pexip admits held guests when the lock is lifted. */
function unlock(context: EndpointContext): EndpointOutcome {
  const { conference } = context;
  return updateStatus(context, { locked: false }, () =>
    conference.updateEach((p) => p.service_type === 'waiting_room', {
      service_type: conference.serviceType,
    }),
  );
}

/** `muteguests` also mutes each guest (`is_muted: "YES"`), who then gets a `participant_update`. */
function guestsMuted(muted: boolean): EndpointHandler['handle'] {
  const value = muted ? 'YES' : 'NO';
  return (context) =>
    updateStatus(context, { guests_muted: muted }, () =>
      context.conference.updateEach((p) => p.role === 'guest' && p.is_muted !== value, {
        is_muted: value,
      }),
    );
}

function setGuestsCanUnmute(context: EndpointContext): EndpointOutcome {
  return updateStatus(context, { guests_can_unmute: requireBoolean(context.body, 'setting') });
}

/** Ends the conference for everyone, the caller included. */
function disconnect({ conference, state }: EndpointContext): EndpointOutcome {
  return answer(success(true), () => {
    for (const uuid of [...conference.members.keys()]) {
      state.dropParticipant(conference, uuid, PexipError.conferenceTerminated);
    }
  });
}

/**
 * The caller's chat message (`message`, to the conference or to one participant), refused while
 * chat is disabled. A payload over the size limit (README: limits) is refused, not cut.
 */
export function readChat(context: EndpointContext, direct: boolean): ChatMessage {
  const sender = mustHaveCaller(context).participant;
  const type = requireOneOf(context.body, 'type', ['text/plain', 'application/json'] as const);
  const payload = requireString(context.body, 'payload');
  checkChatPayloadSize(payload, context.state.options.chatMessageMaxBytes, 'Body field "payload"');
  if (!context.conference.chatEnabled) {
    throw new ApiError(403, 'Chat is disabled for this conference');
  }
  return { origin: sender.display_name, type, payload, uuid: sender.uuid, direct };
}

/**
 * Refuses a chat payload over `maxBytes` in UTF-8 with a 400 that starts with `label`, so the client
 * API and the mock control keep one limit and one wording.
 */
export function checkChatPayloadSize(payload: string, maxBytes: number, label: string): void {
  const bytes = Buffer.byteLength(payload);
  if (bytes > maxBytes) {
    throw new ApiError(
      400,
      `${label} is too long: ${bytes} bytes, the limit is ${maxBytes} bytes (UTF-8)`,
    );
  }
}

/** Chat to everyone else: the sender shows its own message locally (client-api-detail §5.4). */
function messageConference(context: EndpointContext): EndpointOutcome {
  const message = readChat(context, false);
  return answer(success(true), () => context.conference.sendChat(message, message.uuid));
}

/**
 * Stored and announced to everyone as a `layout` event. Unknown layout names answer 400
 * "Illegal value" (the Android SDK's `IllegalLayoutTransformException` fixture).
 */
function transformLayout({ conference, body }: EndpointContext): EndpointOutcome {
  const transforms = requireObject(body, 'transforms');
  const layout = optionalLayout(transforms, 'layout');
  const hostLayout = optionalLayout(transforms, 'host_layout') ?? layout;
  const guestLayout = optionalLayout(transforms, 'guest_layout') ?? layout;
  const overlay = transforms['enable_overlay_text'];
  if (overlay !== undefined && typeof overlay !== 'boolean') {
    throw new ApiError(400, 'Body field "enable_overlay_text" must be true or false');
  }
  optionalObject(transforms, 'streaming');
  return answer(success(true), () => {
    // `{}` resets to the conference's configured layout (webapp2 plugins send it to reset).
    const initial = conference.config.layout ?? 'ac';
    const isReset = Object.keys(transforms).length === 0;
    const { primary_screen: current } = conference.layout.requested_layout;
    const chair = isReset ? initial : (hostLayout ?? current.chair_layout);
    const guest = isReset ? initial : (guestLayout ?? current.guest_layout);
    conference.settings['transforms'] = transforms;
    conference.layout = {
      ...conference.layout,
      view: chair,
      requested_layout: { primary_screen: { chair_layout: chair, guest_layout: guest } },
      overlay_text_enabled: overlay ?? conference.layout.overlay_text_enabled,
    };
    conference.announceLayout();
  });
}

function optionalLayout(transforms: JsonObject, key: string): string | undefined {
  const value = optionalString(transforms, key);
  if (value === undefined) return undefined;
  if (!(AVAILABLE_LAYOUTS as readonly string[]).includes(value)) {
    throw new ApiError(400, 'Illegal value', 'Illegal value');
  }
  return value;
}

function clearAllBuzz({ conference }: EndpointContext): EndpointOutcome {
  return answer(success(true), () =>
    conference.updateEach((p) => p.buzz_time !== 0, { buzz_time: 0 }),
  );
}

/** Settings without an event of their own are kept for the snapshot. */
function keepSetting(
  { conference }: EndpointContext,
  key: string,
  value: unknown,
): EndpointOutcome {
  return answer(success(true), () => {
    conference.settings[key] = value;
  });
}

function availableLayouts({ query }: EndpointContext): EndpointOutcome {
  const annotate = query.get('annotate') === 'true';
  return answer(
    success(
      annotate ? AVAILABLE_LAYOUTS.map((name) => ({ name, tags: [] })) : [...AVAILABLE_LAYOUTS],
    ),
  );
}

/** A small picture of a layout: the main speakers' count as big tiles, the rest as a strip. */
function layoutSvg(name: string): string {
  const [main = 1] = name.split(':').map(Number);
  const tiles = Number.isFinite(main) && main > 0 ? Math.min(main, 25) : 1;
  const columns = Math.ceil(Math.sqrt(tiles));
  const size = 160 / columns;
  const rects = Array.from({ length: tiles }, (_, index) => {
    const x = (index % columns) * size;
    const y = Math.floor(index / columns) * (90 / columns);
    return `<rect x="${x + 1}" y="${y + 1}" width="${size - 2}" height="${90 / columns - 2}" fill="#888"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90">${rects.join('')}</svg>`;
}

function breakoutBuzz(raised: boolean): EndpointHandler['handle'] {
  return (context) =>
    keepSetting(context, `breakoutbuzz:${mustHaveCaller(context).participant.uuid}`, raised);
}

/** The mixes by name; only this function sets `settings.video_mixes`, always to an object. */
function videoMixes(conference: Conference): Record<string, unknown> {
  return (conference.settings['video_mixes'] ??= {}) as Record<string, unknown>;
}

function videoMixesCreate({ conference, body }: EndpointContext): EndpointOutcome {
  const mixName = requireString(body, 'mix_name');
  return answer(success(true), () => {
    videoMixes(conference)[mixName] = {};
  });
}

/** Changes the mix named in the path, which must exist: `undefined` deletes it. */
function changeVideoMix(
  { conference, params }: EndpointContext,
  transform: JsonObject | undefined,
): EndpointOutcome {
  const mixes = videoMixes(conference);
  const mixName = params['mixName'] ?? '';
  if (mixes[mixName] === undefined) throw new ApiError(404, `No video mix named "${mixName}"`);
  return answer(success(true), () => {
    if (transform === undefined) delete mixes[mixName];
    else mixes[mixName] = transform;
  });
}

/**
 * `dial`: each new participant starts `connecting` (`call_direction: "out"`, no media) and
 * connects after `dialConnectMs`; `streaming: "yes"` makes a streaming participant. A destination
 * that cannot be dialled gives Pexip's empty result (`result: []`; webapp2 plugins test
 * `result.length` to detect failure, see webapp2-in-the-wild.md).
 */
function dial({ conference, state, body }: EndpointContext): EndpointOutcome {
  const role = requireOneOf(body, 'role', ['HOST', 'GUEST'] as const);
  const destination = requireString(body, 'destination').trim();
  const protocol = requireOneOf(body, 'protocol', [
    'sip',
    'h323',
    'rtmp',
    'mssip',
    'auto',
  ] as const);
  const streaming = optionalEither(body, 'streaming', ['yes', 'no']);
  const dtmfSequence = optionalString(body, 'dtmf_sequence');
  const displayName =
    optionalString(body, 'remote_display_name') ?? optionalString(body, 'source_display_name');
  const overlayText = optionalString(body, 'text');
  const routedProtocol = routeProtocol(destination, protocol);
  if (!isDiallable(destination, routedProtocol)) return answer(success([]));
  const member = conference.addParticipant(
    {
      displayName: displayName ?? destination.replace(/^(sip:|rtmps?:\/\/)/, ''),
      role: role === 'HOST' ? 'chair' : 'guest',
      serviceType: 'connecting',
      protocol: routedProtocol === 'auto' ? 'sip' : routedProtocol,
      callDirection: 'out',
      uri: destination,
      streaming: streaming === 'yes',
      overlayText,
    },
    'dial',
  );
  const uuid = member.participant.uuid;
  return answer(success([uuid]), () => connectLater(state, conference, uuid, dtmfSequence));
}

function connectLater(
  state: NodeState,
  conference: Conference,
  uuid: string,
  dtmfSequence: string | undefined,
): void {
  state.later(state.options.dialConnectMs, () => {
    conference.updateParticipant(uuid, (p) => {
      p.service_type = conference.serviceType;
      p.has_media = true;
    });
    const member = conference.member(uuid);
    if (member !== undefined && dtmfSequence !== undefined && dtmfSequence !== '') {
      member.dtmf.push(dtmfSequence);
    }
  });
}

/**
 * With `protocol: "auto"` a real node's call routing picks the protocol from the destination; the
 * seed's recording plugin relies on this, dialling an `rtmp://` URL with `'auto'`.
 */
function routeProtocol<P extends string>(destination: string, protocol: P): P | 'rtmp' {
  if (protocol === 'auto' && /^rtmps?:\/\//i.test(destination)) return 'rtmp';
  return protocol;
}

/**
 * A destination the mock pretends to reach: a SIP/H.323/Lync URI or alias without spaces, or an
 * `rtmp://`/`rtmps://` URL for RTMP. Anything else fails like an unreachable endpoint.
 */
function isDiallable(destination: string, protocol: string): boolean {
  if (destination === '' || /\s/.test(destination) || destination.length > 255) return false;
  if (protocol === 'rtmp') return /^rtmps?:\/\/[^/]+/.test(destination);
  return /^(sip:)?[A-Za-z0-9._+-]+(@[A-Za-z0-9.-]+)?$/.test(destination);
}

export const conferenceHandlers = endpoints('conference', [
  ['dial', 'POST dial', 'host', dial],
  [
    'conferenceStatus',
    'GET conference_status',
    'member',
    ({ conference }) => answer(success(conference.status)),
  ],
  ['lock', 'POST lock', 'host', (context) => updateStatus(context, { locked: true })],
  ['unlock', 'POST unlock', 'host', unlock],
  [
    'startConference',
    'POST start_conference',
    'host',
    (context) => updateStatus(context, { started: true }),
  ],
  ['muteguests', 'POST muteguests', 'host', guestsMuted(true)],
  ['unmuteguests', 'POST unmuteguests', 'host', guestsMuted(false)],
  ['setGuestsCanUnmute', 'POST set_guests_can_unmute', 'host', setGuestsCanUnmute],
  ['disconnect', 'POST disconnect', 'host', disconnect],
  ['messageConference', 'POST message', 'member', messageConference],
  [
    'participants',
    'GET participants',
    'member',
    ({ conference }) =>
      answer(success([...conference.members.values()].map((member) => member.participant))),
  ],
  ['transformLayout', 'POST transform_layout', 'host', transformLayout],
  ['clearAllBuzz', 'POST clearallbuzz', 'host', clearAllBuzz],
  [
    'silentVideoDetection',
    'POST silent_video_detection',
    'host',
    (context) =>
      keepSetting(context, 'silent_video_detection', requireObject(context.body, 'config')),
  ],
  // 204 means "no theme": webapp3 calls it right after `request_token` (client-api.md, pitfall 9).
  ['theme', 'GET theme/', 'member', () => answer({ httpStatus: 204, body: undefined })],
  ['availableLayouts', 'GET available_layouts', 'member', availableLayouts],
  [
    'layoutSvgs',
    'GET layout_svgs',
    'member',
    () =>
      answer(success(Object.fromEntries(AVAILABLE_LAYOUTS.map((name) => [name, layoutSvg(name)])))),
  ],
  ['guestBreakoutBuzz', 'POST breakoutbuzz', 'member', breakoutBuzz(true)],
  ['guestClearBreakoutBuzz', 'POST clearbreakoutbuzz', 'member', breakoutBuzz(false)],
  ['videoMixesCreate', 'POST video_mixes/create', 'host', videoMixesCreate],
  [
    'videoMixesConfigure',
    'POST video_mixes/:mixName/configure',
    'host',
    (context) => changeVideoMix(context, optionalObject(context.body, 'transform_layout') ?? {}),
  ],
  [
    'videoMixesDelete',
    'POST video_mixes/:mixName/delete',
    'host',
    (context) => changeVideoMix(context, undefined),
  ],
]);
