/**
 * The one reader of the page address. It reads what Infinity Connect reads —
 * `/webapp2/conference/<alias>?name=…&pin=…&join=1` and `/webapp2/?conference=<alias>` (Pexip docs,
 * "Creating and using Infinity Connect links": `conference`, `name`, `pin`, `join`) — and the
 * kit's own switches, and hands the host plain options: `@ipk/host-runtime` never reads the
 * address itself.
 */
import { isPlatform, type HostOptions } from '@ipk/host-runtime';

export interface DeepLink {
  /** The conference alias from the path or `?conference=`, `null` when the address names none. */
  readonly alias: string | null;
  readonly displayName: string | null;
  readonly pin: string | null;
  /** Join without waiting for the user: `join=1`, or an alias given by `?conference=`. */
  readonly joinNow: boolean;
  /** Every query parameter as a plain string-valued object, as `PEX.conferenceQueryParams` shows it. */
  readonly queryParams: Readonly<Record<string, string>>;
  /**
   * What the address says for the host:
   * `?strictPlugins=1` (a plugin fault shows the real app's Oops page),
   * `?media=0` (join without audio and video),
   * `?mediaTimeoutMs=` and `?pluginLoadTimeoutMs=` (time limits, milliseconds),
   * `?platform=web|electron|ios|android` (try another platform's plugins in a browser).
   */
  readonly hostOptions: Pick<
    HostOptions,
    | 'strictPlugins'
    | 'media'
    | 'mediaConnectTimeoutMs'
    | 'pluginLoadTimeoutMs'
    | 'platform'
    | 'queryParams'
  >;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);
const FALSE_VALUES = new Set(['0', 'false', 'no', 'off']);

export function parseDeepLink(
  location: Pick<Location, 'pathname' | 'search'>,
  base = '/webapp2/',
): DeepLink {
  const params = new URLSearchParams(location.search);
  const queryParams = Object.freeze(Object.fromEntries(params.entries()));
  const pathAlias = aliasFromPath(location.pathname, base);
  const queryAlias = nonEmpty(params.get('conference'));
  const alias = pathAlias ?? queryAlias;
  const platform = params.get('platform');
  const media = flag(params.get('media'));
  const mediaTimeout = milliseconds(params.get('mediaTimeoutMs'));
  const loadTimeout = milliseconds(params.get('pluginLoadTimeoutMs'));
  return {
    alias,
    displayName: nonEmpty(params.get('name')),
    pin: nonEmpty(params.get('pin')),
    joinNow:
      alias !== null &&
      (flag(params.get('join')) === true || (pathAlias === null && queryAlias !== null)),
    queryParams,
    hostOptions: {
      strictPlugins: flag(params.get('strictPlugins')) === true,
      queryParams,
      ...(media === undefined ? {} : { media }),
      ...(mediaTimeout === undefined ? {} : { mediaConnectTimeoutMs: mediaTimeout }),
      ...(loadTimeout === undefined ? {} : { pluginLoadTimeoutMs: loadTimeout }),
      ...(isPlatform(platform) ? { platform } : {}),
    },
  };
}

/**
 * The address webapp2 shows once joined: the conference's path without the query (so the PIN
 * does not stay in the address bar or the history). Plugins that rebuild the address from
 * `PEX.conferenceQueryParams` (maintain-url appends `'?' + params` to `location`) then get the
 * same result on every join, never a query that grows.
 */
export function joinedAddress(alias: string, base = '/webapp2/'): string {
  return `${base}conference/${encodeURIComponent(alias)}`;
}

function aliasFromPath(pathname: string, base: string): string | null {
  const prefix = `${base}conference/`;
  if (!pathname.startsWith(prefix)) return null;
  const segment = pathname.slice(prefix.length).split('/')[0] ?? '';
  try {
    return nonEmpty(decodeURIComponent(segment));
  } catch {
    // A malformed %-escape: take the segment as typed rather than lose the link.
    return nonEmpty(segment);
  }
}

/** `1|true|yes|on` → true, `0|false|no|off` → false, anything else → not said. */
function flag(value: string | null): boolean | undefined {
  const normalised = value?.trim().toLowerCase() ?? '';
  if (TRUE_VALUES.has(normalised)) return true;
  if (FALSE_VALUES.has(normalised)) return false;
  return undefined;
}

function milliseconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
