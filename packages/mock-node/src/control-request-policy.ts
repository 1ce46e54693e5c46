import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-response.js';

/**
 * Who may drive `/_mock/` (it adds people, injects chat, resets the node): tests in Node (no
 * `Origin`), pages served by the node itself (same origin) and the origins given with
 * `--allow-origin`. Any other web page is refused, and so is every state-changing control request
 * that is not `application/json`: a browser sends a cross-origin JSON request only after a CORS
 * preflight, which only allowed origins pass, whereas `text/plain` and form posts go without one.
 * Allowed origins get their own origin back in `Access-Control-Allow-Origin`, never `*`.
 */
export function admitControlRequest(
  request: IncomingMessage,
  allowedOrigins: ReadonlySet<string>,
): Record<string, string> {
  const { origin } = request.headers;
  if (origin !== undefined && !isAllowedOrigin(origin, request.headers.host, allowedOrigins)) {
    throw new ApiError(
      403,
      `Origin "${origin}" may not use the /_mock/ test API: only pages of this node and origins ` +
        'given with --allow-origin (allowedOrigins) may',
    );
  }
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !isJson(request)) {
    throw new ApiError(
      415,
      `Control requests must be JSON: send ${method} /_mock/… with Content-Type: application/json`,
    );
  }
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'content-type',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** Checks `--allow-origin` values: `http(s)://host[:port]`, nothing more. */
export function parseAllowedOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`allowed origin "${value}" is not a URL (example: http://localhost:5173)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`allowed origin "${value}" must start with http:// or https://`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new Error(`allowed origin "${value}" must be an origin only, without a path`);
  }
  return url.origin;
}

function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const normalised = origin.toLowerCase();
  if (host !== undefined && normalised === `http://${host.toLowerCase()}`) return true;
  return allowedOrigins.has(normalised);
}

function isJson(request: IncomingMessage): boolean {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
