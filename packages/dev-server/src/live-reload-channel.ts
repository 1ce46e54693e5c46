import type { IncomingMessage, ServerResponse } from 'node:http';

/** Paths the dev server adds to the mock node's origin (the page's CSP allows only `'self'`). */
export const DEV_PREFIX = '/_ipk/dev/';
export const EVENTS_PATH = `${DEV_PREFIX}events`;
export const CLIENT_SCRIPT_PATH = `${DEV_PREFIX}live-reload.js`;

/** What the page hears about builds. */
export type DevEvent =
  | { readonly type: 'reload'; readonly plugin: string }
  | { readonly type: 'build-error'; readonly plugin: string; readonly message: string }
  | { readonly type: 'build-ok'; readonly plugin: string };

/**
 * The live-reload channel: server-sent events to every open page. A page that connects while a
 * plugin's build is failing is told at once, so the overlay survives a manual reload.
 */
export class LiveReloadChannel {
  private readonly pages = new Set<ServerResponse>();
  private readonly failing = new Map<string, string>();

  constructor(private readonly clientScript: string) {}

  get pageCount(): number {
    return this.pages.size;
  }

  /** For the mock node's `extraRoutes`: answers the dev paths, leaves every other one. */
  readonly route = async (
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<boolean> => {
    if (pathname === EVENTS_PATH) {
      this.open(request, response);
      return true;
    }
    if (pathname === CLIENT_SCRIPT_PATH) {
      response.writeHead(200, {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-cache',
      });
      response.end(this.clientScript);
      return true;
    }
    return false;
  };

  send(event: DevEvent): void {
    if (event.type === 'build-error') this.failing.set(event.plugin, event.message);
    else this.failing.delete(event.plugin);
    const frame = formatFrame(event);
    for (const page of this.pages) page.write(frame);
  }

  close(): void {
    for (const page of this.pages) page.end();
    this.pages.clear();
  }

  private open(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    response.write(': ipk dev server\n\n');
    for (const [plugin, message] of this.failing) {
      response.write(formatFrame({ type: 'build-error', plugin, message }));
    }
    this.pages.add(response);
    request.on('close', () => this.pages.delete(response));
  }
}

function formatFrame(event: DevEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
