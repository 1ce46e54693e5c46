import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError, failure } from './api-response.js';
import { CORS_HEADERS, writeApiResponse } from './http-response.js';

/** Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded; `host` is the upstream's own. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Checks an `--upstream` value: an absolute http(s) URL without a path, query or fragment. */
export function parseUpstreamUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`upstream "${value}" is not a URL (example: https://node.example.com)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`upstream "${value}" must start with http:// or https://`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new Error(`upstream "${value}" must be the node's origin only, without a path`);
  }
  return url;
}

/**
 * Forwards one client-API request (the event stream included) to a real Conferencing Node and
 * streams the answer back unchanged, plus CORS headers. A node that cannot be reached gives 502
 * with Pexip's own error string ("502 Bad Gateway", `InfinityErrorMessage`).
 */
export function forwardToUpstream(
  upstream: URL,
  request: IncomingMessage,
  response: ServerResponse,
  log: (line: string) => void,
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers['host'] = upstream.host;
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(
    new URL(request.url ?? '/', upstream),
    { method: request.method ?? 'GET', headers },
    (incoming) => {
      const answer: Record<string, string | string[]> = { ...CORS_HEADERS };
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) answer[name] = value;
      }
      response.writeHead(incoming.statusCode ?? 502, answer);
      // Server-sent events must reach the client at once (webapp3 waits for `open`).
      response.flushHeaders();
      incoming.pipe(response);
    },
  );
  outgoing.on('error', (error) => {
    log(`upstream ${upstream.origin} failed: ${error.message}`);
    if (response.headersSent) response.destroy();
    else writeApiResponse(response, failure(new ApiError(502, '502 Bad Gateway')));
  });
  response.once('close', () => outgoing.destroy());
  request.pipe(outgoing);
}
