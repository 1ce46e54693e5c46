import { startMockNode, type MockNode } from '@ipk/mock-node';
import { filter, firstValueFrom, type Observable } from 'rxjs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHost } from './create-host.js';
import type { Host } from './host.js';
import type { Participant } from './seed-types.js';
import { createPluginHarness } from './testing/plugin-harness.js';
import { evaluateFetchedScript } from './script-loaders.js';

/*
 * The host on Pexip's official client (@pexip/infinity) against the kit's mock Conferencing
 * Node, in process: tokens, the event stream, PINs and every PEX call making a real round trip.
 */

let node: MockNode;
let host: Host | undefined;
const api = (): Record<string, (...args: unknown[]) => unknown> =>
  (window as unknown as { PEX: { pluginAPI: Record<string, (...args: unknown[]) => unknown> } }).PEX
    .pluginAPI;

beforeAll(async () => {
  node = await startMockNode({
    brandingDir: resolve(import.meta.dirname, 'fixtures/mock-node-branding'),
    // The simulated people are placed in the conference but never move during a test.
    simulationIntervalMs: 3_600_000,
    config: {
      conferences: [
        {
          alias: 'meet',
          name: 'Meet',
          simulatedPeople: [
            { displayName: 'Alice Andersen', role: 'chair' },
            { displayName: 'Bob Berg', role: 'guest' },
          ],
        },
        { alias: 'pinned', hostPin: '1234', guestPin: '5678' },
        { alias: 'hostpin', hostPin: '1234' },
      ],
    },
  });
  // Same origin as the node, as when the node serves the app at /webapp2/.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `${node.url}/webapp2/`,
  );
});
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // the failing fixture's stack
});
afterEach(async () => {
  vi.restoreAllMocks();
  await host?.dispose();
  host = undefined;
  node.control.reset();
});
afterAll(async () => {
  await node.close();
});

function until<T>(source$: Observable<T>, predicate: (value: T) => boolean): Promise<T> {
  return firstValueFrom(source$.pipe(filter(predicate)));
}

function startHost(): Host {
  host = createHost({
    nodeUrl: node.url,
    platform: 'web',
    loadScript: evaluateFetchedScript((url) => fetch(url).then((response) => response.text())),
    // These tests are about the conference, not media (happy-dom has no WebRTC): control-only.
    media: false,
  });
  return host;
}

function conference(alias = 'meet') {
  const found = node.control.snapshot().conferences.find((entry) => entry.alias === alias);
  if (!found) throw new Error(`no conference ${alias}`);
  return found;
}

describe('joining through @pexip/infinity', () => {
  test('joins as chair; a plugin that throws while evaluated fails alone, loads the branding plugins, sees the roster the node sends', async () => {
    const current = startHost();
    expect(await current.join({ alias: 'meet', displayName: 'Tester' })).toEqual({
      kind: 'joined',
      role: 'chair',
    });
    const roster = await until(current.participants$, (list) => list.length === 3);
    expect(roster.map((participant) => participant.name).sort()).toEqual([
      'Alice Andersen',
      'Bob Berg',
      'Tester',
    ]);
    expect(roster.find((participant) => participant.name === 'Tester')?.protocol).toBe('api');
    const [probe, throws] = await until(
      current.plugins$,
      (rows) => rows[0]?.status.kind === 'loaded',
    );
    expect(probe?.id).toBe('probe-plugin');
    expect(throws).toMatchObject({
      id: 'throws',
      status: {
        kind: 'failed',
        phase: 'evaluation',
        message: 'undefinedFunctionCall is not defined',
      },
    });
    expect(await firstValueFrom(current.self$)).toMatchObject({
      role: 'chair',
      displayName: 'Tester',
      alias: 'meet',
    });
  });

  test('keeps every participant when several join in one burst', async () => {
    const current = startHost();
    await current.join({ alias: 'meet', displayName: 'Tester' });
    await until(current.participants$, (list) => list.length === 3);
    for (const displayName of ['Dana', 'Erik', 'Farah']) {
      node.control.addParticipant('meet', { displayName });
    }
    const roster = await until(current.participants$, (list) => list.length === 6);
    expect(roster.map((participant) => participant.name).sort()).toEqual([
      'Alice Andersen',
      'Bob Berg',
      'Dana',
      'Erik',
      'Farah',
      'Tester',
    ]);
  });

  test('asks for a PIN, says when it was wrong, joins as guest with the guest PIN', async () => {
    const current = startHost();
    expect(await current.join({ alias: 'pinned', displayName: 'Tester' })).toEqual({
      kind: 'pin-required',
      hostPin: true,
      guestPin: true,
      wrongPin: false,
    });
    const wrong = await current.join({ alias: 'pinned', displayName: 'Tester', pin: '0000' });
    expect(wrong.kind === 'failed' || (wrong.kind === 'pin-required' && wrong.wrongPin)).toBe(true);
    expect(await current.join({ alias: 'pinned', displayName: 'Tester', pin: '5678' })).toEqual({
      kind: 'joined',
      role: 'guest',
    });
  });

  test('an empty PIN joins as guest where only the host PIN is set', async () => {
    const current = startHost();
    expect(await current.join({ alias: 'hostpin', displayName: 'Tester', pin: '' })).toEqual({
      kind: 'joined',
      role: 'guest',
    });
  });

  test('an unknown alias fails with the node message', async () => {
    const outcome = await startHost().join({ alias: 'nowhere', displayName: 'Tester' });
    expect(outcome.kind).toBe('failed');
  });
});

describe('every PEX call makes its round trip to the node', () => {
  async function joinedHost(): Promise<Host> {
    const current = startHost();
    await current.join({ alias: 'meet', displayName: 'Tester' });
    await until(current.participants$, (list) => list.length === 3);
    return current;
  }
  const uuidOf = async (current: Host, name: string) =>
    (await firstValueFrom(current.participants$)).find((participant) => participant.name === name)
      ?.uuid ?? '';

  test('sendRequest locks the conference and conferenceDetails$ follows the node', async () => {
    const current = await joinedHost();
    expect(await api()['sendRequest']?.('/lock')).toMatchObject({ status: 'success' });
    expect((await until(current.conference$, (details) => details.locked)).locked).toBe(true);
  });

  test('sendRequest with a payload (DTMF to a participant)', async () => {
    const current = await joinedHost();
    const bob = await uuidOf(current, 'Bob Berg');
    await api()['sendRequest']?.(`participants/${bob}/dtmf`, { digits: '1234' });
    expect(conference().dtmf[bob]).toBe('1234');
  });

  test('spotlightOnParticipant / spotlightOffParticipant change the participant', async () => {
    const current = await joinedHost();
    const alice = await uuidOf(current, 'Alice Andersen');
    api()['spotlightOnParticipant']?.(alice);
    await until(
      current.participants$,
      (list) => (list.find((p) => p.uuid === alice)?.spotlight ?? 0) > 0,
    );
    api()['spotlightOffParticipant']?.(alice);
    await until(
      current.participants$,
      (list) => list.find((p) => p.uuid === alice)?.spotlight === 0,
    );
  });

  test('dialOut calls back with the new uuid, who appears in participants$; disconnectParticipant removes them', async () => {
    const current = await joinedHost();
    const result = await new Promise<{ result: string[] }>((resolveResult) => {
      api()['dialOut']?.('recorder@example.com', 'auto', 'guest', resolveResult, {
        streaming: true,
      });
    });
    expect(result.result).toHaveLength(1);
    const uuid = result.result[0] ?? '';
    await until(current.participants$, (list) => list.some((p) => p.uuid === uuid));
    expect(
      (await firstValueFrom(current.participants$)).find((p) => p.uuid === uuid)?.isStreaming,
    ).toBe(true);
    api()['disconnectParticipant']?.(uuid);
    await until(current.participants$, (list) => !list.some((p) => p.uuid === uuid));
  });

  test('dialOut to an alias the node cannot dial calls back with an empty result', async () => {
    await joinedHost();
    const result = await new Promise<{ result: string[] }>((resolveResult) => {
      api()['dialOut']?.('not a valid alias', 'sip', 'guest', resolveResult);
    });
    expect(result).toEqual({ result: [] });
  });

  test('transformConferenceLayout changes the layout the node announces', async () => {
    await joinedHost();
    api()['transformConferenceLayout']?.({ layout: '4:0' });
    await vi.waitFor(() => expect(JSON.stringify(conference().layout)).toContain('4:0'));
  });

  test('sendChatMessage reaches the node; chat from others arrives on chat$ as text', async () => {
    const current = await joinedHost();
    api()['sendChatMessage']?.('hello from a plugin');
    await vi.waitFor(() =>
      expect(conference().chat.map((message) => message.payload)).toContain('hello from a plugin'),
    );
    node.control.injectChat('meet', { payload: '<b>not bold</b>', origin: 'Alice Andersen' });
    const timeline = await until(current.timeline$, (list) =>
      list.some((entry) => entry.kind === 'chat' && !entry.own),
    );
    const received = timeline.find((entry) => entry.kind === 'chat' && !entry.own);
    expect(received?.kind === 'chat' && received.text).toBe('<b>not bold</b>');
  });

  test('leave releases the token: the node no longer lists us', async () => {
    const current = await joinedHost();
    await current.leave();
    await vi.waitFor(() =>
      expect(conference().participants.map((p) => p.display_name)).not.toContain('Tester'),
    );
    expect(await firstValueFrom(current.connection$)).toEqual({ kind: 'idle' });
  });
});

describe('the same participants everywhere', () => {
  test("a plugin's unit test (the harness) sees the participant objects the real host makes from the same node data", async () => {
    const current = startHost();
    await current.join({ alias: 'meet', displayName: 'Tester' });
    const live = await until(current.participants$, (list) => list.length === 3);
    // The node's own JSON objects, as `GET participants` and the event stream carry them.
    const nodeData = conference().participants.map((participant) => ({ ...participant }));
    await current.dispose();
    host = undefined;

    const harness = await createPluginHarness({
      packageFile: resolve(
        import.meta.dirname,
        'fixtures/plugins/no-menu-items/no-menu-items.plugin.package.json',
      ),
      sourceText: `PEX.pluginAPI.registerPlugin({id: 'no-menu-items', load() {}, unload() {}});`,
    });
    harness.node.emit({ kind: 'participants', participants: nodeData });
    await vi.waitFor(() => expect(harness.participants()).toHaveLength(3));
    const byUuid = (list: readonly Participant[]) =>
      [...list].sort((a, b) => a.uuid.localeCompare(b.uuid));
    expect(byUuid(harness.participants())).toEqual(byUuid(live));
    await harness.dispose();
  });
});

describe('leaving the page', () => {
  test('releases the token at once (pagehide), so no stale participant stays on the node', async () => {
    const current = startHost();
    await current.join({ alias: 'meet', displayName: 'Tester' });
    await vi.waitFor(() =>
      expect(conference().participants.map((p) => p.display_name)).toContain('Tester'),
    );
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() =>
      expect(conference().participants.map((p) => p.display_name)).not.toContain('Tester'),
    );
  });
});
