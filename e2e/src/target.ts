/**
 * What the suite runs against. By default a mock node started per worker (no simulated people, so
 * every roster is what the test made it); with `PEXIP_NODE_URL` the same mock node runs in upstream
 * mode, serving the host app and the freshly built branding locally while forwarding the client
 * API to the real Conferencing Node.
 */
export interface ConferenceUnderTest {
  readonly alias: string;
  /** The PIN that makes you a host (chair); absent when the conference has no PIN (everyone hosts). */
  readonly hostPin?: string;
  /** The PIN that makes you a guest; absent when guests cannot be told apart from hosts. */
  readonly guestPin?: string;
}

export interface Target {
  readonly kind: 'mock' | 'upstream';
  /** The real node's origin in upstream mode. */
  readonly upstream?: string;
  readonly conference: ConferenceUnderTest;
}

/** `secure` of the mock node's embedded config: host PIN 1234, guest PIN 5678. */
const MOCK_CONFERENCE: ConferenceUnderTest = { alias: 'secure', hostPin: '1234', guestPin: '5678' };

export class TargetConfigError extends Error {
  override name = 'TargetConfigError';
}

/**
 * What a run's summary says it ran against, so a result is never mistaken for another target's:
 * `against the mock node (one per worker), alias secure` or
 * `against https://pexip.example.com, alias meet.e2e`.
 */
export function describeTarget(target: Target): string {
  const where = target.upstream ?? 'the mock node (one per worker)';
  return `against ${where}, alias ${target.conference.alias}`;
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  const nodeUrl = env.PEXIP_NODE_URL?.trim();
  if (!nodeUrl) return { kind: 'mock', conference: MOCK_CONFERENCE };
  let upstream: URL;
  try {
    upstream = new URL(nodeUrl);
  } catch {
    throw new TargetConfigError(`PEXIP_NODE_URL is not a URL: "${nodeUrl}"`);
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') {
    throw new TargetConfigError(`PEXIP_NODE_URL must be http(s)://…, got "${nodeUrl}"`);
  }
  const alias = env.PEXIP_ALIAS?.trim();
  if (!alias) {
    throw new TargetConfigError('PEXIP_NODE_URL is set but PEXIP_ALIAS is not: which conference?');
  }
  const hostPin = env.PEXIP_HOST_PIN?.trim() || undefined;
  const guestPin = env.PEXIP_GUEST_PIN?.trim() || undefined;
  if (guestPin && !hostPin) {
    throw new TargetConfigError(
      'PEXIP_GUEST_PIN needs PEXIP_HOST_PIN (Pexip: a guest PIN needs a host PIN)',
    );
  }
  return { kind: 'upstream', upstream: upstream.origin, conference: { alias, hostPin, guestPin } };
}
