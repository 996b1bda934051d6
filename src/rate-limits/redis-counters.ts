import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type CounterWindow, MemoryCounters, RateLimitCounters } from './rate-limit-counters';

const PREFIX = 'scorekeeper:rate:';
const COMMAND_TIMEOUT_MS = 500;
const WARN_EVERY_MS = 60_000;

/** INCR, starting the window's expiry on its first hit; returns the count and the milliseconds left. */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`;

/** DECR of an open window (its expiry unchanged), never below zero. */
const RELEASE_SCRIPT = `
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
if hits > 0 then redis.call('DECR', KEYS[1]) end
return hits`;

/**
 * Counters on Redis, shared by every instance. While Redis cannot be reached, each instance counts in
 * its own memory (limits still hold per instance) and says so in the log once a minute.
 */
export class RedisCounters extends RateLimitCounters {
  private readonly logger = new Logger('RateLimits');
  private readonly fallback = new MemoryCounters();
  private redis?: Redis;
  private lastWarning = 0;

  constructor(private readonly url: string) {
    super();
  }

  /**
   * Connects once at start-up; a Redis that is down does not stop the service. The client library is
   * loaded here, not with this file: a service without `REDIS_URL` never loads it.
   */
  override async connect(): Promise<void> {
    const { Redis: Client } = await import('ioredis');
    this.redis = new Client(this.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('error', (error: Error) => this.warn(error));
    try {
      await this.redis.connect();
    } catch (error) {
      this.warn(error as Error);
    }
  }

  override async close(): Promise<void> {
    this.redis?.disconnect();
  }

  async hit(key: string, windowMs: number): Promise<CounterWindow> {
    try {
      const [hits, ttl] = (await this.client().eval(HIT_SCRIPT, 1, PREFIX + key, windowMs)) as [number, number];
      return { hits, resetInMs: ttl };
    } catch (error) {
      this.warn(error as Error);
      return this.fallback.hit(key, windowMs);
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.client().eval(RELEASE_SCRIPT, 1, PREFIX + key);
    } catch (error) {
      this.warn(error as Error);
      await this.fallback.release(key);
    }
  }

  private client(): Redis {
    if (!this.redis) throw new Error('not connected yet');
    return this.redis;
  }

  private warn(error: Error): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(`Redis unavailable (${error.message}); rate limits count in this instance's memory meanwhile`);
  }
}
