/** Anything that limits uses per key: this process's {@link RateLimiter}, or one shared by replicas. */
export interface UseLimiter {
  /** 0 when the use is allowed, else the milliseconds to wait. */
  take(key: string): number | Promise<number>;
}

/**
 * A per-user sliding-window limit: at most `max` uses in `windowMs`. State lives in the instance,
 * which the transport creates and passes in.
 */
export class RateLimiter {
  private readonly uses = new Map<string, number[]>();

  constructor(
    readonly max = 5,
    readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a use by `key` and returns 0 when allowed, or the milliseconds to wait when not.
   *
   * @example
   * const limiter = new RateLimiter(1, 1000);
   * limiter.take('u1'); // → 0
   * limiter.take('u1'); // → about 1000
   */
  take(key: string): number {
    const now = this.now();
    const recent = (this.uses.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.max) {
      this.uses.set(key, recent);
      return this.windowMs - (now - (recent[0] ?? now));
    }
    recent.push(now);
    this.uses.set(key, recent);
    if (this.uses.size > 10_000) this.prune(now);
    return 0;
  }

  /** Forgets users with no recent use, so the map does not grow without bound. */
  private prune(now: number): void {
    for (const [key, times] of this.uses) {
      if (times.every((at) => now - at >= this.windowMs)) this.uses.delete(key);
    }
  }
}
