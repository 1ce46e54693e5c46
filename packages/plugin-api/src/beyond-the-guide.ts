/**
 * What a plugin may use beyond Pexip's client plugin guide (the seed), and why each one may break at
 * the next Infinity upgrade. One catalogue for every tool: `ipk-branding check` feeds it what the
 * probe host saw a plugin do, the host feeds it what it saw live (Settings > Plugins), and both
 * print the same findings. Sources: webapp2-in-the-wild.md and Pexip's `pexip/plugin-*` gallery.
 * Browser-safe: data and string matching only.
 */
import { ACTIONS, WEBAPP2_ACTION_TYPES } from './pex-actions.js';

/** What kind of thing a plugin used. */
export type PluginUseKind = 'pex' | 'action-type' | 'dom' | 'global' | 'keyboard' | 'page-path';

/** One thing a plugin did, as a host saw it. */
export interface PluginUse {
  readonly kind: PluginUseKind;
  /**
   * `pex`: the member as written, `PEX.pexrtc`, `PEX.pluginAPI.getPluginMenuItem`,
   * `dialogRef.viewInit$`. `action-type`: the NgRx type string. `dom`: the selector a plugin
   * queried (`#mainVideo` for `getElementById('mainVideo')`). `global`: `PexRTC`. `keyboard`: the
   * key of a keyboard event sent to the window. `page-path`: a URL the plugin loads relative to
   * the page (`./custom_configuration/plugins/x/a.css`).
   */
  readonly name: string;
  /** When it was seen: `top level`, `load()`, `on '[Conference] Connect Success'`, `source text`… */
  readonly where?: string;
}

/** One catalogue entry: a thing webapp2 has that the plugin guide does not document. */
export interface BeyondTheGuideEntry {
  readonly kind: PluginUseKind;
  /** The use's name (for `dom`: an `#id`, `.class` or element name found in the selector). */
  readonly name: string;
  /** What the plugin did, as the report says it: `reads #mainVideo`. */
  readonly what: string;
  /** One line: what it is in webapp2 and who relies on it. */
  readonly reason: string;
}

/** A catalogue entry a plugin was seen to use, with when. */
export interface BeyondTheGuideFinding extends BeyondTheGuideEntry {
  /** Each place it was seen, in order, without repeats (`source text`: found by reading, not running). */
  readonly where: readonly string[];
}

/** What the reader is told each kind is, after `what`. */
const KIND_LABEL: Readonly<Record<PluginUseKind, string>> = {
  pex: 'webapp2 internals',
  'action-type': 'webapp2 NgRx action',
  dom: 'webapp2 DOM',
  global: 'webapp2 internals',
  keyboard: 'webapp2 keyboard shortcut',
  'page-path': 'Conferencing Node path',
};

/** Where text found by reading the source (not by running it) is said to come from. */
export const SOURCE_TEXT = 'source text';

/**
 * The `PEX` members the guide documents ("Plugin API functions", "Observables / promises",
 * "Query parameters"): using them is not a finding.
 */
export const DOCUMENTED_PEX_MEMBERS: readonly string[] = [
  'PEX.pluginAPI',
  'PEX.pluginAPI.registerPlugin',
  'PEX.pluginAPI.createNewState',
  'PEX.pluginAPI.sendRequest',
  'PEX.pluginAPI.openTemplateDialog',
  'PEX.pluginAPI.spotlightOnParticipant',
  'PEX.pluginAPI.spotlightOffParticipant',
  'PEX.pluginAPI.dialOut',
  'PEX.pluginAPI.disconnectParticipant',
  'PEX.pluginAPI.changeConferenceLayout',
  'PEX.pluginAPI.transformConferenceLayout',
  'PEX.pluginAPI.sendChatMessage',
  'PEX.actions$',
  'PEX.actions',
  'PEX.conferenceQueryParams',
  'dialogRef.close',
  'dialogRef.close$',
];

/** The guide's `PEX.actions` names ("window.PEX.actions$"): DISCONNECT_SUCCESS is not among them. */
const GUIDE_ACTION_NAMES = [
  'SEND_CHAT_MESSAGE',
  'RECEIVE_CHAT_MESSAGE',
  'SELECT_EVENT',
  'PARTICIPANT_CONNECT_SUCCESS',
  'PARTICIPANT_DISCONNECT_SUCCESS',
] as const;
const GUIDE_ACTION_TYPES: ReadonlySet<string> = new Set(
  GUIDE_ACTION_NAMES.map((name) => ACTIONS[name]),
);

function dom(name: string, reason: string): BeyondTheGuideEntry {
  return { kind: 'dom', name, what: `reads ${name}`, reason };
}

function pex(name: string, what: string, reason: string): BeyondTheGuideEntry {
  return { kind: 'pex', name, what, reason };
}

function pagePath(name: string, reason: string): BeyondTheGuideEntry {
  return { kind: 'page-path', name, what: `loads files from ${name}`, reason };
}

function actionType(name: string, reason: string): BeyondTheGuideEntry {
  return { kind: 'action-type', name, what: `uses the action '${name}'`, reason };
}

/** Why each webapp2 action type in `WEBAPP2_ACTION_TYPES` is read or dispatched, and by whom. */
const ACTION_TYPE_REASONS: Readonly<Record<keyof typeof WEBAPP2_ACTION_TYPES, string>> = {
  CONNECT_SUCCESS:
    'the join; its payload {alias, displayName, joinRole, serviceType} is webapp2 state (maintain-url, survey, change-layout, mtw)',
  CONNECT_FAIL: 'a failed join; payload {msg} (an interpretation sample)',
  DISCONNECT: 'the user asked to leave',
  DISCONNECT_SUCCESS:
    'the end of the call; PEX.actions.DISCONNECT_SUCCESS is not in the guide either (survey, server-mute-notifier)',
  SET_SELF_UUID: "the user's own participant uuid (server-mute-notifier)",
  PARTICIPANT_MUTED_CHANGED:
    'a server-side mute changed, payload {uuid, muted} (server-mute-notifier)',
  BUZZ_CHANGED: 'a raised hand, payload {buzzTime, name} (raise-hand-notification)',
  MUTE_MICROPHONE: "the app's own mute button; dispatching it mutes the microphone (start-muted)",
  UNMUTE_MICROPHONE: "the app's own unmute button",
  MUTE_CAMERA: 'dispatching it mutes the camera (start-muted, video-mute-participant)',
  UNMUTE_CAMERA: 'dispatching it unmutes the camera (video-mute-participant)',
  SET_REMOTE_CALL_TYPE: 'the call type webapp2 settled on',
  HOME_SCREEN_STATE: "webapp2's home screen state",
  SET_LOCAL_MEDIA_STREAM: 'the local camera and microphone stream, payload {stream}',
};

const ACTION_TYPE_ENTRIES: readonly BeyondTheGuideEntry[] = (
  Object.keys(WEBAPP2_ACTION_TYPES) as (keyof typeof WEBAPP2_ACTION_TYPES)[]
).map((key) => actionType(WEBAPP2_ACTION_TYPES[key], ACTION_TYPE_REASONS[key]));

/** The catalogue. Each entry: something real webapp2 plugins use that the guide does not offer. */
export const BEYOND_THE_GUIDE: readonly BeyondTheGuideEntry[] = [
  pex(
    'PEX.dispatchAction',
    'calls PEX.dispatchAction',
    "sends NgRx actions into webapp2's store (start-muted, video-mute-participant)",
  ),
  pex(
    'PEX.pexrtc',
    'uses PEX.pexrtc',
    "webapp2's PexRTC call object: conference_name, uuid, role, callbacks it replaces (breakout-rooms, anonymizer, hide-api-users)",
  ),
  pex(
    'PEX.selfUUID',
    'reads PEX.selfUUID',
    "the user's own participant uuid (video-mute-participant)",
  ),
  pex(
    'PEX.pluginAPI.getPluginMenuItem',
    'calls PEX.pluginAPI.getPluginMenuItem',
    'finds a menu item by its id to hide or show it; menu item ids are not in the guide either',
  ),
  pex(
    'dialogRef.viewInit$',
    'waits for dialogRef.viewInit$',
    'an older dialog API: the guide documents only close$ and the promise',
  ),
  pex(
    'openTemplateDialog().subscribe',
    'subscribes to what openTemplateDialog returns',
    'older webapp2 versions returned an Observable; the guide documents a Promise',
  ),
  {
    kind: 'global',
    name: 'PexRTC',
    what: 'looks for the PexRTC class',
    reason:
      "the global PexRTC, or walking window for constructor.name === 'PexRTC' to find the call object (older plugins)",
  },
  ...ACTION_TYPE_ENTRIES,
  dom('#mainVideo', 'the main video element (screenshot reads its frames)'),
  dom('#selfviewVideo', 'the self-view video element (screenshot)'),
  dom(
    '#conference-container',
    'the conference page; its class has sidebar-open while the side panel is open (chat-notify)',
  ),
  dom('#pex-sidebar-container', 'the side panel (chat-notify)'),
  dom('.pex-sidebar__list', 'the side panel list (chat-notify)'),
  dom('pex-roster-list', 'the roster element; class hide while hidden (chat-notify)'),
  dom('#conference-stage-container', 'the stage; raise-hand-notification appends its toasts to it'),
  dom(
    '#toolbar-audio-on__button-container',
    'the microphone button container (server-mute-notifier replaces the button)',
  ),
  dom(
    '#toolbar-audio-off__button-container',
    'the microphone button container while muted (server-mute-notifier)',
  ),
  dom('.toolbar-audio-bar-fill', "the toolbar's audio level meter (older plugins)"),
  ...['s', 'S'].map((key): BeyondTheGuideEntry => ({
    kind: 'keyboard',
    name: key,
    what: `sends the key '${key}' to the window`,
    reason: "webapp2's shortcut that toggles the side panel (chat-notify)",
  })),
  pagePath(
    'custom_configuration/',
    'where a Conferencing Node serves the branding, relative to the web app page (directory, raise-hand-notification, server-mute-notifier)',
  ),
  pagePath(
    'configuration/',
    "the branding's place on older Infinity versions, relative to the web app page",
  ),
];

/**
 * The findings for what a plugin was seen to use: each catalogue entry at most once, with every
 * place it was seen. Also a finding: a `PEX` member that is neither documented nor in the
 * catalogue (it may not exist in webapp2), and an NgRx type string that is not on `PEX.actions`.
 */
export function findBeyondTheGuide(uses: readonly PluginUse[]): BeyondTheGuideFinding[] {
  const found = new Map<string, { entry: BeyondTheGuideEntry; where: string[] }>();
  for (const use of uses) {
    for (const entry of entriesFor(use)) {
      const key = `${entry.kind}\u0000${entry.name}`;
      const record = found.get(key) ?? { entry, where: [] };
      const where = use.where ?? '';
      if (where !== '' && !record.where.includes(where)) record.where.push(where);
      found.set(key, record);
    }
  }
  return [...found.values()].map(({ entry, where }) => ({
    ...entry,
    // Seen while running says more than found in the text: keep "source text" only when alone.
    where: where.some((place) => place !== SOURCE_TEXT)
      ? where.filter((place) => place !== SOURCE_TEXT)
      : where,
  }));
}

function entriesFor(use: PluginUse): BeyondTheGuideEntry[] {
  if (use.kind === 'dom') {
    const tokens = selectorTokens(use.name);
    return BEYOND_THE_GUIDE.filter((entry) => entry.kind === 'dom' && tokens.has(entry.name));
  }
  if (use.kind === 'page-path') {
    const path = pagePathOf(use.name);
    return BEYOND_THE_GUIDE.filter((entry) => entry.kind === 'page-path' && entry.name === path);
  }
  const known = BEYOND_THE_GUIDE.filter(
    (entry) => entry.kind === use.kind && entry.name === use.name,
  );
  if (known.length > 0) return known;
  if (use.kind === 'pex' && !DOCUMENTED_PEX_MEMBERS.includes(use.name)) {
    return [
      pex(
        use.name,
        `uses ${use.name}`,
        'neither the plugin guide nor any known webapp2 plugin has it: it may be undefined in webapp2',
      ),
    ];
  }
  if (use.kind === 'action-type' && !GUIDE_ACTION_TYPES.has(use.name)) {
    return [
      actionType(
        use.name,
        'an NgRx action type of webapp2 that is not on PEX.actions; webapp2 may rename it',
      ),
    ];
  }
  return [];
}

/** `#a > div.b c-d` → `#a`, `.b`, `div`, `c-d`. */
function selectorTokens(selector: string): Set<string> {
  const tokens = new Set<string>();
  for (const match of selector.matchAll(/([#.]?)(-?[A-Za-z_][\w-]*)/g)) {
    tokens.add(`${match[1] ?? ''}${match[2] ?? ''}`);
  }
  return tokens;
}

/** `./custom_configuration/plugins/x/a.css` → `custom_configuration/`; other URLs → `''`. */
function pagePathOf(url: string): string {
  const match = /^(?:\.\/|\/webapp2\/)?(custom_configuration\/|configuration\/)/.exec(url);
  return match?.[1] ?? '';
}

/** One line for a report: `reads #mainVideo (webapp2 DOM, not in the plugin guide): the main video … [seen: load()]`. */
export function formatBeyondTheGuide(finding: BeyondTheGuideFinding): string {
  const seen = finding.where.length > 0 ? ` [${finding.where.join('; ')}]` : '';
  return `${finding.what} (${KIND_LABEL[finding.kind]}, not in the plugin guide): ${finding.reason}${seen}`;
}

const ACTION_TYPE_LITERAL = /(['"`])(\[[A-Z][A-Za-z0-9 ]*\] [A-Za-z0-9 ]+)\1/g;
/** `new KeyboardEvent('keydown', {'key': 's'})`: the key a plugin sends to the app. */
const KEYBOARD_EVENT =
  /KeyboardEvent\(\s*['"][^'"]*['"]\s*,\s*\{[^}]*?['"]?key['"]?\s*:\s*['"]([^'"]+)['"]/g;

/** Reading a source for what running it may not reach: `where` is {@link SOURCE_TEXT}. */
const SOURCE_PATTERNS: readonly { pattern: RegExp; use: Omit<PluginUse, 'where'> }[] = [
  { pattern: /\bdispatchAction\b/, use: { kind: 'pex', name: 'PEX.dispatchAction' } },
  { pattern: /\.pexrtc\b/, use: { kind: 'pex', name: 'PEX.pexrtc' } },
  { pattern: /\.selfUUID\b/, use: { kind: 'pex', name: 'PEX.selfUUID' } },
  {
    pattern: /\bgetPluginMenuItem\b/,
    use: { kind: 'pex', name: 'PEX.pluginAPI.getPluginMenuItem' },
  },
  { pattern: /\bviewInit\$/, use: { kind: 'pex', name: 'dialogRef.viewInit$' } },
  { pattern: /(['"`])PexRTC\1/, use: { kind: 'global', name: 'PexRTC' } },
  {
    pattern: /\bcustom_configuration\//,
    use: { kind: 'page-path', name: 'custom_configuration/' },
  },
];

/**
 * What a plugin source mentions from the catalogue, found by reading it: NgRx type strings,
 * webapp2 element ids and classes, `PEX` members beyond the guide. For code paths the probe did
 * not reach (a handler for an event it never sent, a dialog button nobody clicked).
 */
export function pluginUsesInSource(source: string): PluginUse[] {
  const uses: PluginUse[] = [];
  for (const match of source.matchAll(ACTION_TYPE_LITERAL)) {
    uses.push({ kind: 'action-type', name: match[2] ?? '', where: SOURCE_TEXT });
  }
  for (const match of source.matchAll(KEYBOARD_EVENT)) {
    uses.push({ kind: 'keyboard', name: match[1] ?? '', where: SOURCE_TEXT });
  }
  for (const { pattern, use } of SOURCE_PATTERNS) {
    if (pattern.test(source)) uses.push({ ...use, where: SOURCE_TEXT });
  }
  for (const entry of BEYOND_THE_GUIDE) {
    if (entry.kind !== 'dom') continue;
    const token = entry.name.replace(/^[#.]/, '');
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(source)) {
      uses.push({ kind: 'dom', name: entry.name, where: SOURCE_TEXT });
    }
  }
  return uses;
}
