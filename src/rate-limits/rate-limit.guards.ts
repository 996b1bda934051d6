import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { RateLimitedException } from '../common/errors/api-exceptions';

/** The throttler of every request of a client address (`RATE_LIMIT_PER_IP_PER_MINUTE`; `TRUST_PROXY` decides which address). */
export const CLIENT_THROTTLER = 'ip';
/** The throttler of the requests of one API key, or one user for JWT and Basic (`RATE_LIMIT_PER_KEY_PER_MINUTE`). */
export const PRINCIPAL_THROTTLER = 'key';

/** What the per-key limit needs of the caller that authentication puts on the request (a `Principal`). */
export interface RateLimitedCaller {
  userId: string;
  apiKeyId: string | null;
}

/** The caller's tracker, once authentication has put it on the request. */
export const principalTracker = (request: { user?: RateLimitedCaller }): string =>
  request.user?.apiKeyId ? `key:${request.user.apiKeyId}` : `user:${request.user?.userId}`;

/**
 * A guard that applies one of the configured throttlers (the other runs at another point of the
 * request) and answers a refusal as a 429 in the route family's dialect with `Retry-After`.
 */
abstract class OneThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;
  /**
   * The guard's throttler has a limit. A limit of 0 is off (no route sets a limit of its own with
   * `@Throttle`), and then the guard does nothing a request: no metadata lookups, no counters.
   */
  private limited = true;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const own = this.throttlers.find((throttler) => throttler.name === this.throttlerName);
    this.limited = own !== undefined && own.limit !== 0;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    return !this.limited || super.canActivate(context);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === this.throttlerName ? super.handleRequest(request) : Promise.resolve(true);
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitedException(detail.timeToBlockExpire);
  }
}

/** Global: counts every request by client address, before authentication (health checks are exempt: `@SkipThrottle`). */
@Injectable()
export class ClientRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = CLIENT_THROTTLER;
}

/** Applied by the route-family auth decorators after their auth guard: counts the principal's requests. */
@Injectable()
export class PrincipalRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = PRINCIPAL_THROTTLER;
}
