import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';

/**
 * A second participant that joins through Pexip's public client API (client-api.md:
 * `request_token`, `events`, `message`, `release_token`) with plain `fetch`, so the other side of
 * a call works the same on the mock node and on a real deployment.
 */
export interface BotOptions {
  /** Origin of the node's client API, e.g. `http://127.0.0.1:41234` or `https://pexip.example.com`. */
  readonly apiOrigin: string;
  readonly alias: string;
  readonly displayName: string;
  readonly pin?: string;
  /**
   * Open the event stream (default true). Without it the bot is still a participant (the node
   * counts an API client from `request_token` on), but reads nothing: the conference keeper uses
   * that, since it only sends requests.
   */
  readonly listen?: boolean;
  /** Told of every successful answer to `request()` (the e2e fixtures note dial-outs with it). */
  readonly onAnswer?: (call: string, result: unknown) => void;
}

export interface NodeEvent {
  readonly name: string;
  readonly data: unknown;
}

const TOKEN_FIELDS = ['token', 'participant_uuid', 'role', 'expires'] as const;
type TokenResult = Record<(typeof TOKEN_FIELDS)[number], string>;

export class BotRequestError extends Error {
  override name = 'BotRequestError';
}

function isTokenResult(value: unknown): value is TokenResult {
  const record = (value ?? {}) as Record<string, unknown>;
  return TOKEN_FIELDS.every((key) => typeof record[key] === 'string');
}

/** Reads Pexip's `{status, result}` envelope; anything else is an error naming the call. */
async function resultOf(response: Response, call: string): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BotRequestError(`${call}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const envelope = body as { status?: unknown; result?: unknown };
  if (!response.ok || envelope.status !== 'success') {
    throw new BotRequestError(
      `${call}: HTTP ${response.status} ${JSON.stringify(envelope.result)}`,
    );
  }
  return envelope.result;
}

export class BotParticipant {
  readonly displayName: string;
  private readonly base: string;
  private token = '';
  private uuidValue = '';
  private roleValue = '';
  private readonly events: NodeEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly stream = new AbortController();
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private left = false;

  private constructor(private readonly options: BotOptions) {
    this.displayName = options.displayName;
    this.base = `${options.apiOrigin}/api/client/v2/conferences/${encodeURIComponent(options.alias)}`;
  }

  /** Requests a token and opens the event stream: the bot is in the roster when this resolves. */
  static async join(options: BotOptions): Promise<BotParticipant> {
    const bot = new BotParticipant(options);
    await bot.requestToken();
    if (options.listen === false) return bot;
    try {
      await bot.openEvents();
    } catch (error) {
      await bot.leave();
      throw error;
    }
    return bot;
  }

  get uuid(): string {
    return this.uuidValue;
  }

  /** `HOST` or `GUEST`, as the node decided from the PIN. */
  get role(): string {
    return this.roleValue;
  }

  /** Sends a chat message to the whole conference (everyone but the sender receives it). */
  async chat(payload: string): Promise<void> {
    await this.request('POST', 'message', { type: 'text/plain', payload });
  }

  /**
   * Any client-API call on the conference (`participants`, `lock`,
   * `participants/<uuid>/disconnect`, …) with this bot's token: the `result` of Pexip's envelope,
   * or a `BotRequestError` naming the call and the node's answer.
   */
  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.base}/${path}`, {
      method,
      headers: {
        token: this.token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const result = await resultOf(response, `${method} ${path}`);
    this.options.onAnswer?.(path, result);
    return result;
  }

  /** Resolves with the first event (seen so far or still to come) that `matches`. */
  waitForEvent(
    name: string,
    matches: (data: unknown) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<NodeEvent> {
    const find = () => this.events.find((event) => event.name === name && matches(event.data));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new BotRequestError(`${this.displayName}: no "${name}" event within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const check = () => {
        const found = find();
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Chat messages this bot received, as `message_received` data. */
  receivedChat(): { origin?: string; payload?: string }[] {
    return this.events
      .filter((event) => event.name === 'message_received')
      .map((event) => event.data as { origin?: string; payload?: string });
  }

  /** Leaves the conference (`release_token`); safe to call twice. */
  async leave(): Promise<void> {
    if (this.left) return;
    this.left = true;
    clearInterval(this.refreshTimer);
    this.stream.abort();
    await this.request('POST', 'release_token').catch(() => undefined);
  }

  private async requestToken(): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.pin) headers.pin = this.options.pin;
    const response = await fetch(`${this.base}/request_token`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ display_name: this.displayName }),
    });
    const result = await resultOf(response, 'request_token');
    if (!isTokenResult(result)) {
      throw new BotRequestError(`request_token: unexpected result ${JSON.stringify(result)}`);
    }
    this.token = result.token;
    this.uuidValue = result.participant_uuid;
    this.roleValue = result.role;
    // Pexip: refresh well before `expires` seconds pass, or the node drops the participant.
    const refreshMs = Math.max(5, Number(result.expires) / 3) * 1000;
    this.refreshTimer = setInterval(() => void this.refresh(), refreshMs);
    this.refreshTimer.unref();
  }

  private async refresh(): Promise<void> {
    const result = await this.request('POST', 'refresh_token').catch(() => undefined);
    const token = (result as { token?: unknown } | null | undefined)?.token;
    if (typeof token === 'string') this.token = token;
  }

  /** Opens `events` and reads server-sent events until `leave()` aborts the stream. */
  private async openEvents(): Promise<void> {
    const response = await fetch(`${this.base}/events?token=${encodeURIComponent(this.token)}`, {
      signal: this.stream.signal,
    });
    if (!response.ok || !response.body) {
      throw new BotRequestError(`events: HTTP ${response.status}`);
    }
    // Server-sent events framing (fields, multi-line data, comments) by eventsource-parser: the
    // kit's one SSE parser (docs/decisions, SSE row of issue #19).
    const messages = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream());
    void (async () => {
      for await (const message of messages) this.record(message);
    })().catch(() => undefined);
  }

  /** Pexip names every event (`participant_create`, `message_received`, …); data is JSON. */
  private record(message: EventSourceMessage): void {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      data = message.data;
    }
    this.events.push({ name: message.event ?? 'message', data });
    for (const waiter of [...this.waiters]) waiter();
  }
}
