/** Small helpers shared by the fake Discord's modules. */

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/**
 * A real-looking, unique, increasing snowflake (19 digits today). @discordjs/rest buckets routes
 * by `\d{17,19}` ids, so short fake ids would change how it rate-limits.
 */
export function snowflake(at: number = Date.now()): string {
  const candidate = ((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n);
  lastSnowflake = candidate > lastSnowflake ? candidate : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/** True for a non-null, non-array object. */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Length in Unicode code points, which is how Discord (and Ajv's maxLength) count characters. */
export const charLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/**
 * Lets callers await a condition over mutable state. Whoever changes the state calls
 * {@link Signal.notify}; every pending wait re-checks its condition then.
 */
export class Signal {
  readonly #waiters = new Set<{ check: () => void; fail: (error: Error) => void }>();

  /** Re-check all pending waits. */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /**
   * Resolves with the first non-undefined value of `check()` (checked now and on every notify), or
   * rejects after `timeoutMs` with an error naming `what` plus the context `describe()` returns.
   */
  waitUntil<T>(
    check: () => T | undefined,
    timeoutMs: number,
    what: string,
    describe?: () => string,
  ): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        check: () => {
          const value = check();
          if (value === undefined) return;
          done();
          resolve(value);
        },
        fail: (error: Error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const context = describe?.();
        waiter.fail(
          new Error(
            `fake-discord: timed out after ${timeoutMs} ms waiting for ${what}${context ? `\n${context}` : ''}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending wait (used when the fake closes). */
  cancelAll(reason: string): void {
    for (const waiter of [...this.#waiters]) waiter.fail(new Error(`fake-discord: ${reason}`));
  }
}
