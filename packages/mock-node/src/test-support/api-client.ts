import type { MockNode } from '../mock-node.js';
import { EventReader } from './event-reader.js';

export interface ApiAnswer {
  status: number;
  body: { status: string; result: unknown } | undefined;
  contentType: string | null;
}

/** A plain-fetch client of the mock's client API, for tests that check raw HTTP behaviour. */
export class ApiClient {
  constructor(
    readonly node: MockNode,
    readonly alias: string,
  ) {}

  get base(): string {
    return `${this.node.url}/api/client/v2/conferences/${encodeURIComponent(this.alias)}`;
  }

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: {
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token !== undefined) headers['token'] = options.token;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.base}/${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text === '' ? undefined : (JSON.parse(text) as ApiAnswer['body']),
    };
  }

  /** Joins through `request_token`; fails the test if the node refuses. */
  async join(displayName: string, pin?: string): Promise<Participant> {
    const answer = await this.call('POST', 'request_token', {
      body: { display_name: displayName },
      ...(pin === undefined ? {} : { headers: { pin } }),
    });
    if (answer.status !== 200)
      throw new Error(`join failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const result = answer.body?.result as { token: string; participant_uuid: string; role: string };
    return new Participant(this, result.token, result.participant_uuid, result.role);
  }
}

/** One joined client: its token, uuid and (once opened) its event stream. */
export class Participant {
  events: EventReader | undefined;

  constructor(
    readonly client: ApiClient,
    public token: string,
    readonly uuid: string,
    readonly role: string,
  ) {}

  call(method: 'GET' | 'POST', path: string, body?: unknown): ReturnType<ApiClient['call']> {
    return this.client.call(method, path, {
      token: this.token,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** Opens the event stream and waits for the end of the initial sync. */
  async listen(): Promise<EventReader> {
    const reader = await EventReader.open(`${this.client.base}/events?token=${this.token}`);
    await reader.named('participant_sync_end');
    this.events = reader;
    return reader;
  }
}
