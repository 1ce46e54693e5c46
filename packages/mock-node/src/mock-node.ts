import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallMedia } from './call-media.js';
import { CLIENT_API_PREFIX, handleClientApi } from './client-api-router.js';
import { CORS_HEADERS, writeApiResponse, writeText } from './http-response.js';
import { DEFAULT_CONFIG, parseMockConfig, type MockConfig } from './mock-config.js';
import { CONTROL_PREFIX, handleControlApi, MockControl } from './mock-control.js';
import { NodeState } from './node-state.js';
import { PeopleSimulation } from './people-simulation.js';
import { serveStatic, WEBAPP_PREFIX } from './static-files.js';
import { forwardToUpstream, parseUpstreamUrl } from './upstream-proxy.js';

export interface MockNodeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default {@link DEFAULT_CONFIG}. Validated: a bad config rejects with a `MockConfigError`. */
  config?: MockConfig;
  /** The host app's build, served at `/webapp2/`; without it `/webapp2/` says how to build it. */
  appDir?: string;
  /** A branding folder (`settings.json`, `manifest.json`, `plugins/…`) for `/webapp2/custom_configuration/`. */
  brandingDir?: string;
  /** A real Conferencing Node (`https://node.example.com`) to forward `/api/client/v2/…` to. */
  upstream?: string;
  /** Simulated people (default true; always off in upstream mode). */
  simulate?: boolean;
  /** Milliseconds between simulation steps (default 2500). */
  simulationIntervalMs?: number;
  /** Token lifetime (default 120 s, as on a real node). */
  tokenExpiresSeconds?: number;
  /** How long a dial-out participant stays `connecting` (default 500 ms). */
  dialConnectMs?: number;
  /**
   * The media side of WebRTC calls (`calls`, `ack`, `new_candidate`, `update`, call
   * `disconnect`), e.g. `createMediaPeer` of `@ipk/mock-media` (see {@link loadMockMedia}).
   * Without it the node is API-only and `calls` answers 400.
   */
  createCallMedia?: () => CallMedia;
  /** Seed of the simulation (default: the config's `seed`, else 1). */
  seed?: number;
  /** Receives one line per notable event (upstream failures, unexpected errors). */
  log?: (line: string) => void;
  /**
   * Tried first for every request, before the client API and the static files: resolves true when
   * it answered. For tools that share the node's origin, e.g. `@ipk/dev-server`'s live-reload
   * channel (the page's CSP allows `connect-src 'self'` and `script-src 'self'` only).
   */
  extraRoutes?: (
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ) => Promise<boolean>;
}

export interface MockNode {
  /** `http://HOST:PORT`, without a trailing slash. */
  url: string;
  port: number;
  host: string;
  /** The test control API in process (what `/_mock/` offers over HTTP); absent in upstream mode. */
  control: MockControl;
  /** Whether WebRTC calls get media (`createCallMedia` was given). */
  hasMedia: boolean;
  /** Conference aliases served, with their PINs (empty in upstream mode). */
  conferences: ReadonlyArray<{ alias: string; hostPin?: string; guestPin?: string }>;
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 15_000;

/** Starts a mock Conferencing Node; resolves once it listens. */
export async function startMockNode(options: MockNodeOptions = {}): Promise<MockNode> {
  const config = parseMockConfig(options.config ?? DEFAULT_CONFIG);
  const upstream = options.upstream === undefined ? undefined : parseUpstreamUrl(options.upstream);
  const log = options.log ?? (() => {});
  const state = new NodeState(config, {
    tokenExpiresSeconds: positive(options.tokenExpiresSeconds, 120, 'tokenExpiresSeconds'),
    dialConnectMs: positive(options.dialConnectMs, 500, 'dialConnectMs'),
    createCallMedia: options.createCallMedia,
  });
  const simulation =
    (options.simulate ?? true) && upstream === undefined
      ? new PeopleSimulation(state, options.seed ?? config.seed ?? 1)
      : undefined;
  simulation?.populate();
  simulation?.start(positive(options.simulationIntervalMs, 2500, 'simulationIntervalMs'));
  const control = new MockControl(state, simulation);
  const sites = { appDir: options.appDir, brandingDir: options.brandingDir };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`internal error on ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) {
        writeApiResponse(response, {
          httpStatus: 500,
          body: { status: 'failed', result: 'Internal error in the mock node' },
        });
      } else {
        response.destroy();
      }
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname, query } = splitUrl(request.url ?? '/');
    if (
      options.extraRoutes !== undefined &&
      (await options.extraRoutes(request, response, pathname))
    ) {
      return;
    }
    const isApi = pathname.startsWith(CLIENT_API_PREFIX);
    const isControl = pathname.startsWith(CONTROL_PREFIX);
    if ((isApi || isControl) && request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    if (isApi && upstream !== undefined) {
      forwardToUpstream(upstream, request, response, log);
      return;
    }
    if (isApi) {
      await handleClientApi(state, request, response, pathname, new URLSearchParams(query));
      return;
    }
    if (isControl) {
      if (upstream !== undefined) {
        writeApiResponse(response, {
          httpStatus: 404,
          body: { status: 'failed', result: 'The /_mock/ test API is disabled in upstream mode' },
        });
        return;
      }
      await handleControlApi(control, request, response, pathname, new URLSearchParams(query));
      return;
    }
    if (pathname === '/') {
      response.writeHead(302, { location: WEBAPP_PREFIX });
      response.end();
      return;
    }
    if (await serveStatic(sites, request, response, pathname)) return;
    writeText(response, 404, 'Not found\n');
  }

  const keepAlive = setInterval(() => {
    for (const conference of state.conferences.values()) conference.keepAlive();
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    host,
    control,
    hasMedia: options.createCallMedia !== undefined,
    conferences:
      upstream === undefined
        ? config.conferences.map(({ alias, hostPin, guestPin }) => ({
            alias,
            ...(hostPin === undefined ? {} : { hostPin }),
            ...(guestPin === undefined ? {} : { guestPin }),
          }))
        : [],
    close: async () => {
      clearInterval(keepAlive);
      simulation?.stop();
      state.reset();
      state.clearTimers();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Splits a request target without URL normalisation (`//x` must stay a path, not a host). */
function splitUrl(target: string): { pathname: string; query: string } {
  const mark = target.indexOf('?');
  const pathname = mark === -1 ? target : target.slice(0, mark);
  const query = mark === -1 ? '' : target.slice(mark + 1);
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number (got ${value})`);
  }
  return value;
}
