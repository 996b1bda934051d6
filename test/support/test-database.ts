import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabaseKind = 'pglite' | 'postgres';

export const testDatabaseKind = (): TestDatabaseKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** A database of the suite's own: a fresh PostgreSQL database (dropped afterwards) or an in-memory PGlite. */
export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Environment variables pointing Scorekeeper at it. */
  env: Record<string, string>;
  /** PostgreSQL only: the connection URL. */
  url?: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (set by the global setup when PostgreSQL is reachable)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    return { kind: 'pglite', env: { SCOREKEEPER_DATA_DIR: 'memory://' }, drop: async () => undefined };
  }
  const server = serverUrl();
  const name = `scorekeeper_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const replica = process.env.TEST_DATABASE_REPLICA_URL;
  return {
    kind: 'postgres',
    url,
    env: {
      DATABASE_URL: url,
      SCOREKEEPER_DATA_DIR: 'memory://',
      ...(replica ? { DATABASE_REPLICA_URLS: withDatabase(replica, name) } : {}),
    },
    drop: async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
