import { createParser, type EventSourceParser } from 'eventsource-parser';
import { request, type IncomingMessage } from 'node:http';

export interface ReceivedEvent {
  name: string;
  /** `JSON.parse` of the data line, as the official client does. */
  data: unknown;
  /** The data line exactly as sent. */
  raw: string;
}

/**
 * Reads a server-sent event stream the way `@pexip/infinity`'s event source does (named events,
 * JSON data) and lets a test wait for an event instead of sleeping. The stream is parsed by
 * `eventsource-parser` (the WHATWG algorithm: `\r\n`, multi-line data, comments), so a frame the
 * mock gets wrong shows up here as a browser would see it.
 */
export class EventReader {
  readonly events: ReceivedEvent[] = [];
  readonly #parser: EventSourceParser = createParser({
    onEvent: ({ event, data }) => this.receive(event ?? 'message', data),
  });
  #waiters: Array<{
    test: (event: ReceivedEvent) => boolean;
    resolve: (e: ReceivedEvent) => void;
    from: number;
  }> = [];
  #endWaiters: Array<() => void> = [];
  #ended = false;
  private constructor(private readonly response: IncomingMessage) {}

  static open(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { headers }, (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            reject(new Error(`events: HTTP ${response.statusCode} ${body}`)),
          );
          return;
        }
        const reader = new EventReader(response);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => reader.push(chunk));
        response.on('end', () => reader.finish());
        response.on('close', () => reader.finish());
        resolve(reader);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  get ended(): boolean {
    return this.#ended;
  }

  names(): string[] {
    return this.events.map((event) => event.name);
  }

  /** Resolves with the first event (received at or after index `from`) that passes `test`. */
  next(test: (event: ReceivedEvent) => boolean, from = 0): Promise<ReceivedEvent> {
    const found = this.events.slice(from).find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.#waiters.push({ test, resolve, from }));
  }

  named(name: string, from = 0): Promise<ReceivedEvent> {
    return this.next((event) => event.name === name, from);
  }

  /** Resolves once the server has closed the stream. */
  closed(): Promise<void> {
    if (this.#ended) return Promise.resolve();
    return new Promise((resolve) => this.#endWaiters.push(resolve));
  }

  close(): void {
    this.response.destroy();
  }

  private push(chunk: string): void {
    this.#parser.feed(chunk);
  }

  private receive(name: string, raw: string): void {
    const event: ReceivedEvent = { name, raw, data: JSON.parse(raw) };
    const index = this.events.push(event) - 1;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (index < waiter.from || !waiter.test(event)) return true;
      waiter.resolve(event);
      return false;
    });
  }

  private finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const resolve of this.#endWaiters) resolve();
    this.#endWaiters = [];
  }
}
