import { Database } from '../../src/database/database';
import { ENTITIES } from '../../src/entities';
import { loadConfig } from '../../src/config/app-config';
import { migrationsList } from '../../migrations';
import { type TestDatabase, createTestDatabase } from '../support/test-database';

describe('database schema', () => {
  let database: TestDatabase;
  let opened: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await Database.open(loadConfig(database.env), ENTITIES);
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('applies every migration at start-up', async () => {
    const executed = await opened.orm.migrator.getExecuted();
    expect(executed.map((migration) => migration.name)).toEqual(migrationsList.map((migration) => migration.name));
    expect(await opened.orm.migrator.getPending()).toEqual([]);
  });

  it('matches the entities exactly (no drift between entities and migrations)', async () => {
    expect((await opened.orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });

  it('leads every primary key, unique index and foreign key of tenant tables with organization_id', async () => {
    const rows = await opened.orm.em.getConnection().execute<{ table_name: string; definition: string }[]>(`
      select c.conrelid::regclass::text as table_name, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = current_schema() and c.contype in ('p', 'u', 'f')
        and c.conrelid::regclass::text not in ('organizations', 'mikro_orm_migrations')
        and c.conname not in ('users_email_unique')`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(`${row.table_name}: ${row.definition}`).toMatch(/: (PRIMARY KEY|UNIQUE|FOREIGN KEY) \(organization_id[,)]/);
  });
});
