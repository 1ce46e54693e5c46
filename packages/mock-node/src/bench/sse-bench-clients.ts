/**
 * The bench's clients, in a worker thread: opens every event stream, parses it like a browser
 * would (`eventsource-parser`, the WHATWG algorithm; JSON-parse the data), and records each
 * delivery's latency from the send time carried in the chat payload.
 */
import { createParser } from 'eventsource-parser';
import { request, type IncomingMessage } from 'node:http';
import { Agent } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

interface Setup {
  urls: string[];
  /** The event that ends a client's initial burst (sync bracket or hello). */
  readyEvent: string;
}

const { urls, readyEvent } = workerData as Setup;
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
let deliveries = 0;
let lastAt = 0;
let latencies: number[] = [];
let waiting: { expected: number; resolve: () => void } | undefined;

function now(): number {
  return performance.timeOrigin + performance.now();
}

function onMessage(data: string): void {
  const message = JSON.parse(data) as { payload: string };
  const at = now();
  latencies.push(at - Number(message.payload));
  deliveries += 1;
  lastAt = at;
  if (waiting !== undefined && deliveries >= waiting.expected) waiting.resolve();
}

function open(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent }, (response: IncomingMessage) => {
      const parser = createParser({
        onEvent: ({ event, data }) => {
          if (event === readyEvent) resolve();
          else if (event === 'message_received') onMessage(data);
        },
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

parentPort?.on('message', (message: { type: string; expected?: number }) => {
  if (message.type === 'connect') {
    const start = now();
    Promise.all(urls.map(open)).then(
      () => parentPort?.postMessage({ syncMs: now() - start }),
      (error: unknown) => parentPort?.postMessage({ error: String(error) }),
    );
    return;
  }
  if (message.type === 'collect') {
    deliveries = 0;
    latencies = [];
    const expected = message.expected ?? 0;
    const finish = () => {
      clearTimeout(timeout);
      waiting = undefined;
      parentPort?.postMessage({ deliveries, lastAt, latenciesMs: latencies });
    };
    const timeout = setTimeout(finish, 30_000);
    waiting = { expected, resolve: finish };
  }
});
