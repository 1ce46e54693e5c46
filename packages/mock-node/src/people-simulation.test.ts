import { afterEach, describe, expect, it } from 'vitest';
import { startMockNode, type MockNode } from './mock-node.js';
import type { SimulationStep } from './people-simulation.js';
import { ApiClient } from './test-support/api-client.js';

const nodes: MockNode[] = [];
async function node(options: Parameters<typeof startMockNode>[0] = {}): Promise<MockNode> {
  const started = await startMockNode({ simulationIntervalMs: 3_600_000, ...options });
  nodes.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.close()));
});

function steps(mock: MockNode, count: number): Array<SimulationStep | undefined> {
  return Array.from({ length: count }, () => mock.control.simulationStep());
}

describe('simulated people', () => {
  it('seats the people who are present from the start in meet', async () => {
    const mock = await node();
    const names = mock.control.snapshot().conferences[0]!.participants.map((p) => p.display_name);
    expect(names).toEqual(['Alice Andersen', 'Bob Berg', 'Carmen Castillo', 'Meeting Room 4']);
  });

  it('follows the same schedule for the same seed, and another for another seed', async () => {
    const first = steps(await node({ seed: 7 }), 40);
    const second = steps(await node({ seed: 7 }), 40);
    const other = steps(await node({ seed: 8 }), 40);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('joins, leaves, speaks, chats and raises hands over a schedule', async () => {
    const actions = new Set(steps(await node(), 200).map((step) => step?.action));
    for (const action of ['join', 'leave', 'speak', 'chat', 'raise_hand', 'lower_hand', 'mute']) {
      expect(actions).toContain(action);
    }
  });

  it('shows what they do on the event stream: stage, chat, updates, arrivals and departures', async () => {
    const mock = await node();
    const me = await new ApiClient(mock, 'meet').join('Watcher');
    const events = await me.listen();
    const from = events.events.length;
    steps(mock, 60);
    const stage = await events.named('stage', from);
    const speaker = (
      stage.data as Array<{ participant_uuid: string; stage_index: number; vad: number }>
    )[0];
    expect(speaker).toMatchObject({ stage_index: 0, vad: 100 });
    await events.named('message_received', from);
    await events.named('participant_update', from);
    await events.named('participant_delete', from);
    events.close();
  });

  it('is off with simulate: false', async () => {
    const mock = await node({ simulate: false });
    expect(mock.control.snapshot().conferences[0]!.participants).toEqual([]);
    expect(mock.control.simulationStep()).toBeUndefined();
  });

  it('moves on by itself on its timer', async () => {
    const mock = await node({ simulationIntervalMs: 5 });
    const me = await new ApiClient(mock, 'meet').join('Watcher');
    const events = await me.listen();
    await events.next(
      (e) => e.name === 'stage' || e.name === 'message_received',
      events.events.length,
    );
    events.close();
  });
});
