import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { writeText } from './http-response.js';

export const WEBAPP_PREFIX = '/webapp2/';
export const BRANDING_PREFIX = '/webapp2/custom_configuration/';

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

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticSites {
  appDir: string | undefined;
  brandingDir: string | undefined;
}

/**
 * Serves `/webapp2/` (the host app, an SPA: paths that are not files get `index.html`) and
 * `/webapp2/custom_configuration/` (the branding folder, where a Conferencing Node serves it).
 * Returns false when the path is not under `/webapp2`.
 */
export async function serveStatic(
  sites: StaticSites,
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
  if (pathname.startsWith(BRANDING_PREFIX)) {
    await serveBranding(
      sites.brandingDir,
      response,
      pathname.slice(BRANDING_PREFIX.length),
      method,
    );
    return true;
  }
  await serveApp(sites.appDir, response, pathname.slice(WEBAPP_PREFIX.length), method);
  return true;
}

async function serveBranding(
  root: string | undefined,
  response: ServerResponse,
  relative: string,
  method: string,
): Promise<void> {
  const file = root === undefined ? undefined : await findFile(root, relative);
  if (file === undefined) {
    writeText(response, 404, 'Not found\n');
    return;
  }
  sendFile(response, file, method, {});
}

async function serveApp(
  root: string | undefined,
  response: ServerResponse,
  relative: string,
  method: string,
): Promise<void> {
  const pageHeaders = { 'content-security-policy': WEBAPP_CSP };
  if (root === undefined) {
    sendNotBuiltPage(response, method, pageHeaders);
    return;
  }
  const file = await findFile(root, relative === '' ? 'index.html' : relative);
  if (file !== undefined) {
    sendFile(response, file, method, file.endsWith('.html') ? pageHeaders : {});
    return;
  }
  // A missing asset (has an extension) is a 404; anything else is an app route like
  // `/webapp2/conference/meet` and gets the SPA's `index.html`.
  if (extname(relative) !== '') {
    writeText(response, 404, 'Not found\n');
    return;
  }
  const index = await findFile(root, 'index.html');
  if (index === undefined) {
    sendNotBuiltPage(response, method, pageHeaders);
    return;
  }
  sendFile(response, index, method, pageHeaders);
}

/** Resolves a URL path inside `root`; refuses anything that escapes it or is not a file. */
async function findFile(root: string, relative: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const path = resolve(join(base, decoded));
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, 'index.html');
      const indexInfo = await stat(index).catch(() => undefined);
      return indexInfo?.isFile() ? index : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function sendFile(
  response: ServerResponse,
  path: string,
  method: string,
  headers: Record<string, string>,
): void {
  response.writeHead(200, {
    'content-type': contentTypeOf(path),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  if (method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
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

function sendNotBuiltPage(
  response: ServerResponse,
  method: string,
  headers: Record<string, string>,
): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
  response.end(method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
}
