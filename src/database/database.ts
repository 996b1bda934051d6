import { MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import type { AppConfig } from '../config/app-config';
import { DataDirLock } from './data-dir-lock';
import { buildOrmOptions } from './orm-options';
import { takeStartupLock } from './startup-lock';

/**
 * Applies pending migrations. On PostgreSQL instances starting together take turns (advisory lock); the
 * embedded database has one process by construction (its data directory is locked) and one connection,
 * which the migrator must have to itself.
 */
async function migrate(orm: MikroORM, kind: AppConfig['database']['kind']): Promise<void> {
  if (kind === 'pglite') {
    await orm.migrator.up();
    return;
  }
  await (orm.em.fork() as SqlEntityManager).transactional(async (em) => {
    // Waiting for another instance's migrations is not bounded by the request timeout, nor are they.
    await em.execute('set local statement_timeout = 0');
    await takeStartupLock(em);
    await orm.migrator.up({ transaction: em.getTransactionContext() });
  });
}

/** An open, migrated database and what must be released when it closes. */
export class Database {
  private constructor(
    readonly orm: MikroORM,
    private readonly lock?: DataDirLock,
  ) {}

  /** Opens the configured database (locking the embedded one's data directory) and applies pending migrations. */
  static async open(config: Pick<AppConfig, 'database'>, entities: readonly Function[]): Promise<Database> {
    const { database } = config;
    const lock = database.kind === 'pglite' && !database.dataDir.startsWith('memory:') ? DataDirLock.acquire(database.dataDir) : undefined;
    try {
      const orm = await MikroORM.init(buildOrmOptions(database, entities));
      try {
        await migrate(orm, database.kind);
      } catch (error) {
        await orm.close(true);
        throw error;
      }
      return new Database(orm, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      await this.orm.close(true);
    } finally {
      this.lock?.release();
    }
  }
}
