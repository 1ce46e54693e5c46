import type { ServerResponse } from 'node:http';
import type { ApiResponse } from './api-response.js';

/**
 * CORS for the client API: a real node sends none (the app is same-origin), the mock allows any
 * origin so tests and tools on another origin can call it (README: deviations). `/_mock/` sends its
 * own, narrower headers (control-request-policy.ts).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'token, pin, content-type',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-max-age': '600',
};

export function writeApiResponse(
  response: ServerResponse,
  api: ApiResponse,
  headers: Record<string, string> = {},
  cors: Readonly<Record<string, string>> = CORS_HEADERS,
): void {
  if (api.body === undefined) {
    response.writeHead(api.httpStatus, { ...cors, ...headers });
    response.end();
    return;
  }
  const json = JSON.stringify(api.body);
  response.writeHead(api.httpStatus, {
    ...cors,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(json);
}

export function writeText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
