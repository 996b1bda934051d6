import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RateLimitedException } from '../common/errors/api-exceptions';
import { RateLimitCounters } from '../rate-limits/rate-limit-counters';

const WINDOW_MS = 60_000;

/**
 * The sign-in limit (`RATE_LIMIT_LOGIN_PER_MINUTE` a minute per client address), shared by `/login`,
 * `/login/api_key` and HTTP Basic, on the shared rate-limit counters (Redis when configured).
 *
 * An attempt is reserved (counted atomically) before its password or key is checked, so N parallel
 * guesses check at most the limit's number; a failed attempt stays counted, a successful one is given
 * back, so a client that signs in correctly is never refused for its own successes.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly config: AppConfig,
    private readonly counters: RateLimitCounters,
  ) {}

  private get limit(): number {
    return this.config.rateLimit.loginPerMinute;
  }

  /** Runs `authenticate` as one attempt of `client`; past the limit answers 429 without running it. */
  async attempt<T>(client: string, authenticate: () => Promise<T | null>): Promise<T | null> {
    if (!this.limit) return authenticate();
    const key = `login:${client}`;
    const window = await this.counters.hit(key, WINDOW_MS);
    if (window.hits > this.limit) {
      // Refused without a check: not counted either, so a burst leaves the window as full as the limit, no fuller.
      await this.counters.release(key);
      throw new RateLimitedException(Math.max(1, Math.ceil(window.resetInMs / 1000)));
    }
    let failed = false;
    try {
      const result = await authenticate();
      failed = result === null;
      return result;
    } finally {
      // An error (the database unreachable) is no guess that failed: the attempt is given back too.
      if (!failed) await this.counters.release(key);
    }
  }
}
