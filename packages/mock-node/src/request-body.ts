import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-response.js';

/** Bodies of the client API are small JSON objects; anything bigger is refused with 413. */
export const MAX_BODY_BYTES = 64 * 1024;

export type JsonObject = Record<string, unknown>;

/** Reads the whole body, enforcing the size limit before buffering more than it. */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const tooLarge = () => {
    // Discard the rest instead of closing, so the client can still read the answer.
    request.resume();
    return new ApiError(413, `Request body too large: the limit is ${limit} bytes`);
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The JSON object a `POST` sends ({@link parseJsonObject}); any other request's body is read and dropped. */
export async function readJsonObject(request: IncomingMessage): Promise<JsonObject> {
  const raw = await readBody(request);
  return request.method === 'POST' ? parseJsonObject(raw) : {};
}

/** `decodeURIComponent` of a path segment, answering a malformed escape with a 400 `message`. */
export function decodeSegment(segment: string, message = 'Malformed path segment'): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, message);
  }
}

/**
 * An empty body means `{}`: legacy PexRTC and the Android SDK post nothing to `lock`, `ack`,
 * `refresh_token`… (client-api-detail §1). Anything else must be a JSON object.
 */
export function parseJsonObject(raw: Buffer): JsonObject {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Malformed JSON body');
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'The request body must be a JSON object');
  }
  return value as JsonObject;
}

export function requireString(body: JsonObject, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new ApiError(400, `Body field "${key}" must be a string`);
  return value;
}

export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, `Body field "${key}" must be a string`);
  return value;
}

/** An optional string that must be one of two values (`must be "yes" or "no"`). */
export function optionalEither<const T extends readonly [string, string]>(
  body: JsonObject,
  key: string,
  allowed: T,
): T[number] | undefined {
  const value = optionalString(body, key);
  const match = allowed.find((item) => item === value);
  if (value !== undefined && match === undefined) {
    throw new ApiError(400, `Body field "${key}" must be "${allowed[0]}" or "${allowed[1]}"`);
  }
  return match;
}

export function requireBoolean(body: JsonObject, key: string): boolean {
  const value = body[key];
  if (typeof value !== 'boolean')
    throw new ApiError(400, `Body field "${key}" must be true or false`);
  return value;
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, `Body field "${key}" must be an object`);
  }
  return value as JsonObject;
}

export function requireObject(body: JsonObject, key: string): JsonObject {
  const value = optionalObject(body, key);
  if (value === undefined) throw new ApiError(400, `Body field "${key}" is required`);
  return value;
}

export function requireOneOf<const T extends readonly string[]>(
  body: JsonObject,
  key: string,
  allowed: T,
): T[number] {
  const value = body[key];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ApiError(400, `Body field "${key}" must be one of ${allowed.join(', ')}`);
  }
  return value;
}
