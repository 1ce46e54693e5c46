// Benchmark: 1,000 participants join, then 5,000 participant updates arrive in one burst (as
// after a reconnect or in a busy webinar). Prints how often participants$ emitted and the CPU
// time spent, for the host's per-animation-frame coalescing and for emitting on every change.
// Runs the real path: node event → PEX.pexrtc callbacks → ConferenceModel → participants$.
import { ConferenceModel } from '../dist/conference-model.js';
import { animationFrameScheduler } from '../dist/frame-scheduler.js';
import { PexRTC } from '../dist/pexrtc-facade.js';
import { nodeParticipant } from '../dist/testing/participant-defaults.js';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 5_000);

/** Participant `index` at its `revision`th change, from the kit's one set of node defaults. */
function participantAt(index, revision) {
  return nodeParticipant(`uuid-${index}`, {
    display_name: `Person ${index} r${revision}`,
    overlay_text: `Person ${index}`,
    role: index % 10 === 0 ? 'chair' : 'guest',
    start_time: 1_700_000_000 + index,
    buzz_time: revision % 7 === 0 ? 1_700_000_500 : 0,
    is_muted: revision % 2 === 0 ? 'YES' : 'NO',
  });
}

async function run(label, scheduler) {
  let actions = 0;
  const model = new ConferenceModel(scheduler, () => (actions += 1));
  const pexrtc = new PexRTC({
    upsert: (p) => model.upsert(p),
    remove: (u) => model.remove(u),
    chat: () => {},
  });
  let emissions = 0;
  let lastLength = 0;
  model.participants$.subscribe((list) => {
    emissions += 1;
    lastLength = list.length;
  });
  const settled = () =>
    new Promise((resolve) => {
      const check = () => (lastLength === PARTICIPANTS ? resolve() : setTimeout(check, 1));
      check();
    });
  emissions = 0;
  for (let index = 0; index < PARTICIPANTS; index += 1) pexrtc.feedCreate(participantAt(index, 0));
  await settled();
  const joinEmissions = emissions;
  emissions = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let update = 0; update < UPDATES; update += 1) {
    pexrtc.feedUpdate(participantAt(update % PARTICIPANTS, update + 1));
  }
  await new Promise((resolve) => setTimeout(resolve, 40)); // let the pending frame fire
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  model.dispose();
  return {
    label,
    joinEmissions,
    burstEmissions: emissions,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: wall,
    actions,
  };
}

const synchronous = (callback) => {
  callback();
  return () => {};
};

const coalesced = await run(
  'coalesced (one emission per frame)',
  animationFrameScheduler(undefined),
);
const everyChange = await run('emit on every change (baseline)', synchronous);
for (const result of [coalesced, everyChange]) {
  console.log(
    `${result.label}: ${PARTICIPANTS} joins → ${result.joinEmissions} emission(s); ` +
      `${UPDATES} updates → ${result.burstEmissions} emission(s); CPU ${result.cpuMs.toFixed(1)} ms ` +
      `(wall ${result.wallMs.toFixed(1)} ms incl. a 40 ms wait for the frame; ${result.actions} app actions dispatched)`,
  );
}
console.log(
  `ratio: ${(everyChange.burstEmissions / Math.max(coalesced.burstEmissions, 1)).toFixed(0)}× fewer emissions, ` +
    `${(everyChange.cpuMs / coalesced.cpuMs).toFixed(1)}× less CPU with coalescing`,
);
