import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { recordDatabaseMetrics } from './database-metrics';
import { recordHttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';

/**
 * Prometheus metrics (prom-client): HTTP requests and latency by route, the database pool, and the
 * process (CPU, memory, event-loop lag, garbage collection, open files). Off with METRICS_ENABLED=false.
 * Each application has its own registry (tests run several in one process).
 */
@Module({})
export class MetricsModule implements OnModuleInit {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    private readonly adapterHost: HttpAdapterHost,
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    if (!config.metrics.enabled) return { module: MetricsDisabledModule };
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: Registry, useFactory: () => new Registry() }],
    };
  }

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    const http = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (http) recordHttpMetrics(http.getInstance<FastifyInstance>(), this.registry);
    recordDatabaseMetrics(this.orm, this.config, this.registry);
  }
}

/** What MetricsModule.forRoot gives when metrics are off: nothing at all. */
@Module({})
export class MetricsDisabledModule {}
