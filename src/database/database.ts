import { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../config/app-config';
import { DataDirLock } from './data-dir-lock';
import { buildOrmOptions } from './orm-options';

/** An open, migrated database and what must be released when it closes. */
export class Database {
  private constructor(
    readonly orm: MikroORM,
    private readonly lock?: DataDirLock,
  ) {}

  /** Opens the configured database (locking the embedded one's data directory) and applies pending migrations. */
  static async open(config: Pick<AppConfig, 'database'>): Promise<Database> {
    const { database } = config;
    const lock = database.kind === 'pglite' && !database.dataDir.startsWith('memory:') ? DataDirLock.acquire(database.dataDir) : undefined;
    try {
      const orm = await MikroORM.init(buildOrmOptions(database));
      try {
        await orm.migrator.up();
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
