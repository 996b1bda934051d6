import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RateLimitedException } from '../common/errors/api-exceptions';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

/** Counts failed sign-ins per client address; past the configured number a minute, sign-in answers 429. */
@Injectable()
export class LoginAttempts {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(private readonly config: AppConfig) {}

  private get limit(): number {
    return this.config.rateLimit.loginPerMinute;
  }

  assertAllowed(client: string, now = Date.now()): void {
    const entry = this.failures.get(client);
    if (!this.limit || !entry || now - entry.windowStart >= WINDOW_MS) return;
    if (entry.count >= this.limit) throw new RateLimitedException((entry.windowStart + WINDOW_MS - now) / 1000);
  }

  recordFailure(client: string, now = Date.now()): void {
    if (!this.limit) return;
    const entry = this.failures.get(client);
    if (entry && now - entry.windowStart < WINDOW_MS) {
      entry.count += 1;
      return;
    }
    if (this.failures.size >= MAX_TRACKED) this.prune(now);
    this.failures.set(client, { count: 1, windowStart: now });
  }

  private prune(now: number): void {
    for (const [client, entry] of this.failures) if (now - entry.windowStart >= WINDOW_MS) this.failures.delete(client);
    if (this.failures.size >= MAX_TRACKED) this.failures.clear();
  }
}
