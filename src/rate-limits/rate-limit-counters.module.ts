import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MemoryCounters, RateLimitCounters } from './rate-limit-counters';
import { RedisCounters } from './redis-counters';

/** The one set of rate-limit counters: on Redis when `REDIS_URL` is set (shared by every instance), in memory otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitCounters,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.redisUrl ? new RedisCounters(config.redisUrl) : new MemoryCounters()),
    },
  ],
  exports: [RateLimitCounters],
})
export class RateLimitCountersModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(RateLimitCounters) private readonly counters: RateLimitCounters) {}

  async onModuleInit(): Promise<void> {
    await this.counters.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counters.close();
  }
}
