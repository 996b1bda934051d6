import pg from 'pg';

/** The server CI and the tests use; the bench creates (and afterwards drops) its own database on it. */
export const SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** `BENCH_DATABASE_PREFIX` starts the names of the databases a run creates (several people sharing one server). */
export const DATABASE_PREFIX = process.env.BENCH_DATABASE_PREFIX ?? '';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`create database "${name}"`));
}

export async function databaseExists(name: string): Promise<boolean> {
  return onServer(async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rows.length > 0);
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`drop database if exists "${name}" with (force)`));
}

export async function serverVersion(): Promise<string> {
  return onServer(async (client) => (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version);
}

/** Settings of the server that bound what any client can reach; recorded with the results. */
export async function serverSettings(): Promise<Record<string, string>> {
  const names = ['shared_buffers', 'synchronous_commit', 'fsync', 'jit', 'autovacuum', 'max_connections', 'work_mem'];
  return onServer(async (client) => {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      'select name, setting, unit from pg_settings where name = any($1) order by name',
      [names],
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.unit ? `${row.setting} ${row.unit}` : row.setting]));
  });
}

/** Runs `work` with a client connected to the bench database. */
export async function withDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
