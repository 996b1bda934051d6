import { EntityManager } from '@mikro-orm/sql';
import { Database } from '../../src/database/database';
import { ENTITIES } from '../../src/entities';

/**
 * The embedded database's memory settings (src/database/pglite-memory.ts): shared memory sized for the
 * one backend PGlite runs, and still room in the lock table for a transaction that locks thousands of
 * relations (a migration's worth and far more). The embedded database, whichever one the suite runs on.
 */
describe('the embedded database’s memory settings', () => {
  let database: Database;
  const execute = <T extends object>(sql: string) => database.orm.em.fork().getConnection().execute<T[]>(sql);

  beforeAll(async () => {
    database = await Database.open({ database: { kind: 'pglite', dataDir: 'memory://', timeoutMs: 60_000 } }, ENTITIES);
  });
  afterAll(() => database.close());

  it('sizes shared memory for one backend', async () => {
    const [{ max_connections }] = await execute<{ max_connections: string }>('show max_connections');
    const [{ shared_memory_size }] = await execute<{ shared_memory_size: string }>('show shared_memory_size');
    expect(max_connections).toBe('1');
    expect(Number.parseInt(shared_memory_size, 10)).toBeLessThanOrEqual(5);
  });

  it('has room in its lock table for a transaction creating 3,000 tables', async () => {
    const em = database.orm.em.fork() as EntityManager;
    const created = await em.transactional(async (tx) => {
      for (let i = 0; i < 3000; i++) await tx.execute(`create table lock_room_${i} (id int primary key)`);
      const [{ count }] = await tx.execute<{ count: string }[]>(
        "select count(*)::text as count from pg_locks where locktype = 'relation' and mode = 'AccessExclusiveLock'",
      );
      return Number(count);
    });
    expect(created).toBeGreaterThanOrEqual(6000);
  });
});
