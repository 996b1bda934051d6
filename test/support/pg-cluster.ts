import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * Throwaway PostgreSQL clusters for tests: a primary and streaming replicas made with `initdb` and
 * `pg_basebackup -R`, on free local ports, in a temporary directory removed by `destroy()`. The machine's own
 * PostgreSQL server is never touched. Runs the server as `postgres` when the tests run as root. Plain
 * (erasable) TypeScript, so that the benchmarks, run by Node without a compiler, use it too.
 */

/** The directory of the PostgreSQL server binaries (PG_BIN, or the newest /usr/lib/postgresql/N/bin), if any. */
export function findPgBin(): string | undefined {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((version) => /^\d+$/.test(version))
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_basebackup')));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
const SERVER_USER = 'postgres';

/** Runs a PostgreSQL binary as the server's user. */
async function asServerUser(bin: string, command: string, args: string[]): Promise<string> {
  const file = join(bin, command);
  const [program, argv] = asRoot ? ['runuser', ['-u', SERVER_USER, '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await run(program, argv, { cwd: '/', maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || (error as Error).message}`, { cause: error });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One server of the cluster. */
export class PgServer {
  private readonly bin: string;
  readonly name: string;
  readonly dataDir: string;
  readonly port: number;

  constructor(bin: string, name: string, dataDir: string, port: number) {
    this.bin = bin;
    this.name = name;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** A connection URL for `database` (trust authentication, user postgres). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await asServerUser(this.bin, 'pg_ctl', ['-D', this.dataDir, '-l', join(this.dataDir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await asServerUser(this.bin, 'pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  get running(): boolean {
    return existsSync(join(this.dataDir, 'postmaster.pid'));
  }

  /** Runs one statement on `database` with a short-lived connection. */
  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Changes a reloadable setting (ALTER SYSTEM + reload). */
  async set(setting: string, value: string): Promise<void> {
    await this.query(`alter system set ${setting} = '${value.replace(/'/g, "''")}'`);
    await this.query('select pg_reload_conf()');
  }

  /** The lines of the server's JSON log (`logStatements`), parsed. */
  jsonLog(): Record<string, unknown>[] {
    const dir = join(this.dataDir, 'log');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .flatMap((file) =>
        readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
  }
}

export interface ClusterOptions {
  /** Streaming replicas to make (default 1). */
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
