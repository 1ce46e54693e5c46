import { ApiError, PexipError, success } from './api-response.js';
import { AVAILABLE_LAYOUTS, type Conference, type ConferenceStatus } from './conference.js';
import { answer, type EndpointHandler } from './endpoint-handler.js';
import { unixSeconds, type NodeState } from './node-state.js';
import {
  optionalObject,
  optionalString,
  requireBoolean,
  requireObject,
  requireOneOf,
  requireString,
  type JsonObject,
} from './request-body.js';
import { mustHaveCaller } from './token-handlers.js';

/** An endpoint that flips conference flags and announces them with `conference_update`. */
function statusChange(
  name: string,
  path: string,
  change: (status: ConferenceStatus, conference: Conference) => void,
): EndpointHandler {
  return {
    name,
    method: 'POST',
    scope: 'conference',
    path,
    access: 'host',
    handle: ({ conference }) =>
      answer(success(true), () => conference.updateStatus((status) => change(status, conference))),
  };
}

const conferenceStatus: EndpointHandler = {
  name: 'conferenceStatus',
  method: 'GET',
  scope: 'conference',
  path: 'conference_status',
  access: 'member',
  handle: ({ conference }) => answer(success(conference.status)),
};

const participants: EndpointHandler = {
  name: 'participants',
  method: 'GET',
  scope: 'conference',
  path: 'participants',
  access: 'member',
  handle: ({ conference }) =>
    answer(success([...conference.members.values()].map((member) => member.participant))),
};

const lock = statusChange('lock', 'lock', (status) => {
  status.locked = true;
});

/** Unlocking lets everyone waiting in: Pexip admits held guests when the lock is lifted. */
const unlock: EndpointHandler = {
  name: 'unlock',
  method: 'POST',
  scope: 'conference',
  path: 'unlock',
  access: 'host',
  handle: ({ conference }) =>
    answer(success(true), () => {
      conference.updateStatus((status) => {
        status.locked = false;
      });
      admitWaiting(conference);
    }),
};

const startConference = statusChange('startConference', 'start_conference', (status) => {
  status.started = true;
});

/** `muteguests` also mutes each guest (`is_muted: "YES"`), who then gets a `participant_update`. */
const muteguests: EndpointHandler = {
  name: 'muteguests',
  method: 'POST',
  scope: 'conference',
  path: 'muteguests',
  access: 'host',
  handle: ({ conference }) =>
    answer(success(true), () => {
      conference.updateStatus((status) => {
        status.guests_muted = true;
      });
      setGuestsMuted(conference, 'YES');
    }),
};

const unmuteguests: EndpointHandler = {
  name: 'unmuteguests',
  method: 'POST',
  scope: 'conference',
  path: 'unmuteguests',
  access: 'host',
  handle: ({ conference }) =>
    answer(success(true), () => {
      conference.updateStatus((status) => {
        status.guests_muted = false;
      });
      setGuestsMuted(conference, 'NO');
    }),
};

const setGuestsCanUnmute: EndpointHandler = {
  name: 'setGuestsCanUnmute',
  method: 'POST',
  scope: 'conference',
  path: 'set_guests_can_unmute',
  access: 'host',
  handle: ({ conference, body }) => {
    const setting = requireBoolean(body, 'setting');
    return answer(success(true), () =>
      conference.updateStatus((status) => {
        status.guests_can_unmute = setting;
      }),
    );
  },
};

/** Ends the conference for everyone, the caller included. */
const disconnect: EndpointHandler = {
  name: 'disconnect',
  method: 'POST',
  scope: 'conference',
  path: 'disconnect',
  access: 'host',
  handle: ({ conference, state }) =>
    answer(success(true), () => {
      for (const uuid of [...conference.members.keys()]) {
        state.dropParticipant(conference, uuid, PexipError.conferenceTerminated);
      }
    }),
};

/** Chat to everyone else: the sender shows its own message locally (client-api-detail §5.4). */
const messageConference: EndpointHandler = {
  name: 'messageConference',
  method: 'POST',
  scope: 'conference',
  path: 'message',
  access: 'member',
  handle: ({ state, conference, caller, body }) => {
    const sender = mustHaveCaller(caller);
    const message = readChatMessage(body, state.options.chatMessageMaxBytes);
    if (!conference.chatEnabled) throw new ApiError(403, 'Chat is disabled for this conference');
    return answer(success(true), () => {
      const received = {
        origin: sender.participant.display_name,
        ...message,
        uuid: sender.participant.uuid,
        direct: false,
      };
      conference.sendChat(received, sender.participant.uuid);
    });
  },
};

export function readChatMessage(
  body: JsonObject,
  maxBytes: number,
): {
  type: 'text/plain' | 'application/json';
  payload: string;
} {
  const type = requireOneOf(body, 'type', ['text/plain', 'application/json'] as const);
  const payload = requireChatPayload(body, 'payload', maxBytes);
  return { type, payload };
}

/** A chat payload within the size limit (README: limits); longer ones are refused, not cut. */
export function requireChatPayload(body: JsonObject, key: string, maxBytes: number): string {
  const payload = requireString(body, key);
  checkChatPayloadSize(payload, maxBytes, `Body field "${key}"`);
  return payload;
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

/**
 * Stored and announced to everyone as a `layout` event. Unknown layout names answer 400
 * "Illegal value" (the Android SDK's `IllegalLayoutTransformException` fixture).
 */
const transformLayout: EndpointHandler = {
  name: 'transformLayout',
  method: 'POST',
  scope: 'conference',
  path: 'transform_layout',
  access: 'host',
  handle: ({ conference, body }) => {
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
      const chair = isReset
        ? initial
        : (hostLayout ?? conference.layout.requested_layout.primary_screen.chair_layout);
      const guest = isReset
        ? initial
        : (guestLayout ?? conference.layout.requested_layout.primary_screen.guest_layout);
      conference.settings['transforms'] = transforms;
      conference.layout = {
        ...conference.layout,
        view: chair,
        requested_layout: { primary_screen: { chair_layout: chair, guest_layout: guest } },
        overlay_text_enabled: overlay ?? conference.layout.overlay_text_enabled,
      };
      conference.announceLayout();
    });
  },
};

function optionalLayout(transforms: JsonObject, key: string): string | undefined {
  const value = optionalString(transforms, key);
  if (value === undefined) return undefined;
  if (!(AVAILABLE_LAYOUTS as readonly string[]).includes(value)) {
    throw new ApiError(400, 'Illegal value', 'Illegal value');
  }
  return value;
}

const clearAllBuzz: EndpointHandler = {
  name: 'clearAllBuzz',
  method: 'POST',
  scope: 'conference',
  path: 'clearallbuzz',
  access: 'host',
  handle: ({ conference }) =>
    answer(success(true), () => {
      for (const member of conference.members.values()) {
        if (member.participant.buzz_time !== 0) {
          conference.updateParticipant(member.participant.uuid, (p) => {
            p.buzz_time = 0;
          });
        }
      }
    }),
};

const silentVideoDetection: EndpointHandler = {
  name: 'silentVideoDetection',
  method: 'POST',
  scope: 'conference',
  path: 'silent_video_detection',
  access: 'host',
  handle: ({ conference, body }) => {
    const config = requireObject(body, 'config');
    return answer(success(true), () => {
      conference.settings['silent_video_detection'] = config;
    });
  },
};

/** 204 means "no theme": webapp3 calls it right after `request_token` (client-api.md, pitfall 9). */
const theme: EndpointHandler = {
  name: 'theme',
  method: 'GET',
  scope: 'conference',
  path: 'theme/',
  access: 'member',
  handle: () => answer({ httpStatus: 204, body: undefined }),
};

const availableLayouts: EndpointHandler = {
  name: 'availableLayouts',
  method: 'GET',
  scope: 'conference',
  path: 'available_layouts',
  access: 'member',
  handle: ({ query }) =>
    answer(
      success(
        query.get('annotate') === 'true'
          ? AVAILABLE_LAYOUTS.map((name) => ({ name, tags: [] }))
          : [...AVAILABLE_LAYOUTS],
      ),
    ),
};

const layoutSvgs: EndpointHandler = {
  name: 'layoutSvgs',
  method: 'GET',
  scope: 'conference',
  path: 'layout_svgs',
  access: 'member',
  handle: () =>
    answer(success(Object.fromEntries(AVAILABLE_LAYOUTS.map((name) => [name, layoutSvg(name)])))),
};

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

function breakoutBuzz(name: string, path: string, raised: boolean): EndpointHandler {
  return {
    name,
    method: 'POST',
    scope: 'conference',
    path,
    access: 'member',
    handle: ({ conference, caller }) => {
      const member = mustHaveCaller(caller);
      return answer(success(true), () => {
        conference.settings[`breakoutbuzz:${member.participant.uuid}`] = raised;
      });
    },
  };
}

const videoMixesCreate: EndpointHandler = {
  name: 'videoMixesCreate',
  method: 'POST',
  scope: 'conference',
  path: 'video_mixes/create',
  access: 'host',
  handle: ({ conference, body }) => {
    const mixName = requireString(body, 'mix_name');
    return answer(success(true), () => {
      videoMixes(conference)[mixName] = {};
    });
  },
};

const videoMixesConfigure: EndpointHandler = {
  name: 'videoMixesConfigure',
  method: 'POST',
  scope: 'conference',
  path: 'video_mixes/:mixName/configure',
  access: 'host',
  handle: ({ conference, body, params }) => {
    const transform = optionalObject(body, 'transform_layout') ?? {};
    const mixes = videoMixes(conference);
    const mixName = params['mixName'] ?? '';
    if (mixes[mixName] === undefined) throw new ApiError(404, `No video mix named "${mixName}"`);
    return answer(success(true), () => {
      mixes[mixName] = transform;
    });
  },
};

const videoMixesDelete: EndpointHandler = {
  name: 'videoMixesDelete',
  method: 'POST',
  scope: 'conference',
  path: 'video_mixes/:mixName/delete',
  access: 'host',
  handle: ({ conference, params }) => {
    const mixes = videoMixes(conference);
    const mixName = params['mixName'] ?? '';
    if (mixes[mixName] === undefined) throw new ApiError(404, `No video mix named "${mixName}"`);
    return answer(success(true), () => {
      delete mixes[mixName];
    });
  },
};

function videoMixes(conference: Conference): Record<string, unknown> {
  const existing = conference.settings['video_mixes'];
  if (typeof existing === 'object' && existing !== null) return existing as Record<string, unknown>;
  const mixes: Record<string, unknown> = {};
  conference.settings['video_mixes'] = mixes;
  return mixes;
}

export function admitWaiting(conference: Conference): void {
  for (const member of conference.members.values()) {
    if (member.participant.service_type === 'waiting_room') {
      conference.updateParticipant(member.participant.uuid, (p) => {
        p.service_type = conference.serviceType;
      });
    }
  }
}

function setGuestsMuted(conference: Conference, value: 'YES' | 'NO'): void {
  for (const member of conference.members.values()) {
    if (member.participant.role === 'guest' && member.participant.is_muted !== value) {
      conference.updateParticipant(member.participant.uuid, (p) => {
        p.is_muted = value;
      });
    }
  }
}

/**
 * `dial`: each new participant starts `connecting` (`call_direction: "out"`, no media) and
 * connects after `dialConnectMs`; `streaming: "yes"` makes a streaming participant. A destination
 * that cannot be dialled gives Pexip's empty result (`result: []`; webapp2 plugins test
 * `result.length` to detect failure, see webapp2-in-the-wild.md).
 */
const dial: EndpointHandler = {
  name: 'dial',
  method: 'POST',
  scope: 'conference',
  path: 'dial',
  access: 'host',
  handle: ({ conference, state, body }) => {
    const role = requireOneOf(body, 'role', ['HOST', 'GUEST'] as const);
    const destination = requireString(body, 'destination').trim();
    const protocol = requireOneOf(body, 'protocol', [
      'sip',
      'h323',
      'rtmp',
      'mssip',
      'auto',
    ] as const);
    const streaming = optionalString(body, 'streaming');
    if (streaming !== undefined && streaming !== 'yes' && streaming !== 'no') {
      throw new ApiError(400, 'Body field "streaming" must be "yes" or "no"');
    }
    const dtmfSequence = optionalString(body, 'dtmf_sequence');
    const displayName =
      optionalString(body, 'remote_display_name') ?? optionalString(body, 'source_display_name');
    const overlayText = optionalString(body, 'text');
    const routedProtocol = routeProtocol(destination, protocol);
    if (!isDiallable(destination, routedProtocol)) return answer(success([]));
    const nodeProtocol = routedProtocol === 'auto' ? 'sip' : routedProtocol;
    const member = conference.addParticipant(
      {
        displayName: displayName ?? destination.replace(/^(sip:|rtmps?:\/\/)/, ''),
        role: role === 'HOST' ? 'chair' : 'guest',
        serviceType: 'connecting',
        protocol: nodeProtocol,
        callDirection: 'out',
        uri: destination,
        streaming: streaming === 'yes',
        ...(overlayText === undefined ? {} : { overlayText }),
        startTime: unixSeconds(),
      },
      'dial',
    );
    const uuid = member.participant.uuid;
    return answer(success([uuid]), () => connectLater(state, conference, uuid, dtmfSequence));
  },
};

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
export function routeProtocol<P extends string>(destination: string, protocol: P): P | 'rtmp' {
  if (protocol === 'auto' && /^rtmps?:\/\//i.test(destination)) return 'rtmp';
  return protocol;
}

/**
 * A destination the mock pretends to reach: a SIP/H.323/Lync URI or alias without spaces, or an
 * `rtmp://`/`rtmps://` URL for RTMP. Anything else fails like an unreachable endpoint.
 */
export function isDiallable(destination: string, protocol: string): boolean {
  if (destination === '' || /\s/.test(destination) || destination.length > 255) return false;
  if (protocol === 'rtmp') return /^rtmps?:\/\/[^/]+/.test(destination);
  return /^(sip:)?[A-Za-z0-9._+-]+(@[A-Za-z0-9.-]+)?$/.test(destination);
}

export const conferenceHandlers: readonly EndpointHandler[] = [
  dial,
  conferenceStatus,
  lock,
  unlock,
  startConference,
  muteguests,
  unmuteguests,
  setGuestsCanUnmute,
  disconnect,
  messageConference,
  participants,
  transformLayout,
  clearAllBuzz,
  silentVideoDetection,
  theme,
  availableLayouts,
  layoutSvgs,
  breakoutBuzz('guestBreakoutBuzz', 'breakoutbuzz', true),
  breakoutBuzz('guestClearBreakoutBuzz', 'clearbreakoutbuzz', false),
  videoMixesCreate,
  videoMixesConfigure,
  videoMixesDelete,
];
