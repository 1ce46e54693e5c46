import type { ClientApiReply, PluginAPI } from './pex.js';
import { describe, expect, it } from 'vitest';
import { sendNodeRequest } from './send-node-request.js';

type SendRequest = PluginAPI['sendRequest'];

function api(
  sendRequest: (...args: Parameters<SendRequest>) => unknown,
): Pick<PluginAPI, 'sendRequest'> {
  return { sendRequest: sendRequest as SendRequest };
}

const success: ClientApiReply = { status: 'success', result: true };

describe('sendNodeRequest', () => {
  it('passes the path and payload through and reports success from the Promise (the kit host)', async () => {
    const seen: unknown[] = [];
    const outcome = await sendNodeRequest(
      api((...args) => {
        seen.push(args.slice(0, 2));
        return Promise.resolve(success);
      }),
      'participants/p-1/dtmf',
      { digits: '1' },
    );
    expect(outcome).toEqual({ ok: true });
    expect(seen).toEqual([['participants/p-1/dtmf', { digits: '1' }]]);
  });

  it('reports success from the callback when sendRequest returns nothing (webapp2 via PexRTC)', async () => {
    const outcome = await sendNodeRequest(
      api((_path, _payload, callback) => {
        queueMicrotask(() => callback?.(success));
        return undefined;
      }),
      'dtmf',
      {},
    );
    expect(outcome).toEqual({ ok: true });
  });

  it('turns a rejection into the node’s reason', async () => {
    const outcome = await sendNodeRequest(
      api(() => Promise.reject(new Error('403 Forbidden'))),
      'x',
      {},
    );
    expect(outcome).toEqual({ ok: false, reason: '403 Forbidden' });
  });

  it('treats status "failed" as a refusal and shows its message', async () => {
    const outcome = await sendNodeRequest(
      api(() => Promise.resolve({ status: 'failed', result: 'Illegal value' })),
      'transform_layout',
      {},
    );
    expect(outcome).toEqual({ ok: false, reason: 'Illegal value' });
  });

  it('treats result false as a refusal', async () => {
    const outcome = await sendNodeRequest(
      api(() => Promise.resolve({ status: 'success', result: false })),
      'x',
      {},
    );
    expect(outcome).toEqual({ ok: false, reason: 'the node refused it' });
  });

  it('reports a synchronous throw (no conference yet) as a failure instead of throwing', async () => {
    const outcome = await sendNodeRequest(
      api(() => {
        throw new Error('not connected');
      }),
      'x',
      {},
    );
    expect(outcome).toEqual({ ok: false, reason: 'not connected' });
  });
});
