/**
 * Reads the address the app was opened at, the way Infinity Connect does:
 * `/webapp2/conference/<alias>?name=…&pin=…&join=1` and `/webapp2/?conference=<alias>`
 * (Pexip docs, "Creating and using Infinity Connect links": `conference`, `name`, `pin`, `join`).
 */
export interface DeepLink {
  /** The conference alias from the path or `?conference=`, `null` when the address names none. */
  readonly alias: string | null;
  readonly displayName: string | null;
  readonly pin: string | null;
  /** Join without waiting for the user: `join=1`, or an alias given by `?conference=`. */
  readonly joinNow: boolean;
  /** `?strictPlugins=1`: a plugin fault shows the real app's Oops page. */
  readonly strictPlugins: boolean;
  /** Every query parameter as a plain string-valued object, as `PEX.conferenceQueryParams` shows it. */
  readonly queryParams: Readonly<Record<string, string>>;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes']);

export function parseDeepLink(
  location: Pick<Location, 'pathname' | 'search'>,
  base = '/webapp2/',
): DeepLink {
  const params = new URLSearchParams(location.search);
  const queryParams = Object.fromEntries(params.entries());
  const pathAlias = aliasFromPath(location.pathname, base);
  const queryAlias = nonEmpty(params.get('conference'));
  const alias = pathAlias ?? queryAlias;
  return {
    alias,
    displayName: nonEmpty(params.get('name')),
    pin: nonEmpty(params.get('pin')),
    joinNow:
      alias !== null && (isTrue(params.get('join')) || (pathAlias === null && queryAlias !== null)),
    strictPlugins: isTrue(params.get('strictPlugins')),
    queryParams,
  };
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

function isTrue(value: string | null): boolean {
  return value !== null && TRUE_VALUES.has(value.toLowerCase());
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
