/**
 * PIN guessing: a conference that gets more than 20 wrong PINs within 10 minutes answers as if it
 * did not exist until the block ends, as Pexip's PIN brute-force resistance does.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PexipError } from './api-response.js';
import { startMockNode, type MockNode } from './mock-node.js';
import { ApiClient, type ApiAnswer } from './test-support/api-client.js';

let node: MockNode;
let secure: ApiClient;

beforeAll(async () => {
  node = await startMockNode({ simulate: false });
  secure = new ApiClient(node, 'secure');
});
afterAll(() => node.close());
beforeEach(() => node.control.reset());
afterEach(() => vi.useRealTimers());

function tryPin(pin: string | undefined, client = secure): Promise<ApiAnswer> {
  return client.call('POST', 'request_token', {
    body: { display_name: 'Guesser' },
    ...(pin === undefined ? {} : { headers: { pin } }),
  });
}

async function wrongPins(count: number, client = secure): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const answer = await tryPin(`9${String(i).padStart(3, '0')}`, client);
    expect(answer.body?.result).toBe(PexipError.invalidPin);
  }
}

const notFound = { status: 404, body: { status: 'failed', result: PexipError.conferenceNotFound } };

describe('PIN brute-force resistance', () => {
  it('blocks a conference after more than 20 wrong PINs: it then seems not to exist', async () => {
    const host = await secure.join('Host', '1234');
    await wrongPins(21);
    expect(await tryPin('1234')).toMatchObject(notFound);
    expect(await tryPin(undefined)).toMatchObject(notFound);
    // Only that conference, and only new joins: who is in stays in.
    expect((await new ApiClient(node, 'lecture').join('Else', '4321')).role).toBe('HOST');
    expect((await host.call('GET', 'participants')).status).toBe(200);
  });

  it('stops a guessing run long before it reaches the host PIN', async () => {
    // PINs 1190…1300 in order, eight at a time: the host PIN 1234 is the 45th.
    const pins = Array.from({ length: 111 }, (_, i) => String(1190 + i));
    const answers: Array<{ pin: string; status: number }> = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < pins.length) {
          const pin = pins[next++]!;
          answers.push({ pin, status: (await tryPin(pin)).status });
        }
      }),
    );
    expect(answers.find((answer) => answer.pin === '1234')).toEqual({ pin: '1234', status: 404 });
    expect(answers.filter((answer) => answer.status === 403).length).toBeLessThanOrEqual(21 + 8);
    expect(answers.every((answer) => answer.status === 403 || answer.status === 404)).toBe(true);
    const conference = node.control.snapshot().conferences.find((c) => c.alias === 'secure');
    expect(conference?.participants).toEqual([]);
  });

  it('does not count a missing PIN or `pin: none`, only wrong ones', async () => {
    for (let i = 0; i < 25; i += 1) {
      expect((await tryPin(undefined)).status).toBe(403);
      expect((await tryPin('none')).status).toBe(403);
    }
    await wrongPins(20);
    expect((await tryPin('1234')).status).toBe(200);
  });

  it('forgets wrong PINs older than 10 minutes, and lifts a block after 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await wrongPins(20);
    vi.setSystemTime(Date.now() + 600_001);
    await wrongPins(20);
    expect((await tryPin('1234')).status).toBe(200);
    await wrongPins(1);
    expect(await tryPin('1234')).toMatchObject(notFound);
    vi.setSystemTime(Date.now() + 599_000);
    expect(await tryPin('1234')).toMatchObject(notFound);
    vi.setSystemTime(Date.now() + 1_001);
    expect((await tryPin('1234')).status).toBe(200);
  });

  it('takes its limit and window from the options; 0 turns it off', async () => {
    const strict = await startMockNode({
      simulate: false,
      pinFailureLimit: 3,
      pinFailureWindowSeconds: 60,
    });
    const open = await startMockNode({ simulate: false, pinFailureLimit: 0 });
    try {
      const strictSecure = new ApiClient(strict, 'secure');
      await wrongPins(4, strictSecure);
      expect(await tryPin('1234', strictSecure)).toMatchObject(notFound);
      const openSecure = new ApiClient(open, 'secure');
      await wrongPins(100, openSecure);
      expect((await tryPin('1234', openSecure)).status).toBe(200);
      await expect(startMockNode({ pinFailureLimit: 2.5 })).rejects.toThrow(
        'pinFailureLimit must be a whole number, 0 or more (got 2.5)',
      );
    } finally {
      await strict.close();
      await open.close();
    }
  });

  it('is cleared by a reset', async () => {
    await wrongPins(21);
    node.control.reset();
    expect((await tryPin('1234')).status).toBe(200);
  });
});
