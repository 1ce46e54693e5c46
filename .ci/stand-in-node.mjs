#!/usr/bin/env node
// The "real" Conferencing Node of CI's second e2e run (see .ci/run), and the check of its
// conference afterwards. Plain JavaScript on purpose: CI tooling, run by node from the repo root
// after the build, with nothing to compile.
//
//   node .ci/stand-in-node.mjs serve
//     A mock node (@ipk/mock-node, no simulated people) that behaves as a real node towards the
//     suite: WebRTC calls get media (@ipk/mock-media, as from a real node's conference), its
//     /_mock/ test API answers 404 as a real node's would, every request is logged
//     ("GET /api/client/v2/…") so CI can show the run reached it, and a SIP room system sits in
//     `secure` from the start, as someone already in a shared VMR would. Prints
//     "stand-in node: http://127.0.0.1:PORT" once it listens; SIGTERM stops it.
//
//   node .ci/stand-in-node.mjs state <node-url> <alias> <host-pin>
//     The conference as a host sees it through the public client API (request_token, GET
//     conference_status and participants, release_token): JSON {locked, participants} with each
//     participant's uuid and name, sorted, the checker itself left out. Two of these compared
//     tell whether a run left the conference as it found it.
import { loadMockMedia, startMockNode } from '@ipk/mock-node';

const RESIDENT = 'Room 101 (in the conference before the run)';

async function serve() {
  const createCallMedia = await loadMockMedia((line) => console.log(`node: ${line}`));
  if (!createCallMedia)
    throw new Error('@ipk/mock-media is not built: the stand-in needs call media');
  const node = await startMockNode({
    simulate: false,
    createCallMedia,
    log: (line) => console.log(`node: ${line}`),
    extraRoutes: async (request, response, pathname) => {
      console.log(`${request.method} ${pathname}`);
      if (!pathname.startsWith('/_mock/')) return false;
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'failed', result: 'Not found' }));
      return true;
    },
  });
  node.control.addParticipant('secure', { displayName: RESIDENT, protocol: 'sip' });
  console.log(`stand-in node: ${node.url}`);
  const stop = () => void node.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function call(base, token, method, path) {
  const response = await fetch(`${base}/${path}`, { method, headers: { token } });
  const body = await response.json();
  if (!response.ok || body.status !== 'success') {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(body.result)}`);
  }
  return body.result;
}

async function state(nodeUrl, alias, hostPin) {
  const base = `${nodeUrl}/api/client/v2/conferences/${encodeURIComponent(alias)}`;
  const joined = await fetch(`${base}/request_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', pin: hostPin },
    body: JSON.stringify({ display_name: 'CI conference check' }),
  });
  const { result } = await joined.json();
  if (!joined.ok || result?.role !== 'HOST') {
    throw new Error(`request_token as host: HTTP ${joined.status} ${JSON.stringify(result)}`);
  }
  try {
    const status = await call(base, result.token, 'GET', 'conference_status');
    const participants = await call(base, result.token, 'GET', 'participants');
    const others = participants
      .filter((participant) => participant.uuid !== result.participant_uuid)
      .map((participant) => ({ uuid: participant.uuid, name: participant.display_name }))
      .sort((a, b) => a.uuid.localeCompare(b.uuid));
    console.log(JSON.stringify({ locked: status.locked, participants: others }, null, 2));
  } finally {
    await call(base, result.token, 'POST', 'release_token').catch(() => undefined);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === 'serve') await serve();
else if (command === 'state' && args.length === 3) await state(...args);
else {
  console.error('usage: stand-in-node.mjs serve | state <node-url> <alias> <host-pin>');
  process.exit(2);
}
