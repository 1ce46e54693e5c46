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
  let buffer = '';

  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  })();

  function dispatch(frame: string): void {
    const type = /^event: (.*)$/m.exec(frame)?.[1];
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (type === undefined || data === undefined) return;
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
