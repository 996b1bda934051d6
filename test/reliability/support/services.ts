import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The PostgreSQL server the reliability tests share with others (TEST_DATABASE_URL, or the local one).
 * The tests only create, use and drop databases of their own on it; they never stop or reconfigure it.
 */
export const sharedServerUrl = (): string => process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;

/** Runs one statement on a fresh connection to `url`. */
export async function query<T extends Record<string, any> = Record<string, any>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface OwnDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of the test's own on the server at `serverUrl` (the shared one by default), dropped by `drop()`. */
export async function createDatabase(label: string, serverUrl = sharedServerUrl()): Promise<OwnDatabase> {
  const name = `scorekeeper_rel_${label}_${randomBytes(4).toString('hex')}`;
  await query(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await waitPostgresReady(serverUrl);
      await query(serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** Ends every server process connected to the test's own `database` (pg_terminate_backend); returns how many. */
export async function terminateBackends(serverUrl: string, database: string): Promise<number> {
  const rows = await query<{ ended: boolean }>(
    serverUrl,
    'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return rows.filter((row) => row.ended).length;
}

export async function postgresAnswers(url: string): Promise<boolean> {
  try {
    await query(url, 'select 1');
    return true;
  } catch {
    return false;
  }
}

export async function waitPostgresReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await postgresAnswers(url)) return;
    await sleep(200);
  }
  throw new Error('PostgreSQL did not come back');
}

/** Whether a Redis server answers PING at `url`. */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
