import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { RateLimitCounters } from './rate-limit-counters';
import { RateLimitCountersModule } from './rate-limit-counters.module';
import {
  CLIENT_THROTTLER,
  ClientRateLimitGuard,
  PRINCIPAL_THROTTLER,
  PrincipalRateLimitGuard,
  type RateLimitedCaller,
  principalTracker,
} from './rate-limit.guards';
import { CountersThrottlerStorage } from './throttler-storage';

const MINUTE_MS = 60_000;

/** Both request limits a minute; a limit of 0 is off. Keys are per tracker, not per route: a limit covers every route. */
function throttlerOptions(config: AppConfig, counters: RateLimitCounters): ThrottlerModuleOptions {
  const { perIpPerMinute, perKeyPerMinute } = config.rateLimit;
  return {
    storage: new CountersThrottlerStorage(counters),
    setHeaders: false,
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      { name: CLIENT_THROTTLER, ttl: MINUTE_MS, limit: perIpPerMinute, skipIf: () => !perIpPerMinute },
      {
        name: PRINCIPAL_THROTTLER,
        ttl: MINUTE_MS,
        limit: perKeyPerMinute,
        getTracker: (request) => principalTracker(request as { user?: RateLimitedCaller }),
        skipIf: (context) => !perKeyPerMinute || !context.switchToHttp().getRequest<{ user?: RateLimitedCaller }>().user,
      },
    ],
  };
}

/** Request limits per client address and per key (`@nestjs/throttler`), and the counters the sign-in limit shares. */
@Global()
@Module({
  imports: [
    RateLimitCountersModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitCountersModule],
      inject: [AppConfig, RateLimitCounters],
      useFactory: throttlerOptions,
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ClientRateLimitGuard }, PrincipalRateLimitGuard],
  exports: [RateLimitCountersModule, PrincipalRateLimitGuard],
})
export class RateLimitsModule {}
