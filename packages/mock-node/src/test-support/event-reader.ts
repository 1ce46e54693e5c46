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
 * JSON data) and lets a test wait for an event instead of sleeping.
 */
export class EventReader {
  readonly events: ReceivedEvent[] = [];
  #buffer = '';
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
    this.#buffer += chunk;
    let boundary = this.#buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const frame = this.#buffer.slice(0, boundary);
      this.#buffer = this.#buffer.slice(boundary + 2);
      this.parseFrame(frame);
      boundary = this.#buffer.indexOf('\n\n');
    }
  }

  private parseFrame(frame: string): void {
    let name = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event: ')) name = line.slice(7);
      if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    const raw = data.join('\n');
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
