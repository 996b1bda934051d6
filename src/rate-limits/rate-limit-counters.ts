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

  /** The open window of `key`, without counting; null when there is none. */
  abstract peek(key: string): Promise<CounterWindow | null>;
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

  async peek(key: string, now = Date.now()): Promise<CounterWindow | null> {
    const window = this.windows.get(key);
    return window && window.endsAt > now ? { hits: window.hits, resetInMs: window.endsAt - now } : null;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
