import { posix } from 'node:path';

/**
 * A relative URL in a package (a `srcURL`, an icon) resolved as a browser would, against the
 * folder `base`; `undefined` when it is absolute (another origin, `/…`), climbs out of the package
 * or lands outside `root` (`''` for no bound, else a folder with its trailing slash). The plugin
 * check and the branding check both resolve through here, so they agree on every path.
 */
export function resolvePackageUrl(root: string, base: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return undefined;
  return joinInPackage(root, base, urlPath(url));
}

/** The path part of a URL (no query, no fragment), percent-decoded unless it does not decode. */
export function urlPath(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A decoded path joined to `base`; `undefined` when it climbs out of the package or `root`. */
export function joinInPackage(root: string, base: string, path: string): string | undefined {
  const joined = posix.normalize(posix.join(base, path));
  if (joined.startsWith('..') || joined.startsWith('/')) return undefined;
  return joined.startsWith(root) ? joined : undefined;
}
