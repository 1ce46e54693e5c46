/**
 * 20 calls in a row from headless Chromium (fake camera) to one MediaPeer each, like 20 people
 * joining and leaving the mock node one after another. After each call hangs up it prints the
 * open UDP sockets and timers, RSS and heap; at the end, the growth from the first call to the
 * last. Run with `npm run bench` (after `npm run build`); `--expose-gc` makes the heap figures
 * comparable by collecting garbage before each reading.
 */
import { createMediaPeer } from '../media-peer.js';
import type { MediaPeer } from '../media-peer.js';
import { launchChromiumCaller } from '../testing/chromium-caller.js';

const CALLS = Number(process.env.CALLS ?? 20);
const MiB = 1024 * 1024;

interface Reading {
  udpSockets: number;
  timers: number;
  rssMiB: number;
  heapMiB: number;
}

function read(): Reading {
  (globalThis as { gc?: () => void }).gc?.();
  const resources = process.getActiveResourcesInfo();
  const memory = process.memoryUsage();
  return {
    udpSockets: resources.filter((name) => name === 'UDPWrap').length,
    timers: resources.filter((name) => name === 'Timeout').length,
    rssMiB: memory.rss / MiB,
    heapMiB: memory.heapUsed / MiB,
  };
}

function connected(peer: MediaPeer): Promise<void> {
  if (peer.state === 'connected') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = peer.onStateChange((state) => {
      if (state !== 'connected') return;
      stop();
      resolve();
    });
  });
}

const row = (cells: (string | number)[]) => cells.map((cell) => String(cell).padStart(11)).join('');

async function main(): Promise<void> {
  const caller = await launchChromiumCaller(() => createMediaPeer(), { pagePerCall: true });
  const before = read();
  console.log(
    `${CALLS} calls in a row; gc between readings: ${typeof (globalThis as { gc?: unknown }).gc === 'function'}`,
  );
  console.log(row(['call', 'setup ms', 'frames', 'udp open', 'timers', 'rss MiB', 'heap MiB']));
  console.log(
    row([
      'before',
      '',
      '',
      before.udpSockets,
      before.timers,
      before.rssMiB.toFixed(1),
      before.heapMiB.toFixed(1),
    ]),
  );
  const readings: Reading[] = [];
  const setups: number[] = [];
  for (let call = 1; call <= CALLS; call += 1) {
    const started = performance.now();
    const peer = await caller.startCall();
    await connected(peer);
    setups.push(performance.now() - started);
    const frames = await caller.watchFrames(5);
    await caller.hangUp();
    const reading = read();
    readings.push(reading);
    console.log(
      row([
        call,
        (setups.at(-1) ?? 0).toFixed(0),
        frames.presentedFrames,
        reading.udpSockets,
        reading.timers,
        reading.rssMiB.toFixed(1),
        reading.heapMiB.toFixed(1),
      ]),
    );
  }
  await caller.close();
  const first = readings[0];
  const last = readings.at(-1);
  if (!first || !last) return;
  const middle = readings[Math.floor(CALLS / 2) - 1];
  if (middle) {
    console.log(
      `growth from call ${Math.floor(CALLS / 2)} to call ${CALLS} (after warm-up): ` +
        `rss ${(last.rssMiB - middle.rssMiB).toFixed(1)} MiB, heap ${(last.heapMiB - middle.heapMiB).toFixed(1)} MiB`,
    );
  }
  const sortedSetups = [...setups].sort((a, b) => a - b);
  console.log(
    `growth from call 1 to call ${CALLS}: udp sockets ${last.udpSockets - first.udpSockets}, ` +
      `timers ${last.timers - first.timers}, rss ${(last.rssMiB - first.rssMiB).toFixed(1)} MiB, ` +
      `heap ${(last.heapMiB - first.heapMiB).toFixed(1)} MiB ` +
      `(${(((last.heapMiB - first.heapMiB) / first.heapMiB) * 100).toFixed(1)}% of call 1's heap)`,
  );
  console.log(
    `call setup (offer to connected): median ${sortedSetups[Math.floor(CALLS / 2)]?.toFixed(0)} ms, ` +
      `max ${sortedSetups.at(-1)?.toFixed(0)} ms`,
  );
}

await main();
