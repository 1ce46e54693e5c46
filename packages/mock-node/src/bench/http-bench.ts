/**
 * Benchmark of the mock node's HTTP parts, one request at a time on a keep-alive connection:
 * route lookup, a client-API call, a call with an 8 KiB JSON body, the same call through a
 * second mock node in upstream mode, and static files (an asset and the SPA fallback). Prints the
 * median and p99 round trip of each, requests/s, and the share of the route lookup.
 *
 * Run: `npm run bench -w @ipk/mock-node` (after `npm run build`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchRoute } from '../client-api-router.js';
import { startMockNode } from '../mock-node.js';
import { percentile } from './stats.js';

const REQUESTS = 1500;
const ROUNDS = 3;
const LOOKUPS = 20_000;
const UUID = '5a7e9c2b-1f3d-4e6a-9b8c-0d1e2f3a4b5c';
const ROUTES: Array<[string, string]> = [
  ['POST', 'request_token'],
  ['POST', 'refresh_token'],
  ['GET', 'participants'],
  ['GET', 'conference_status'],
  ['POST', `participants/${UUID}/mute`],
  ['POST', `participants/${UUID}/buzz`],
  ['POST', `participants/${UUID}/calls/${UUID}/ack`],
  ['POST', `participants/${UUID}/calls/${UUID}/new_candidate`],
  ['GET', 'theme/'],
  ['POST', 'video_mixes/main/configure'],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Nanoseconds per route lookup over the ten routes above. */
function lookupNs(): number {
  for (let i = 0; i < 2000; i += 1) for (const [method, path] of ROUTES) matchRoute(method, path);
  const start = process.hrtime.bigint();
  for (let i = 0; i < LOOKUPS; i += 1) {
    for (const [method, path] of ROUTES) matchRoute(method, path);
  }
  return Number(process.hrtime.bigint() - start) / (LOOKUPS * ROUTES.length);
}

/** Round-trip times in ms of `REQUESTS` sequential requests (the body is read each time). */
async function roundTrips(url: string, init: RequestInit = {}): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const start = performance.now();
    const response = await fetch(url, init);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  const appDir = await mkdtemp(join(tmpdir(), 'ipk-http-bench-'));
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>bench</title>');
  await writeFile(join(appDir, 'app.js'), `console.log(${JSON.stringify('x'.repeat(100_000))});`);
  const node = await startMockNode({ simulate: false, tokenExpiresSeconds: 3600, appDir });
  const proxy = await startMockNode({ upstream: node.url, appDir });
  try {
    const join = await fetch(`${node.url}/api/client/v2/conferences/meet/request_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: 'Bench' }),
    });
    const { result } = (await join.json()) as { result: { token: string } };
    const token = { token: result.token };
    const api = (origin: string) => `${origin}/api/client/v2/conferences/meet`;
    const chat = JSON.stringify({ type: 'application/json', payload: 'x'.repeat(8 * 1024) });
    const phases: Array<[string, () => Promise<number[]>]> = [
      ['GET participants', () => roundTrips(`${api(node.url)}/participants`, { headers: token })],
      [
        'POST message (8 KiB body)',
        () =>
          roundTrips(`${api(node.url)}/message`, {
            method: 'POST',
            headers: { ...token, 'content-type': 'application/json' },
            body: chat,
          }),
      ],
      [
        'GET participants via upstream',
        () => roundTrips(`${api(proxy.url)}/participants`, { headers: token }),
      ],
      ['GET /webapp2/app.js (100 KB)', () => roundTrips(`${node.url}/webapp2/app.js`)],
      ['GET /webapp2/conference/meet', () => roundTrips(`${node.url}/webapp2/conference/meet`)],
    ];
    const results = new Map<string, { p50: number[]; p99: number[] }>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, run] of phases) {
        const times = await run();
        const sorted = [...times].sort((a, b) => a - b);
        const entry = results.get(name) ?? { p50: [], p99: [] };
        entry.p50.push(median(times));
        entry.p99.push(percentile(sorted, 99));
        results.set(name, entry);
      }
    }
    const lookups = [lookupNs(), lookupNs(), lookupNs()];
    console.log(
      `HTTP bench: ${REQUESTS} sequential requests per phase on one keep-alive connection, ` +
        `median of ${ROUNDS} rounds`,
    );
    for (const [name, entry] of results) {
      const p50 = median(entry.p50);
      console.log(
        `${name.padEnd(32)} p50 ${p50.toFixed(3)} ms  p99 ${median(entry.p99).toFixed(3)} ms  ` +
          `(${Math.round(1000 / p50).toLocaleString('en-US')} requests/s)`,
      );
    }
    const lookupMs = median(lookups) / 1e6;
    const direct = median(results.get('GET participants')!.p50);
    const viaUpstream = median(results.get('GET participants via upstream')!.p50);
    console.log(
      `route lookup ${(lookupMs * 1000).toFixed(2)} µs = ${((lookupMs / direct) * 100).toFixed(2)}% ` +
        `of a GET participants round trip; upstream/direct ${(viaUpstream / direct).toFixed(2)}×`,
    );
  } finally {
    await proxy.close();
    await node.close();
    await rm(appDir, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
