/**
 * Benchmark: one conference with 1,000 participants, 200 event-stream clients. Prints events/s
 * delivered and p50/p99 delivery latency for the mock node and for a minimal raw `node:http` SSE
 * loop measured the same way in the same run, and their ratio. Clients run in a worker thread so
 * their parsing does not share the servers' event loop.
 *
 * Run: `npm run bench -w @ipk/mock-node` (after `npm run build`).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { startMockNode } from '../mock-node.js';
import { percentile } from './stats.js';

const PARTICIPANTS = 1000;
const CLIENTS = 200;
const THROUGHPUT_EVENTS = 1000;
const THROUGHPUT_BATCH = 25;
const LATENCY_EVENTS = 200;
const LATENCY_INTERVAL_MS = 10;

export interface Target {
  name: string;
  /** Event-stream URLs, one per client. */
  urls: string[];
  /** The event that ends a client's initial burst (sync bracket or hello). */
  readyEvent: string;
  /** Sends one event to every client; the payload carries the send time. */
  emit(payload: string): void;
  close(): Promise<void>;
}

export interface PhaseResult {
  deliveries: number;
  expected: number;
  seconds: number;
  latenciesMs: number[];
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

async function mockTarget(): Promise<Target> {
  const node = await startMockNode({ simulate: false, tokenExpiresSeconds: 3600 });
  for (let i = 0; i < PARTICIPANTS - CLIENTS; i += 1) {
    node.control.addParticipant('meet', { displayName: `Participant ${i}` });
  }
  const urls: string[] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const response = await fetch(`${node.url}/api/client/v2/conferences/meet/request_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: `Client ${i}` }),
    });
    const { result } = (await response.json()) as { result: { token: string } };
    urls.push(`${node.url}/api/client/v2/conferences/meet/events?token=${result.token}`);
  }
  return {
    name: 'mock node',
    urls,
    readyEvent: 'participant_sync_end',
    emit: (payload) => {
      node.control.injectChat('meet', { payload, origin: 'bench' });
    },
    close: () => node.close(),
  };
}

/** The floor: a bare `node:http` server writing the same frames to every open response. */
async function rawTarget(): Promise<Target> {
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write('event: hello\ndata: null\n\n');
    streams.add(response);
    request.once('close', () => streams.delete(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const uuid = '00000000-0000-4000-8000-000000000000';
  return {
    name: 'raw node:http',
    urls: Array.from({ length: CLIENTS }, () => `http://127.0.0.1:${port}/events`),
    readyEvent: 'hello',
    emit: (payload) => {
      const message = { origin: 'bench', type: 'text/plain', payload, uuid, direct: false };
      const frame = `event: message_received\ndata: ${JSON.stringify(message)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A worker holding every client connection; answers `{phase results}` when asked. */
class ClientPool {
  readonly #worker: Worker;

  constructor(target: Target) {
    this.#worker = new Worker(new URL('./sse-bench-clients.js', import.meta.url), {
      workerData: { urls: target.urls, readyEvent: target.readyEvent },
    });
  }

  private request<T>(message: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#worker.once('message', (answer: { error?: string }) => {
        if (answer.error === undefined) resolve(answer as T);
        else reject(new Error(`bench client: ${answer.error}`));
      });
      this.#worker.once('error', reject);
      this.#worker.postMessage(message);
    });
  }

  ready(): Promise<{ syncMs: number }> {
    return this.request({ type: 'connect' });
  }

  /** Waits until `expected` deliveries arrived (or 30 s passed) and returns what was measured. */
  collect(
    expected: number,
  ): Promise<{ deliveries: number; lastAt: number; latenciesMs: number[] }> {
    return this.request({ type: 'collect', expected });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

async function throughput(target: Target, pool: ClientPool): Promise<PhaseResult> {
  const expected = THROUGHPUT_EVENTS * CLIENTS;
  const collected = pool.collect(expected);
  const start = now();
  for (let sent = 0; sent < THROUGHPUT_EVENTS; sent += THROUGHPUT_BATCH) {
    for (let i = 0; i < THROUGHPUT_BATCH; i += 1) target.emit(String(now()));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = await collected;
  return {
    deliveries: result.deliveries,
    expected,
    seconds: (result.lastAt - start) / 1000,
    latenciesMs: result.latenciesMs,
  };
}

async function latency(target: Target, pool: ClientPool): Promise<PhaseResult> {
  const expected = LATENCY_EVENTS * CLIENTS;
  const collected = pool.collect(expected);
  const start = now();
  for (let sent = 0; sent < LATENCY_EVENTS; sent += 1) {
    target.emit(String(now()));
    await new Promise((resolve) => setTimeout(resolve, LATENCY_INTERVAL_MS));
  }
  const result = await collected;
  return {
    deliveries: result.deliveries,
    expected,
    seconds: (result.lastAt - start) / 1000,
    latenciesMs: result.latenciesMs,
  };
}

const ROUNDS = 4;
const DEBUG = process.env['BENCH_DEBUG'] === '1';

interface Contender {
  target: Target;
  pool: ClientPool;
  syncMs: number;
  eventsPerSecond: number[];
  p50: number[];
  p99: number[];
  delivered: number;
  expected: number;
}

async function contender(makeTarget: () => Promise<Target>): Promise<Contender> {
  const target = await makeTarget();
  const pool = new ClientPool(target);
  const { syncMs } = await pool.ready();
  return { target, pool, syncMs, eventsPerSecond: [], p50: [], p99: [], delivered: 0, expected: 0 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length % 2 === 1) return sorted[Math.floor(middle)] ?? Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Alternates the two in every round, so a busy moment on the machine hurts both alike. */
async function round(contenders: Contender[]): Promise<void> {
  for (const c of contenders) {
    if (DEBUG) console.log(`throughput ${c.target.name}`);
    const burst = await throughput(c.target, c.pool);
    c.eventsPerSecond.push(burst.deliveries / burst.seconds);
    c.delivered += burst.deliveries;
    c.expected += burst.expected;
  }
  for (const c of contenders) {
    if (DEBUG) console.log(`latency ${c.target.name}`);
    const paced = await latency(c.target, c.pool);
    const sorted = [...paced.latenciesMs].sort((a, b) => a - b);
    c.p50.push(percentile(sorted, 50));
    c.p99.push(percentile(sorted, 99));
    c.delivered += paced.deliveries;
    c.expected += paced.expected;
  }
}

async function main(): Promise<void> {
  console.log(
    `SSE bench: ${PARTICIPANTS} participants, ${CLIENTS} event-stream clients; ` +
      `throughput ${THROUGHPUT_EVENTS} events in batches of ${THROUGHPUT_BATCH}, ` +
      `latency ${LATENCY_EVENTS} events every ${LATENCY_INTERVAL_MS} ms; median of ${ROUNDS} alternating rounds`,
  );
  const raw = await contender(rawTarget);
  const mock = await contender(mockTarget);
  try {
    // Alternate who goes first too: the second runner of a round was seen to profit.
    for (let i = 0; i < ROUNDS; i += 1) await round(i % 2 === 0 ? [raw, mock] : [mock, raw]);
  } finally {
    for (const c of [raw, mock]) {
      await c.pool.close();
      await c.target.close();
    }
  }
  for (const c of [raw, mock]) {
    console.log(
      `${c.target.name.padEnd(14)} ${Math.round(median(c.eventsPerSecond)).toLocaleString('en-US').padStart(10)} events/s delivered` +
        `  p50 ${median(c.p50).toFixed(2)} ms  p99 ${median(c.p99).toFixed(2)} ms` +
        `  (delivered ${c.delivered}/${c.expected}, connect+sync ${Math.round(c.syncMs)} ms)`,
    );
  }
  const ratio = median(mock.eventsPerSecond) / median(raw.eventsPerSecond);
  console.log(
    `ratio mock/raw: ${ratio.toFixed(2)}× (goal ≥ 0.8×); mock p99 ${median(mock.p99).toFixed(2)} ms (goal < 50 ms)`,
  );
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
