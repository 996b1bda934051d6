import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PgCluster } from '../../support/pg-cluster';
import { freePort } from '../../support/server-process';
import { query, sharedServerUrl } from './services';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The PostgreSQL server the database-fault tests may stop, start and freeze: one of their own, never
 * the machine's. A throwaway cluster (initdb + pg_ctl in a temporary directory) when the PostgreSQL
 * binaries are here, else a Testcontainers PostgreSQL when a Docker engine answers. Without either,
 * the shared server, on which only the backends of the test's own database are terminated.
 */
export interface FaultServer {
  /** What it is, for the figures. */
  description: string;
  /** Administrator URL (any database of the server can be created from it). */
  url: string;
  /** Stops and starts the whole server; null when it is not the test's own. */
  restart: { stop(): Promise<void>; start(): Promise<void> } | null;
  /** Freezes the backends of `database` (or the whole server) for `ms`; null when not the test's own. */
  freeze: ((database: string, ms: number) => Promise<number>) | null;
  /** Why restart/freeze are missing, when they are. */
  limitation?: string;
  remove(): Promise<void>;
}

/** SIGSTOP on every server process connected to `database`, SIGCONT after `ms`: a hung database host. */
async function freezeBackends(url: string, database: string, ms: number): Promise<number> {
  const rows = await query<{ pid: number }>(url, 'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
    database,
  ]);
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

async function throwawayServer(): Promise<FaultServer> {
  const cluster = await PgCluster.start({ replicas: 0 });
  const { primary } = cluster;
  const url = primary.url();
  return {
    description: `throwaway cluster on port ${primary.port}`,
    url,
    restart: { stop: () => primary.stop('fast'), start: () => primary.start() },
    freeze: (database, ms) => freezeBackends(url, database, ms),
    remove: () => cluster.destroy(),
  };
}

async function dockerAnswers(): Promise<boolean> {
  try {
    await run('docker', ['info'], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** A container on a fixed host port, so that `docker start` brings it back at the same address. */
async function containerServer(): Promise<FaultServer> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const port = await freePort();
  const container = await new PostgreSqlContainer('postgres:17-alpine').withExposedPorts({ container: 5432, host: port }).start();
  const id = container.getId();
  const docker = async (...args: string[]) => void (await run('docker', args, { timeout: 60_000 }));
  return {
    description: `Testcontainers PostgreSQL on port ${port}`,
    url: container.getConnectionUri(),
    restart: { stop: () => docker('stop', '-t', '5', id), start: () => docker('start', id) },
    freeze: async (_database, ms) => {
      await docker('pause', id);
      try {
        await sleep(ms);
      } finally {
        await docker('unpause', id);
      }
      return 1;
    },
    remove: async () => void (await container.stop()),
  };
}

export async function faultServer(): Promise<FaultServer> {
  const unavailable = await PgCluster.unavailable();
  if (!unavailable) return throwawayServer();
  if (await dockerAnswers()) return containerServer();
  return {
    description: 'the shared server (own database only)',
    url: sharedServerUrl(),
    restart: null,
    freeze: null,
    limitation: `no server of the test's own to stop or freeze: ${unavailable}, and no Docker engine`,
    remove: async () => undefined,
  };
}
