import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, failure } from './api-response.js';
import type { CallMedia } from './call-media.js';
import { CLIENT_API_PREFIX, handleClientApi } from './client-api-router.js';
import { parseAllowedOrigin } from './control-request-policy.js';
import { HostAllowList } from './host-allow-list.js';
import { CORS_HEADERS, writeApiResponse, writeText } from './http-response.js';
import { DEFAULT_CONFIG, parseMockConfig, type MockConfig } from './mock-config.js';
import { CONTROL_PREFIX, handleControlApi, MockControl } from './mock-control.js';
import { NodeState } from './node-state.js';
import { PeopleSimulation } from './people-simulation.js';
import { createStaticFiles, WEBAPP_PREFIX } from './static-files.js';
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
  /**
   * Wrong PINs tolerated per conference within `pinFailureWindowSeconds`; one more and the
   * conference answers as if it did not exist for that long (Pexip's PIN brute-force resistance).
   * Default 20; 0 turns the limit off.
   */
  pinFailureLimit?: number;
  /** The PIN-failure window and block, in seconds (default 600). */
  pinFailureWindowSeconds?: number;
  /** Chat messages kept per conference for the snapshot (default 200; older ones are dropped). */
  chatHistoryLimit?: number;
  /** The largest chat `payload`, in UTF-8 bytes (default 16,384); longer ones are refused (400). */
  chatMessageMaxBytes?: number;
  /**
   * Origins (`http://localhost:5173`) besides the node's own whose pages may call `/_mock/`.
   * Tests in Node send no `Origin` and need none.
   */
  allowedOrigins?: readonly string[];
  /**
   * `Host` names the node answers to besides `localhost`, loopback addresses and the address it
   * listens on (DNS-rebinding protection), e.g. a name in `/etc/hosts` or a LAN name.
   */
  allowedHosts?: readonly string[];
  /** Time a client has to send a request's headers (default 10,000 ms; Node's own is 60 s). */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, body included (default 30,000 ms; Node's 300 s). */
  requestTimeoutMs?: number;
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
  /** Whether WebRTC calls get media (`createCallMedia` was given, or set by `useCallMedia`). */
  readonly hasMedia: boolean;
  /**
   * Gives the WebRTC calls started from now on their media from `create` (`undefined`: `calls` is
   * refused, as without `createCallMedia`); calls in progress keep theirs. One node can then serve
   * API-only tests and the few that need media (the e2e suite's `callMedia` option) in turn.
   */
  useCallMedia(create: (() => CallMedia) | undefined): void;
  /** Conference aliases served, with their PINs (empty in upstream mode). */
  conferences: ReadonlyArray<{ alias: string; hostPin?: string; guestPin?: string }>;
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 15_000;
/** The node's own limits (README: limits); each can be changed with an option or a CLI flag. */
export const DEFAULT_LIMITS = {
  // Pexip's own: more than 20 wrong PINs in 10 minutes block the conference (pin-failure-limit.ts).
  pinFailureLimit: 20,
  pinFailureWindowSeconds: 600,
  chatHistoryLimit: 200,
  chatMessageMaxBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
} as const;

/** Starts a mock Conferencing Node; resolves once it listens. */
export async function startMockNode(options: MockNodeOptions = {}): Promise<MockNode> {
  const config = parseMockConfig(options.config ?? DEFAULT_CONFIG);
  const upstream = options.upstream === undefined ? undefined : parseUpstreamUrl(options.upstream);
  const log = options.log ?? (() => {});
  const listenHost = options.host ?? '127.0.0.1';
  const hosts = new HostAllowList(listenHost, options.allowedHosts ?? []);
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(parseAllowedOrigin));
  const limit = (name: keyof typeof DEFAULT_LIMITS, check = positive) =>
    check(options[name], DEFAULT_LIMITS[name], name);
  const headersTimeout = limit('headersTimeoutMs');
  const requestTimeout = limit('requestTimeoutMs');
  if (headersTimeout > requestTimeout) {
    throw new RangeError(
      `headersTimeoutMs (${headersTimeout}) must not be longer than requestTimeoutMs (${requestTimeout})`,
    );
  }
  const state = new NodeState(config, {
    tokenExpiresSeconds: positive(options.tokenExpiresSeconds, 120, 'tokenExpiresSeconds'),
    dialConnectMs: positive(options.dialConnectMs, 500, 'dialConnectMs'),
    createCallMedia: options.createCallMedia,
    pinFailurePolicy: {
      limit: limit('pinFailureLimit', wholeNumber),
      windowMs: limit('pinFailureWindowSeconds') * 1000,
    },
    chatHistoryLimit: limit('chatHistoryLimit', wholeNumber),
    chatMessageMaxBytes: limit('chatMessageMaxBytes'),
  });
  const simulation =
    (options.simulate ?? true) && upstream === undefined
      ? new PeopleSimulation(state, options.seed ?? config.seed ?? 1)
      : undefined;
  simulation?.populate();
  simulation?.start(positive(options.simulationIntervalMs, 2500, 'simulationIntervalMs'));
  const control = new MockControl(state, simulation);
  const serveStatic = createStaticFiles(options.appDir, options.brandingDir);

  // Slow clients are cut off quickly: this is a local API, and Node's defaults hold a dripped
  // request for minutes. Node checks these timers every `connectionsCheckingInterval`.
  const server = createServer(
    {
      headersTimeout: headersTimeout,
      requestTimeout: requestTimeout,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    (request, response) => {
      route(request, response).catch((error: unknown) => {
        log(`internal error on ${request.method} ${request.url}: ${String(error)}`);
        const internal = new ApiError(500, 'Internal error in the mock node');
        if (response.headersSent) response.destroy();
        else writeApiResponse(response, failure(internal));
      });
    },
  );

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname, query } = splitUrl(request.url ?? '/');
    if (!hosts.allows(request.headers.host)) {
      refuseHost(request, response, pathname, hosts);
      return;
    }
    if (
      options.extraRoutes !== undefined &&
      (await options.extraRoutes(request, response, pathname))
    ) {
      return;
    }
    if (pathname.startsWith(CLIENT_API_PREFIX)) {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, CORS_HEADERS);
        response.end();
      } else if (upstream !== undefined) {
        forwardToUpstream(upstream, request, response, log);
      } else {
        await handleClientApi(state, request, response, pathname, query);
      }
      return;
    }
    if (pathname.startsWith(CONTROL_PREFIX)) {
      const disabled = new ApiError(404, 'The /_mock/ test API is disabled in upstream mode');
      if (upstream !== undefined) writeApiResponse(response, failure(disabled));
      else await handleControlApi(control, request, response, pathname, query, allowedOrigins);
      return;
    }
    if (pathname === '/') {
      response.writeHead(302, { location: WEBAPP_PREFIX });
      response.end();
      return;
    }
    if (await serveStatic(request, response, pathname)) return;
    writeText(response, 404, 'Not found\n');
  }

  const keepAlive = setInterval(() => {
    for (const conference of state.conferences.values()) conference.keepAlive();
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  server.listen(options.port ?? 0, listenHost);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const urlHost = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host: listenHost,
    control,
    get hasMedia() {
      return state.options.createCallMedia !== undefined;
    },
    useCallMedia: (create) => {
      state.options.createCallMedia = create;
    },
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

/**
 * A `Host` the node does not answer to (DNS rebinding): 403 saying which names it answers to and
 * how to add one; in Pexip's envelope on the API, plain text elsewhere.
 */
function refuseHost(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  hosts: HostAllowList,
): void {
  request.resume();
  const message =
    `Host "${request.headers.host ?? ''}" is not allowed: this mock node answers to ` +
    `${hosts.names.join(', ')} and *.localhost; start it with --allow-host <name> ` +
    '(allowedHosts) to add a name';
  if (pathname.startsWith(CLIENT_API_PREFIX) || pathname.startsWith(CONTROL_PREFIX)) {
    writeApiResponse(response, failure(new ApiError(403, message)), {}, {});
    return;
  }
  writeText(response, 403, `${message}\n`);
}

/** Splits a request target without URL normalisation (`//x` must stay a path, not a host). */
function splitUrl(target: string): { pathname: string; query: URLSearchParams } {
  const mark = target.indexOf('?');
  const pathname = mark === -1 ? target : target.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : target.slice(mark + 1));
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query };
}

function wholeNumber(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number, 0 or more (got ${value})`);
  }
  return value;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number (got ${value})`);
  }
  return value;
}
