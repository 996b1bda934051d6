import { Client } from 'pg';

/**
 * For TEST_DB=postgres: uses TEST_DATABASE_URL when set; otherwise starts PostgreSQL 17 in a container
 * with Testcontainers when a Docker engine answers; otherwise fails with the reason.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB !== 'postgres') return;
  if (!process.env.TEST_DATABASE_URL) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    process.env.TEST_DATABASE_URL = container.getConnectionUri();
    (globalThis as { __postgresContainer?: { stop(): Promise<unknown> } }).__postgresContainer = container;
  }
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  process.stdout.write(`\ne2e on PostgreSQL ${rows[0].server_version}\n`);
}
