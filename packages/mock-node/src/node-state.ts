import { randomBytes } from 'node:crypto';
import { PexipError } from './api-response.js';
import type { CallMedia } from './call-media.js';
import { Conference } from './conference.js';
import type { MockConfig } from './mock-config.js';
import { PinFailureLimit, type PinFailurePolicy } from './pin-failure-limit.js';

export interface TokenRecord {
  token: string;
  alias: string;
  participantUuid: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * A one-time token sent in a `refer` event after `transfer`: joins `alias` with `role`, the role
 * the transfer's `pin` bought at that conference (never more), without asking for a PIN again.
 */
export interface ReferRecord {
  alias: string;
  role: 'chair' | 'guest';
  expiresAt: number;
}

export interface NodeStateOptions {
  tokenExpiresSeconds: number;
  /** How long a dialled-out participant stays `connecting` before it connects. */
  dialConnectMs: number;
  /** The media side of WebRTC calls; without it `calls` is refused (the mock is API-only). */
  createCallMedia: (() => CallMedia) | undefined;
  /** Wrong PINs tolerated per conference before it is blocked (see {@link PinFailureLimit}). */
  pinFailurePolicy: PinFailurePolicy;
  /** Chat messages kept per conference for the snapshot (a real node keeps none). */
  chatHistoryLimit: number;
  /** The largest chat `payload` accepted, in UTF-8 bytes. */
  chatMessageMaxBytes: number;
}

/** Everything the mock node knows: its conferences and the tokens it handed out. */
export class NodeState {
  readonly conferences = new Map<string, Conference>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly referTokens = new Map<string, ReferRecord>();
  readonly pinFailures: PinFailureLimit;
  readonly #expiryTimers = new Map<string, NodeJS.Timeout>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly config: MockConfig,
    readonly options: NodeStateOptions,
  ) {
    this.pinFailures = new PinFailureLimit(options.pinFailurePolicy);
    this.reset();
  }

  /** Back to the configured conferences with nobody in them, every stream closed, every token void. */
  reset(): void {
    for (const conference of this.conferences.values()) {
      for (const uuid of [...conference.members.keys()])
        conference.removeParticipant(uuid, undefined);
    }
    this.clearTimers();
    this.conferences.clear();
    this.tokens.clear();
    this.referTokens.clear();
    this.pinFailures.clear();
    for (const conferenceConfig of this.config.conferences) {
      this.conferences.set(
        conferenceConfig.alias.toLowerCase(),
        new Conference(conferenceConfig, this.options.chatHistoryLimit),
      );
    }
  }

  /** Aliases are matched case-insensitively, like dialled aliases on a node. */
  conference(alias: string): Conference | undefined {
    return this.conferences.get(alias.toLowerCase());
  }

  /** Issues a new token for a participant and restarts the participant's expiry timer. */
  issueToken(conference: Conference, participantUuid: string): TokenRecord {
    const record: TokenRecord = {
      // URL-safe, because browsers put it raw into `?token=` (client-api.md, pitfall 2).
      token: randomBytes(48).toString('base64url'),
      alias: conference.alias,
      participantUuid,
      expiresAt: Date.now() + this.options.tokenExpiresSeconds * 1000,
    };
    this.tokens.set(record.token, record);
    this.scheduleExpiry(conference, participantUuid);
    return record;
  }

  /** The token's record if it is known, unexpired, of this conference and its holder still there. */
  validToken(token: string | undefined, conference: Conference): TokenRecord | undefined {
    if (token === undefined || token === '') return undefined;
    const record = this.tokens.get(token);
    if (record === undefined || record.alias !== conference.alias) return undefined;
    if (record.expiresAt <= Date.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    if (conference.member(record.participantUuid) === undefined) return undefined;
    return record;
  }

  /** Forgets every token of a participant (release, disconnect, expiry). */
  revokeTokens(participantUuid: string): void {
    for (const [token, record] of this.tokens) {
      if (record.participantUuid === participantUuid) this.tokens.delete(token);
    }
    clearTimeout(this.#expiryTimers.get(participantUuid));
    this.#expiryTimers.delete(participantUuid);
  }

  /** Removes a participant from its conference and voids its tokens. */
  dropParticipant(conference: Conference, uuid: string, reason: string | undefined): boolean {
    this.revokeTokens(uuid);
    return conference.removeParticipant(uuid, reason);
  }

  /** A timer that `close()` and `reset()` cancel; never keeps the process alive. */
  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const timer of this.#expiryTimers.values()) clearTimeout(timer);
    this.#expiryTimers.clear();
  }

  /**
   * A participant whose last token runs out is dropped with Pexip's "Timer expired awaiting token
   * refresh" (`InfinityErrorMessage`, #pex113), as a node does when a client stops refreshing.
   */
  private scheduleExpiry(conference: Conference, participantUuid: string): void {
    clearTimeout(this.#expiryTimers.get(participantUuid));
    const timer = setTimeout(() => {
      this.#expiryTimers.delete(participantUuid);
      this.dropParticipant(conference, participantUuid, PexipError.tokenExpired);
    }, this.options.tokenExpiresSeconds * 1000);
    timer.unref();
    this.#expiryTimers.set(participantUuid, timer);
  }
}
