import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RateLimitCounters } from './rate-limit-counters';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * `@nestjs/throttler`'s storage on the rate-limit counters: fixed windows of `ttl` ms, in memory or on
 * Redis (shared by every instance). A client over the limit stays refused until the window ends.
 */
export class CountersThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: RateLimitCounters) {}

  /** The block lasts as long as the window (`blockDuration` is the window's length here); the throttler's name is in `key`. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { hits, resetInMs } = await this.counters.hit(key, ttl);
    const secondsLeft = Math.max(1, Math.ceil(resetInMs / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }
}
