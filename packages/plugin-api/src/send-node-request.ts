import type { PluginAPI } from './pex.js';

/** What became of one client REST API request sent through `PEX.pluginAPI.sendRequest`. */
export type RequestOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Sends a client REST API command and reports whether the node accepted it.
 *
 * Why both a callback and the returned Promise: the Pexip guide documents no return value.
 * webapp2 forwards to PexRTC's `sendRequest`, which hands the node's parsed answer to a callback
 * (third argument, as Pexip's own samples pass it); the kit's host also resolves a Promise with
 * that answer and rejects when the node refuses (HTTP 4xx/5xx). The first of the two decides.
 * A node answers `{status: 'success', result: true}`; `status: 'failed'`, `result: false` or a
 * rejection is a refusal (client REST API v2: `dtmf` and `transform_layout` return a boolean).
 */
export function sendNodeRequest(
  api: Pick<PluginAPI, 'sendRequest'>,
  path: string,
  payload: unknown,
): Promise<RequestOutcome> {
  return new Promise<RequestOutcome>((settle) => {
    const answered = (reply: unknown): void => settle(outcomeOf(reply));
    try {
      const pending: unknown = api.sendRequest(path, payload, answered);
      if (isPromiseLike(pending))
        pending.then(answered, (error: unknown) => settle(refused(error)));
    } catch (error) {
      settle(refused(error));
    }
  });
}

function outcomeOf(reply: unknown): RequestOutcome {
  if (typeof reply !== 'object' || reply === null) return { ok: true };
  const { status, result } = reply as { status?: unknown; result?: unknown };
  if (status === 'failed' || status === 'error' || result === false) {
    const reason = typeof result === 'string' && result !== '' ? result : 'the node refused it';
    return { ok: false, reason };
  }
  return { ok: true };
}

function refused(error: unknown): RequestOutcome {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, reason: reason === '' ? 'the request failed' : reason };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
