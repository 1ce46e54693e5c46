import { readFile } from 'node:fs/promises';

/**
 * What the mock node hosts. A real Conferencing Node gets this from its Management Node; the mock
 * reads it from a JSON file (`--config`) or uses {@link DEFAULT_CONFIG}.
 */
export interface MockConfig {
  conferences: ConferenceConfig[];
  /** Seed of the simulated people's schedule: the same seed gives the same sequence of actions. */
  seed?: number;
}

/** `conference` is a Virtual Meeting Room, `lecture` a Virtual Auditorium (Pexip's service types). */
export type ConferenceServiceType = 'conference' | 'lecture';

export interface ConferenceConfig {
  /** The alias dialled, e.g. `meet`: the `<alias>` in `/api/client/v2/conferences/<alias>/…`. */
  alias: string;
  /** Shown as `conference_name`/`service_name` in the token. Defaults to the alias. */
  name?: string;
  serviceType?: ConferenceServiceType;
  /** Host PIN. No PIN at all: everyone joins as host, as on a real VMR without PINs. */
  hostPin?: string;
  /** Guest PIN. Only meaningful with a host PIN; without it guests join with no PIN. */
  guestPin?: string;
  /** `chat_enabled` in the token (default true). */
  chatEnabled?: boolean;
  /** Starts locked. */
  locked?: boolean;
  /** The layout announced before any `transform_layout` (default `ac`). */
  layout?: string;
  /** People the simulation moves around in this conference. */
  simulatedPeople?: SimulatedPersonConfig[];
  /** Lines simulated people pick from when they chat. */
  chatLines?: string[];
}

export interface SimulatedPersonConfig {
  displayName: string;
  role?: 'chair' | 'guest';
  /** In the conference when the node starts (default true). */
  present?: boolean;
  /** The participant's `protocol` (default `webrtc`), e.g. `sip` for a room system. */
  protocol?: 'webrtc' | 'sip' | 'h323' | 'mssip' | 'rtmp';
}

/** The embedded configuration `ipk-mock-node` and `npm start` use when no `--config` is given. */
export const DEFAULT_CONFIG: MockConfig = {
  seed: 1,
  conferences: [
    {
      alias: 'meet',
      name: 'Meet',
      serviceType: 'conference',
      simulatedPeople: [
        { displayName: 'Alice Andersen', role: 'chair' },
        { displayName: 'Bob Berg', role: 'guest' },
        { displayName: 'Carmen Castillo', role: 'guest' },
        { displayName: 'Meeting Room 4', role: 'guest', protocol: 'sip' },
        { displayName: 'Dmitri Dvorak', role: 'guest', present: false },
        { displayName: 'Eun-ji Eom', role: 'guest', present: false },
      ],
      chatLines: [
        'Hello everyone!',
        'Can you see my screen?',
        'Sorry, I was on mute.',
        'Let us take five minutes.',
        'Thanks, that was useful.',
        'I have a question about the plugin API.',
      ],
    },
    {
      alias: 'secure',
      name: 'Secure meeting',
      serviceType: 'conference',
      hostPin: '1234',
      guestPin: '5678',
    },
    {
      alias: 'lecture',
      name: 'Lecture',
      serviceType: 'lecture',
      hostPin: '4321',
    },
  ],
};

/** A config file that cannot be used, with the JSON pointer of the offending value. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
}

/** Reads and validates a JSON config file; every problem names the file and the JSON pointer. */
export async function loadConfigFile(path: string): Promise<MockConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new MockConfigError(`${path}: cannot read the config file (${describeError(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MockConfigError(`${path}: not valid JSON (${describeError(error)})`);
  }
  try {
    return parseMockConfig(json);
  } catch (error) {
    throw new MockConfigError(`${path}: ${describeError(error)}`);
  }
}

/** Validates a config value from an untrusted source (a file, a test). */
export function parseMockConfig(value: unknown): MockConfig {
  const root = expectObject(value, '');
  const conferences = expectArray(root['conferences'], '/conferences').map((item, index) =>
    parseConference(item, `/conferences/${index}`),
  );
  if (conferences.length === 0) fail('/conferences', 'needs at least one conference');
  const aliases = new Set<string>();
  conferences.forEach((conference, index) => {
    const key = conference.alias.toLowerCase();
    if (aliases.has(key))
      fail(`/conferences/${index}/alias`, `duplicate alias "${conference.alias}"`);
    aliases.add(key);
  });
  const config: MockConfig = { conferences };
  copyOptional(config, root, '', 'seed', expectInteger);
  return config;
}

function parseConference(value: unknown, at: string): ConferenceConfig {
  const object = expectObject(value, at);
  const alias = expectString(object['alias'], `${at}/alias`);
  if (!/^[A-Za-z0-9._@+-]+$/.test(alias)) {
    fail(`${at}/alias`, 'use letters, digits and . _ @ + - only');
  }
  const conference: ConferenceConfig = { alias };
  copyOptional(conference, object, at, 'name', expectString);
  copyOptional(conference, object, at, 'serviceType', oneOf(['conference', 'lecture']));
  copyOptional(conference, object, at, 'hostPin', expectPin);
  copyOptional(conference, object, at, 'guestPin', expectPin);
  if (conference.guestPin !== undefined && conference.hostPin === undefined) {
    fail(`${at}/guestPin`, 'a guest PIN needs a host PIN (Pexip: the host PIN is set first)');
  }
  if (conference.guestPin !== undefined && conference.guestPin === conference.hostPin) {
    fail(`${at}/guestPin`, 'must differ from the host PIN');
  }
  copyOptional(conference, object, at, 'chatEnabled', expectBoolean);
  copyOptional(conference, object, at, 'locked', expectBoolean);
  copyOptional(conference, object, at, 'layout', expectString);
  copyOptional(conference, object, at, 'simulatedPeople', (people, path) =>
    expectArray(people, path).map((person, index) => parsePerson(person, `${path}/${index}`)),
  );
  copyOptional(conference, object, at, 'chatLines', (lines, path) =>
    expectArray(lines, path).map((line, index) => expectString(line, `${path}/${index}`)),
  );
  return conference;
}

function parsePerson(value: unknown, at: string): SimulatedPersonConfig {
  const object = expectObject(value, at);
  const person: SimulatedPersonConfig = {
    displayName: expectString(object['displayName'], `${at}/displayName`),
  };
  copyOptional(person, object, at, 'role', oneOf(['chair', 'guest']));
  copyOptional(person, object, at, 'present', expectBoolean);
  copyOptional(person, object, at, 'protocol', oneOf(['webrtc', 'sip', 'h323', 'mssip', 'rtmp']));
  return person;
}

/** Sets `target[key]` from `object[key]`, checked by `parse` at `<at>/<key>`, when it is given. */
function copyOptional<T extends object, K extends keyof T & string>(
  target: T,
  object: Record<string, unknown>,
  at: string,
  key: K,
  parse: (value: unknown, at: string) => T[K],
): void {
  if (object[key] !== undefined) target[key] = parse(object[key], `${at}/${key}`);
}

function fail(at: string, message: string): never {
  throw new MockConfigError(`${at || '/'}: ${message}`);
}

function expectObject(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(at, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function expectArray(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(at, 'must be an array');
  return value;
}

function expectString(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(at, 'must be a non-empty string');
  return value;
}

function expectPin(value: unknown, at: string): string {
  const pin = expectString(value, at);
  // Pexip PINs are 4–20 digits, optionally ending in # (Pexip docs: "PINs").
  if (!/^\d{4,20}#?$/.test(pin)) fail(at, 'must be 4 to 20 digits');
  return pin;
}

function expectBoolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(at, 'must be true or false');
  return value;
}

function expectInteger(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(at, 'must be an integer');
  return value;
}

function oneOf<const T extends readonly string[]>(allowed: T) {
  return (value: unknown, at: string): T[number] => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      fail(at, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    }
    return value;
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
