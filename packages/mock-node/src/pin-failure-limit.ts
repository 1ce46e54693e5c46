/**
 * PIN brute-force resistance, per conference, as Pexip runs it: "If more than 20 incorrect PIN
 * entry attempts are made against that VMR in a 10 minute window this will block the VMR. While
 * blocked, it will appear to any callers as though the VMR/alias does not exist any longer"
 * (help.pexip.com/service/attack-mitigation.htm; Infinity enables "PIN brute force resistance" by
 * default, docs.pexip.com/admin/breakin_resistance.htm). How long the block lasts is not
 * published: the mock holds it for one window (an assumption, README: limits).
 */
export interface PinFailurePolicy {
  /** Wrong PINs tolerated per conference within the window; one more blocks it. 0: no limit. */
  limit: number;
  /** The window, and how long a block lasts. */
  windowMs: number;
}

export class PinFailureLimit {
  readonly #failures = new Map<string, number[]>();
  readonly #blockedUntil = new Map<string, number>();

  constructor(readonly policy: PinFailurePolicy) {}

  /** Whether the conference answers as if it did not exist (too many wrong PINs lately). */
  isBlocked(alias: string, now = Date.now()): boolean {
    const until = this.#blockedUntil.get(alias);
    if (until === undefined) return false;
    if (until > now) return true;
    this.#blockedUntil.delete(alias);
    return false;
  }

  /** Counts one wrong PIN; the one that goes over the limit starts the block. */
  recordFailure(alias: string, now = Date.now()): void {
    if (this.policy.limit === 0) return;
    const recent = (this.#failures.get(alias) ?? []).filter(
      (at) => at > now - this.policy.windowMs,
    );
    recent.push(now);
    if (recent.length > this.policy.limit) {
      this.#blockedUntil.set(alias, now + this.policy.windowMs);
      this.#failures.delete(alias);
      return;
    }
    this.#failures.set(alias, recent);
  }

  clear(): void {
    this.#failures.clear();
    this.#blockedUntil.clear();
  }
}
