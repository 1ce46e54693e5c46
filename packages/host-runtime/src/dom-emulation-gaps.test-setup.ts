/**
 * Fills two gaps of happy-dom that real browsers (and the Conferencing Node's clients) do not
 * have, for the tests that talk to an in-process mock node:
 * - no `EventSource`: the `eventsource` package is the WHATWG implementation over `fetch`;
 * - `fetch` sends a method as written (`'post'`), where browsers normalise `post` to `POST`
 *   (Fetch standard, "normalize a method"); `@pexip/infinity-api` writes `'post'`;
 * - reading a `Response.clone()` empties the original's body (`@pexip/infinity` logs every JSON
 *   answer through a clone): JSON answers are buffered so each clone gets its own body.
 *   Event streams are passed through untouched;
 * - no `RTCPeerConnection`: `@pexip/infinity` builds one even for a control-only call (no
 *   transceivers, so it never negotiates); an inert stand-in with the same shape lets that
 *   code path run. Real media is tested in a browser (`@ipk/host-app`,
 *   `stage-media.browser.test.ts`).
 */
import { EventSource } from 'eventsource';
import { request as httpRequest } from 'node:http';

const globals = globalThis as unknown as Record<string, unknown>;

/**
 * happy-dom's `fetch` resolves only once the whole body has arrived, so an event stream would
 * never open. The event source gets a small streaming fetch over `node:http` instead.
 */
function streamingFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      String(url),
      { method: 'GET', headers: { accept: 'text/event-stream' } },
      (incoming) => {
        // Set once the stream is over (cancelled by the reader, closed, errored): chunks still
        // queued in timers are then dropped.
        let cancelled = false;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            // A browser dispatches `open` and each message as separate tasks, so promise
            // continuations run in between (@pexip/infinity subscribes its handlers right after
            // `open`); deliver each chunk in a later task to keep that ordering.
            incoming.on('data', (chunk: Buffer) =>
              setTimeout(() => {
                if (!cancelled) controller.enqueue(new Uint8Array(chunk));
              }),
            );
            incoming.on('end', () =>
              setTimeout(() => {
                if (cancelled) return;
                cancelled = true;
                controller.close();
              }),
            );
            incoming.on('error', (error) => {
              if (cancelled) return;
              cancelled = true;
              controller.error(error);
            });
          },
          cancel() {
            cancelled = true;
            incoming.destroy();
          },
        });
        const headers = new Map(
          Object.entries(incoming.headers).map(([key, value]) => [key, String(value)]),
        );
        resolve({
          status: incoming.statusCode ?? 0,
          redirected: false,
          url: String(url),
          headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
          body,
        } as unknown as Response);
      },
    );
    outgoing.on('error', reject);
    init?.signal?.addEventListener('abort', () => {
      outgoing.destroy();
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    });
    outgoing.end();
  });
}

class StreamingEventSource extends EventSource {
  constructor(url: string | URL, init?: { withCredentials?: boolean }) {
    super(url, { ...init, fetch: streamingFetch });
  }
}
if (typeof globals['EventSource'] !== 'function') globals['EventSource'] = StreamingEventSource;

const emulatedFetch = globalThis.fetch;
const NORMALISED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const method = init?.method?.toUpperCase();
  const normalised = method && NORMALISED.includes(method) ? { ...init, method } : init;
  return emulatedFetch(input, normalised).then(async (response) => {
    if (!response.headers.get('content-type')?.startsWith('application/json')) return response;
    const body = await response.text();
    return new Response(response.status === 204 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
}) as typeof fetch;

/** An idle peer connection with no transceivers: what a control-only call holds. */
class InertPeerConnection extends EventTarget {
  connectionState = 'new';
  iceConnectionState = 'new';
  iceGatheringState = 'new';
  signalingState = 'stable';
  localDescription = null;
  remoteDescription = null;
  currentLocalDescription = null;
  currentRemoteDescription = null;
  onconnectionstatechange = null;
  oniceconnectionstatechange = null;
  onicegatheringstatechange = null;
  onsignalingstatechange = null;
  onnegotiationneeded = null;
  onicecandidate = null;
  onicecandidateerror = null;
  ontrack = null;
  ondatachannel = null;
  getTransceivers(): unknown[] {
    return [];
  }
  getSenders(): unknown[] {
    return [];
  }
  getReceivers(): unknown[] {
    return [];
  }
  getConfiguration(): Record<string, unknown> {
    return {};
  }
  setConfiguration(): void {}
  close(): void {
    this.connectionState = 'closed';
    this.signalingState = 'closed';
  }
}
if (typeof globals['RTCPeerConnection'] !== 'function')
  globals['RTCPeerConnection'] = InertPeerConnection;
