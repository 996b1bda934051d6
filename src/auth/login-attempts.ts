import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RateLimitedException } from '../common/errors/api-exceptions';
import { RateLimitCounters } from '../rate-limits/rate-limit-counters';

const WINDOW_MS = 60_000;

/**
 * Counts failed sign-ins per client address (on the shared rate-limit counters, so on Redis when
 * configured); past the configured number a minute, sign-in answers 429.
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

  async assertAllowed(client: string): Promise<void> {
    if (!this.limit) return;
    const window = await this.counters.peek(`login:${client}`);
    if (window && window.hits >= this.limit) throw new RateLimitedException(window.resetInMs / 1000);
  }

  async recordFailure(client: string): Promise<void> {
    if (this.limit) await this.counters.hit(`login:${client}`, WINDOW_MS);
  }
}
