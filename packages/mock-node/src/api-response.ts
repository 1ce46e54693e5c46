/**
 * Every answer of the client API is JSON in Pexip's envelope `{status, result}` (Pexip docs,
 * "Client REST API": "status" is "success" or "failed"; the v20 validators accept only those two).
 */
export interface ApiEnvelope {
  status: 'success' | 'failed';
  result: unknown;
}

export interface ApiResponse {
  httpStatus: number;
  /** `undefined` means no body at all (only `GET theme/` answers 204). */
  body: ApiEnvelope | undefined;
}

/** A 4xx answer: thrown by handlers, turned into `{status: "failed", result: message}` by the router. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly httpStatus: number,
    message: string,
    /** Pexip sends PIN-status objects as the `result` of a 403 on `request_token`. */
    readonly result: unknown = message,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function success(result: unknown): ApiResponse {
  return { httpStatus: 200, body: { status: 'success', result } };
}

export function failure(error: ApiError): ApiResponse {
  return { httpStatus: error.httpStatus, body: { status: 'failed', result: error.result } };
}

/** Pexip's own error strings (`InfinityErrorMessage` in `@pexip/infinity-api` `utils.d.ts`). */
export const PexipError = {
  conferenceNotFound: 'Neither conference nor gateway found',
  invalidToken: 'Invalid token',
  invalidPin: 'Invalid PIN',
  invalidRole: 'Invalid role',
  tokenExpired: 'Timer expired awaiting token refresh',
  disconnectedByOther: 'Disconnected by another participant',
  conferenceTerminated: 'Conference terminated by another participant',
  apiDisconnect: 'API initiated participant disconnect',
  transferFailed: 'transfer failed',
} as const;
