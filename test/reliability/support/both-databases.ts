import { type TestDatabase, type TestDatabaseKind, createTestDatabase } from '../../support/test-database';
import { type TestApp, startTestApp } from '../../support/test-app';

/** The suites that must hold on both databases run once on each: the embedded PGlite, then PostgreSQL. */
export const DATABASES: TestDatabaseKind[] = ['pglite', 'postgres'];

/** A fresh database of that kind (the global setup points TEST_DATABASE_URL at the PostgreSQL server). */
async function databaseOf(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') return createTestDatabase();
  return { kind: 'pglite', env: { SCOREKEEPER_DATA_DIR: 'memory://' }, drop: async () => undefined };
}

/** The application on a fresh database of that kind, dropped with the application. */
export async function startOn(kind: TestDatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await databaseOf(kind);
  const app = await startTestApp({ database, env });
  return {
    ...app,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
