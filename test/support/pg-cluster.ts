import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PgServer, SERVER_USER, asRoot, asServerUser, findPgBin, freePort } from './pg-server.ts';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Throwaway PostgreSQL clusters for tests and benchmarks: a primary and streaming replicas made with
 * `initdb` and `pg_basebackup -R`, on free local ports, in a temporary directory removed by `destroy()`.
 * The machine's own PostgreSQL server is never touched. Plain (erasable) TypeScript, so that the
 * benchmarks, run by Node without a compiler, use it too.
 */
export interface ClusterOptions {
  /** Streaming replicas to make (default 1; 0 for a lone primary). */
  replicas?: number;
  /** `recovery_min_apply_delay` of the replicas: makes their lag visible. */
  applyDelayMs?: number;
  /** Log every statement each server runs, as JSON lines (`PgServer.jsonLog`). */
  logStatements?: boolean;
  /** Extra postgresql.conf lines for every server. */
  settings?: Record<string, string>;
}

/** A primary and its streaming replicas. */
export class PgCluster {
  readonly root: string;
  readonly primary: PgServer;
  readonly replicas: PgServer[];

  private constructor(root: string, primary: PgServer, replicas: PgServer[]) {
    this.root = root;
    this.primary = primary;
    this.replicas = replicas;
  }

  /** Why no cluster can be made here, or null when one can. */
  static async unavailable(): Promise<string | null> {
    if (!findPgBin()) return 'no PostgreSQL server binaries (install them or set PG_BIN)';
    if (
      asRoot &&
      !(await run('id', ['-u', SERVER_USER]).then(
        () => true,
        () => false,
      ))
    ) {
      return `running as root and there is no ${SERVER_USER} user to run the cluster as`;
    }
    return null;
  }

  static async start(options: ClusterOptions = {}): Promise<PgCluster> {
    const bin = findPgBin();
    if (!bin) throw new Error('no PostgreSQL server binaries (set PG_BIN)');
    const root = mkdtempSync(join(tmpdir(), 'scorekeeper-pg-'));
    if (asRoot) {
      const { stdout } = await run('id', ['-u', SERVER_USER]);
      const { stdout: group } = await run('id', ['-g', SERVER_USER]);
      chownSync(root, Number(stdout.trim()), Number(group.trim()));
    }
    const primary = new PgServer(bin, 'primary', join(root, 'primary'), await freePort());
    const cluster = new PgCluster(root, primary, []);
    try {
      await asServerUser(bin, 'initdb', [
        '-D',
        primary.dataDir,
        '-U',
        'postgres',
        '-A',
        'trust',
        '--no-sync',
        '-E',
        'UTF8',
        '--locale',
        'C',
      ]);
      const settings: Record<string, string> = {
        listen_addresses: "'127.0.0.1'",
        unix_socket_directories: `'${root}'`,
        wal_level: 'replica',
        max_wal_senders: '10',
        hot_standby: 'on',
        max_connections: '300',
        shared_buffers: '32MB',
        fsync: 'off',
        full_page_writes: 'off',
        ...(options.logStatements
          ? {
              logging_collector: 'on',
              log_destination: "'jsonlog'",
              log_directory: "'log'",
              log_statement: "'all'",
              log_min_messages: "'warning'",
            }
          : {}),
        ...options.settings,
      };
      appendConf(primary.dataDir, { ...settings, port: String(primary.port) });
      await primary.start();
      for (let index = 1; index <= (options.replicas ?? 1); index++) {
        const replica = new PgServer(bin, `replica-${index}`, join(root, `replica-${index}`), await freePort());
        await asServerUser(bin, 'pg_basebackup', [
          '-h',
          '127.0.0.1',
          '-p',
          String(primary.port),
          '-U',
          'postgres',
          '-D',
          replica.dataDir,
          '-R',
          '-X',
          'stream',
          '-c',
          'fast',
        ]);
        appendConf(replica.dataDir, {
          port: String(replica.port),
          recovery_min_apply_delay: `'${options.applyDelayMs ?? 0}ms'`,
          hot_standby_feedback: 'on',
        });
        await replica.start();
        cluster.replicas.push(replica);
      }
      await cluster.waitForReplicas();
      return cluster;
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  }

  /** Waits until every replica streams from the primary and has replayed its current position. */
  async waitForReplicas(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (const replica of this.replicas) {
      for (;;) {
        const [{ lsn }] = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
        const caughtUp = await replica
          .query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn])
          .then(([row]) => row.ok)
          .catch(() => false);
        if (caughtUp) break;
        if (Date.now() > deadline) throw new Error(`${replica.name} did not catch up within ${timeoutMs} ms`);
        await sleep(50);
      }
    }
  }

  /** Creates a database on the primary and waits until the replicas have it. */
  async createDatabase(name: string): Promise<void> {
    await this.primary.query(`create database "${name}"`);
    await this.waitForReplicas();
  }

  /** Stops every server and removes the directory. */
  async destroy(): Promise<void> {
    for (const server of [...this.replicas, this.primary]) {
      if (server.running) await server.stop('immediate').catch(() => undefined);
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

function appendConf(dataDir: string, settings: Record<string, string>): void {
  const path = join(dataDir, 'postgresql.conf');
  const lines = Object.entries(settings).map(([key, value]) => `${key} = ${value}`);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\n# scorekeeper test cluster\n${lines.join('\n')}\n`);
}
