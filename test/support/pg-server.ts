import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * One PostgreSQL server of a throwaway test cluster (pg-cluster.ts), and the programs that run it as the
 * `postgres` user when the tests run as root. Plain (erasable) TypeScript, for the benchmarks too.
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const asRoot = process.getuid?.() === 0;
export const SERVER_USER = 'postgres';

/** Runs a PostgreSQL binary as the server's user. */
export async function asServerUser(bin: string, command: string, args: string[]): Promise<string> {
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
