import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '../config/app-config';
import { ReplicaRouter } from '../database/replicas/replica-router';

/**
 * Ready only when the (primary) database answers a query within the configured timeout. Read replicas, when
 * configured, are reported without deciding readiness: their reads go to the primary while they are down or behind.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly orm: MikroORM,
    private readonly health: HealthIndicatorService,
    private readonly config: AppConfig,
    private readonly replicas: ReplicaRouter,
  ) {}

  async check(key = 'database') {
    const indicator = this.health.check(key);
    const timeoutMs = Math.min(this.config.database.timeoutMs, 3000);
    let timer: NodeJS.Timeout | undefined;
    try {
      const [, replicas] = await Promise.all([
        Promise.race([
          this.orm.em.getConnection().execute('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]),
        this.replicas.enabled ? this.replicas.report(Math.min(timeoutMs, 1000)) : undefined,
      ]);
      return replicas ? indicator.up({ replicas, reads: this.replicas.readCounts() }) : indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
