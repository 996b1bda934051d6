import type { MikroORM } from '@mikro-orm/core';
import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';

/**
 * The database connections: on PostgreSQL the pool's size, busy and idle connections and the requests
 * waiting for one, read at each scrape; the embedded database has exactly one connection.
 */
export function recordDatabaseMetrics(orm: MikroORM, config: AppConfig, registry: Registry): void {
  const database = config.database;
  new Gauge({
    name: 'scorekeeper_db_pool_max',
    help: 'Largest number of database connections the service opens.',
    registers: [registry],
    collect() {
      this.set(database.kind === 'postgresql' ? database.poolMax : 1);
    },
  });
  if (database.kind !== 'postgresql') return;
  const pool = async (): Promise<Pool | null> =>
    (orm.em.getConnection() as unknown as { getNativeClient(): Promise<Pool> }).getNativeClient().catch(() => null);
  const gauge = (name: string, help: string, read: (pool: Pool) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const current = await pool();
        this.set(current ? read(current) : 0);
      },
    });
  gauge('scorekeeper_db_pool_connections', 'Open database connections (busy and idle).', (p) => p.totalCount);
  gauge('scorekeeper_db_pool_idle', 'Open database connections not in use.', (p) => p.idleCount);
  gauge('scorekeeper_db_pool_in_use', 'Database connections in use by a request.', (p) => p.totalCount - p.idleCount);
  gauge('scorekeeper_db_pool_waiting', 'Requests waiting for a database connection.', (p) => p.waitingCount);
}
