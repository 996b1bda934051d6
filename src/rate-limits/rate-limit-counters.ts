/** A fixed counting window: how many hits it holds and when it ends. */
export interface CounterWindow {
  hits: number;
  resetInMs: number;
}

/**
 * Counters of fixed windows, shared by every rate limit. In this process's memory, or on Redis
 * (`REDIS_URL`) so that several instances count together.
 */
export abstract class RateLimitCounters {
  /** Counts one hit on `key`; a new window of `windowMs` starts when none is open. */
  abstract hit(key: string, windowMs: number): Promise<CounterWindow>;

  /** Takes back one hit of the open window of `key` (a reservation that is not to count); nothing when none is open. */
  abstract release(key: string): Promise<void>;

  /** Opens what the counters live in (once, at start-up). */
  async connect(): Promise<void> {}

  async close(): Promise<void> {}
}

const MAX_TRACKED = 100_000;

/** Counters of one process; windows are dropped once they end. */
export class MemoryCounters extends RateLimitCounters {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();

  async hit(key: string, windowMs: number, now = Date.now()): Promise<CounterWindow> {
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size >= MAX_TRACKED) this.prune(now);
      window = { hits: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return { hits: window.hits, resetInMs: window.endsAt - now };
  }

  async release(key: string, now = Date.now()): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.endsAt > now && window.hits > 0) window.hits -= 1;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
