import type { ServerResponse } from 'node:http';

/**
 * One server-sent event frame. Every frame is named (the official client only listens with
 * `addEventListener(name)`) and data-less events carry `data: null`: `@pexip/infinity`'s
 * `eventSource.js` drops events whose data line is empty (client-api.md, pitfall 4).
 */
export function formatEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

/**
 * How much may wait unsent for one client before it counts as gone. A client that stops reading
 * would otherwise grow the node's memory without bound; cut off, it reconnects and gets a full
 * resync like any client that dropped.
 */
export const MAX_UNSENT_BYTES = 8 * 1024 * 1024;

/** An open `/events` connection of one participant. */
export class EventStream {
  #closed = false;

  constructor(
    private readonly response: ServerResponse,
    readonly participantUuid: string,
  ) {
    response.once('close', () => {
      this.#closed = true;
    });
  }

  get closed(): boolean {
    return this.#closed || this.response.writableEnded || this.response.destroyed;
  }

  /** Writes a frame prepared once by the caller (fan-out serialises each event only once). */
  writeFrame(frame: string): void {
    if (this.closed) return;
    if (this.response.writableLength > MAX_UNSENT_BYTES) {
      this.#closed = true;
      this.response.destroy();
      return;
    }
    this.response.write(frame);
  }

  send(name: string, data: unknown): void {
    this.writeFrame(formatEvent(name, data));
  }

  end(): void {
    if (this.closed) return;
    this.#closed = true;
    this.response.end();
  }
}
