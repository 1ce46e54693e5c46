import { createParser } from 'eventsource-parser';

/** A page's view of the live-reload channel, for tests and the bench: waits for named events. */
export interface DevEventReader {
  /** Resolves with the data of the next event of that type (events already read are skipped). */
  next(type: string): Promise<{ plugin: string; message?: string }>;
  close(): void;
}

export async function openDevEvents(url: string): Promise<DevEventReader> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (response.body === null) throw new Error(`${url} answered without a body`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const waiting: Array<{ type: string; resolve: (data: { plugin: string }) => void }> = [];
  // The WHATWG event-stream algorithm, as the page's `EventSource` applies it.
  const parser = createParser({ onEvent: ({ event, data }) => dispatch(event, data) });

  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  })();

  function dispatch(type: string | undefined, data: string): void {
    if (type === undefined) return;
    const index = waiting.findIndex((waiter) => waiter.type === type);
    if (index === -1) return;
    const [waiter] = waiting.splice(index, 1);
    waiter?.resolve(JSON.parse(data) as { plugin: string });
  }

  return {
    next: (type) => new Promise((resolve) => waiting.push({ type, resolve })),
    close: () => abort.abort(),
  };
}
