import { afterEach, describe, expect, it } from 'vitest';
import { pexSendRequest } from './pex-send-request.js';

afterEach(() => {
  Reflect.deleteProperty(window, 'PEX');
});

describe('pexSendRequest', () => {
  it("sends through the runtime's PEX.pluginAPI.sendRequest and returns the node's answer", async () => {
    const sent: unknown[][] = [];
    Reflect.set(window, 'PEX', {
      pluginAPI: {
        sendRequest: (...args: unknown[]) => {
          sent.push(args);
          return Promise.resolve({ status: 'success', result: true });
        },
      },
    });
    await expect(pexSendRequest(window, 'lock')).resolves.toEqual({
      status: 'success',
      result: true,
    });
    await pexSendRequest(window, 'participants/u1/dtmf', { digits: '1234' });
    expect(sent).toEqual([['lock'], ['participants/u1/dtmf', { digits: '1234' }]]);
  });

  it('rejects with a clear error before the runtime has installed window.PEX', async () => {
    await expect(pexSendRequest(window, 'lock')).rejects.toThrow(
      'window.PEX.pluginAPI.sendRequest is not installed yet',
    );
  });
});
