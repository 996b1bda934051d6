import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const serverUrl = (): string => process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;

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

/** A database of the test's own on the PostgreSQL server, dropped by `drop()`. */
export async function createDatabase(label: string): Promise<OwnDatabase> {
  const name = `scorekeeper_rel_${label}_${randomBytes(4).toString('hex')}`;
  await query(serverUrl(), `create database "${name}"`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await waitPostgresReady();
      await query(serverUrl(), `drop database if exists "${name}" with (force)`);
    },
  };
}

/** Ends every server process connected to `database` (as an administrator's pg_terminate_backend does); returns how many. */
export async function terminateBackends(database: string): Promise<number> {
  const rows = await query<{ ended: boolean }>(
    serverUrl(),
    'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return rows.filter((row) => row.ended).length;
}

/**
 * Freezes (SIGSTOP) every server process connected to `database` for `ms`, then thaws them: a database
 * that stops answering without closing its connections (a hung host, a network partition). Needs the
 * server on this machine and the right to signal its processes.
 */
export async function freezeBackends(database: string, ms: number): Promise<number> {
  const rows = await query<{ pid: number }>(
    serverUrl(),
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  const frozen: number[] = [];
  try {
    for (const { pid } of rows) {
      process.kill(pid, 'SIGSTOP');
      frozen.push(pid);
    }
    await sleep(ms);
  } finally {
    for (const pid of frozen) process.kill(pid, 'SIGCONT');
  }
  return frozen.length;
}

/** The local cluster pg_ctlcluster manages (`RELIABILITY_PG_CLUSTER="15 main"` overrides), or null without one. */
function localCluster(): [string, string] | null {
  if (process.env.RELIABILITY_PG_CLUSTER) return process.env.RELIABILITY_PG_CLUSTER.split(' ') as [string, string];
  try {
    const versions = readdirSync('/etc/postgresql');
    return versions.length === 1 ? [versions[0], 'main'] : null;
  } catch {
    return null;
  }
}

/** Whether the PostgreSQL server runs on this machine (its processes can be signalled). */
export const postgresIsLocal = (): boolean => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(serverUrl()).hostname);

/**
 * Whether this machine can stop and start the PostgreSQL server the tests use (a local cluster and
 * pg_ctlcluster); RELIABILITY_NO_RESTART=1 leaves the server running (when others share it).
 */
export async function canRestartPostgres(): Promise<boolean> {
  if (process.env.RELIABILITY_NO_RESTART === '1' || !postgresIsLocal() || !localCluster()) return false;
  try {
    await run('pg_ctlcluster', ['--help']);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== 'ENOENT';
  }
}

async function pgCtl(action: 'stop' | 'start'): Promise<void> {
  const cluster = localCluster();
  if (!cluster) throw new Error('no local PostgreSQL cluster');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', ...cluster, action, ...(action === 'stop' ? ['-m', 'fast'] : [])]);
}

export async function postgresAnswers(): Promise<boolean> {
  try {
    await query(serverUrl(), 'select 1');
    return true;
  } catch {
    return false;
  }
}

export async function waitPostgresReady(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await postgresAnswers()) return;
    await sleep(200);
  }
  throw new Error('PostgreSQL did not come back');
}

export const stopPostgres = () => pgCtl('stop');

/** Starts PostgreSQL again (when it is not running) and waits until it answers. */
export async function startPostgres(): Promise<void> {
  if (!(await postgresAnswers())) await pgCtl('start').catch(() => undefined);
  await waitPostgresReady();
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
