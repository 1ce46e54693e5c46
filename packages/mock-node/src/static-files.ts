import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { lookup } from 'mrmime';
import sirv, { type Options } from 'sirv';
import { writeText } from './http-response.js';

export const WEBAPP_PREFIX = '/webapp2/';
export const BRANDING_PREFIX = '/webapp2/custom_configuration/';
/**
 * Older branding samples refer to their files as `configuration/plugins/<name>/…` relative to the
 * page (webapp2-in-the-wild.md, "Loading and files"): the same branding is served there too.
 */
export const OLDER_BRANDING_PREFIX = '/webapp2/configuration/';

/**
 * The Content-Security-Policy sent with `/webapp2/` pages. Real webapp2 plugins use inline
 * `onclick` handlers and inline `<script>` in dialog bodies (webapp2-in-the-wild.md), so inline
 * scripts and styles are allowed; the API is same-origin (`connect-src 'self'`); dialogs embed
 * iframes from anywhere on https; media comes from the camera (`mediastream:`/`blob:`).
 */
export const WEBAPP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serves `/webapp2/` (the host app, an SPA: paths that are not files get `index.html`) and
 * `/webapp2/custom_configuration/` (the branding folder, where a Conferencing Node serves it; also
 * at the older `/webapp2/configuration/`).
 * Files are served by `sirv` (decision 0011): content types (`mrmime`), `ETag`/304, ranges, no
 * escape from the folder; read from disk on every request (`dev`), because the dev server
 * rebuilds the branding and the app while the node runs. Returns false when the path is not
 * under `/webapp2`.
 */
export function createStaticFiles(appDir: string | undefined, brandingDir: string | undefined) {
  const serveDir = (dir: string | undefined, isApp: boolean, onNoMatch: Options['onNoMatch']) =>
    dir === undefined
      ? undefined
      : sirv(dir, {
          dev: true,
          etag: true,
          // App paths without an extension that are not files (`/conference/meet`) get index.html.
          single: isApp,
          setHeaders: (response, pathname) => setFileHeaders(response, pathname, isApp),
          onNoMatch,
        });
  const branding = serveDir(brandingDir, false, (_request, response) =>
    writeText(response, 404, 'Not found\n'),
  );
  const app = serveDir(appDir, true, (request, response) => {
    // A missing asset (has an extension) is a 404; a route with no index.html to fall back on
    // means the app is not built.
    if (extname(request.url ?? '') !== '') writeText(response, 404, 'Not found\n');
    else sendNotBuiltPage(response, request.method ?? 'GET');
  });

  return async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname === '/webapp2') {
      response.writeHead(301, { location: WEBAPP_PREFIX });
      response.end();
      return true;
    }
    if (!pathname.startsWith(WEBAPP_PREFIX)) return false;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      writeText(response, 405, 'Method not allowed: static files are GET or HEAD only\n', {
        allow: 'GET, HEAD',
      });
      return true;
    }
    const brandingPrefix = [BRANDING_PREFIX, OLDER_BRANDING_PREFIX].find((prefix) =>
      pathname.startsWith(prefix),
    );
    const isBranding = brandingPrefix !== undefined;
    const serve = isBranding ? branding : app;
    if (serve === undefined) {
      if (isBranding) writeText(response, 404, 'Not found\n');
      else sendNotBuiltPage(response, method);
      return true;
    }
    // sirv serves the request's own path: give it the path inside the folder.
    request.url = `/${pathname.slice((brandingPrefix ?? WEBAPP_PREFIX).length)}`;
    if (!isSatisfiableRange(request.headers.range)) delete request.headers.range;
    response.once('pipe', (source: Readable) => {
      // sirv pipes the file without an error handler: a file that vanishes, or cannot be read,
      // after sirv looked at it would crash the node. Cut that one response off instead.
      source.once('error', () => response.destroy());
    });
    await new Promise<void>((resolve) => {
      response.once('close', resolve);
      serve(request, response);
    });
    return true;
  };
}

/**
 * Headers of a served file. sirv names the type of the file it found (`mrmime`; `text/html;
 * charset=utf-8` for the SPA's index.html); a path with an extension is that file, whose type
 * gets a charset when it is text, and `application/octet-stream` when mrmime does not know it.
 * App pages (`.html`, or no extension: index.html) get the CSP.
 */
function setFileHeaders(response: ServerResponse, pathname: string, isApp: boolean): void {
  response.setHeader('cache-control', 'no-cache');
  response.setHeader('x-content-type-options', 'nosniff');
  const extension = extname(pathname).toLowerCase();
  if (extension !== '') {
    const type = lookup(extension) ?? 'application/octet-stream';
    const text = type.startsWith('text/') || type === 'application/json';
    response.setHeader('content-type', text ? `${type}; charset=utf-8` : type);
  }
  if (isApp && (extension === '' || extension === '.html' || extension === '.htm')) {
    response.setHeader('content-security-policy', WEBAPP_CSP);
  }
}

/**
 * sirv trusts the `Range` header: `bytes=5-2` would make its file stream throw. Only a single
 * well-formed range is passed on; anything else gets the whole file, as HTTP allows.
 */
function isSatisfiableRange(range: string | undefined): boolean {
  if (range === undefined) return true;
  const match = /^bytes=(\d+)-(\d*)$/.exec(range);
  if (match === null) return false;
  return match[2] === '' || Number(match[1]) <= Number(match[2]);
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host app not built</title></head>
<body>
<h1>The host app is not built</h1>
<p>This mock Conferencing Node serves the webapp2 host app at <code>/webapp2/</code>, but found no build of it.</p>
<p>Build it with <code>npm run build</code> at the root of Infinity Plugin Kit (it builds <code>@ipk/host-app</code> into
<code>packages/host-app/dist/</code>), or start the mock node with <code>--app &lt;dir&gt;</code>.</p>
<p>The client REST API is live meanwhile at <code>/api/client/v2/conferences/&lt;alias&gt;/</code>.</p>
</body>
</html>
`;

function sendNotBuiltPage(response: ServerResponse, method: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': WEBAPP_CSP,
  });
  response.end(method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
}
