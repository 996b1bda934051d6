import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own: `initdb` into a temporary directory, started with `pg_ctl` on
 * a free loopback port, stopped and removed by `remove()`. It never touches the machine's own server.
 * As root the cluster runs as the `postgres` user (PostgreSQL refuses to run as root), in a directory
 * that user owns. `PG_BIN` names the directory of initdb/pg_ctl; otherwise the newest
 * /usr/lib/postgresql/<version>/bin, then the PATH.
 *
 * `ThrowawayCluster.create()` makes a primary; `ThrowawayCluster.replicaOf(primary)` a streaming
 * replica of it (pg_basebackup -R), which `promote()` turns into a primary.
 */
export interface ClusterOptions {
  /** postgresql.conf settings added to (and overriding) the defaults below. */
  settings?: Record<string, string | number>;
  /** Part of the temporary directory's name. */
  label?: string;
}

type StopMode = 'smart' | 'fast' | 'immediate';

/** Settings of a throwaway cluster: quick and small; durability beyond the OS is not under test. */
const DEFAULT_SETTINGS: Record<string, string | number> = {
  fsync: 'off',
  full_page_writes: 'off',
  shared_buffers: '32MB',
  max_connections: 100,
  wal_level: 'replica',
  max_wal_senders: 5,
  hot_standby: 'on',
};

function binDirectory(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = join('/usr/lib/postgresql', version, 'bin');
      if (existsSync(join(bin, 'initdb'))) return bin;
    }
  } catch {
    // no Debian layout
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  return null;
}

const isRoot = (): boolean => process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Why no throwaway cluster can be made here, or null when one can. */
export function throwawayClusterUnavailable(): string | null {
  if (!binDirectory()) return 'no initdb (install PostgreSQL server binaries or set PG_BIN)';
  if (isRoot() && !postgresUser()) return 'running as root and there is no postgres user to run the cluster as';
  return null;
}

const live = new Set<ThrowawayCluster>();
process.once('exit', () => {
  for (const cluster of live) cluster.removeNow();
});

export class ThrowawayCluster {
  readonly host = '127.0.0.1';
  private running = false;

  private constructor(
    private readonly bin: string,
    readonly directory: string,
    readonly port: number,
  ) {
    live.add(this);
  }

  get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  get logFile(): string {
    return join(this.directory, 'server.log');
  }

  /** The URL of `database` on this cluster (user postgres, trust authentication). */
  url(database = 'postgres'): string {
    return `postgres://postgres@${this.host}:${this.port}/${database}`;
  }

  /** A new primary, started. */
  static async create(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
    const cluster = await ThrowawayCluster.prepare(options.label ?? 'primary');
    try {
      await cluster.exec('initdb', [
        '-D',
        cluster.dataDirectory,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync',
      ]);
      cluster.configure(options.settings);
      await cluster.start();
      return cluster;
    } catch (error) {
      cluster.removeNow();
      throw error;
    }
  }

  /** A streaming replica of `primary` (a base backup with a standby configuration), started. */
  static async replicaOf(primary: ThrowawayCluster, options: ClusterOptions = {}): Promise<ThrowawayCluster> {
    const cluster = await ThrowawayCluster.prepare(options.label ?? 'replica');
    try {
      const source = ['-h', primary.host, '-p', String(primary.port), '-U', 'postgres'];
      await cluster.exec('pg_basebackup', [...source, '-D', cluster.dataDirectory, '-R', '-X', 'stream', '--no-sync']);
      cluster.configure(options.settings);
      await cluster.start();
      return cluster;
    } catch (error) {
      cluster.removeNow();
      throw error;
    }
  }

  private static async prepare(label: string): Promise<ThrowawayCluster> {
    const unavailable = throwawayClusterUnavailable();
    if (unavailable) throw new Error(`cannot make a throwaway PostgreSQL cluster: ${unavailable}`);
    const directory = mkdtempSync(join(tmpdir(), `scorekeeper-pg-${label}-`));
    const owner = isRoot() ? postgresUser() : null;
    if (owner) chownSync(directory, owner.uid, owner.gid);
    return new ThrowawayCluster(binDirectory()!, directory, await freePort());
  }

  private configure(settings: ClusterOptions['settings'] = {}): void {
    const all = {
      ...DEFAULT_SETTINGS,
      ...settings,
      listen_addresses: `'${this.host}'`,
      port: this.port,
      unix_socket_directories: `'${this.directory}'`,
    };
    const lines = Object.entries(all).map(([name, value]) => `${name} = ${value}`);
    appendFileSync(join(this.dataDirectory, 'postgresql.conf'), `\n# throwaway cluster\n${lines.join('\n')}\n`);
  }

  /** Runs one of the PostgreSQL programs, as the postgres user when this process is root. */
  private exec(program: string, args: string[]): Promise<{ stdout: string }> {
    const binary = join(this.bin, program);
    const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    return run(command, argv, { cwd: this.directory, timeout: 120_000 });
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDirectory, '-l', this.logFile, '-w', '-t', '60', 'start']);
    this.running = true;
  }

  async stop(mode: StopMode = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDirectory, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  /** Ends recovery on a replica: it becomes a primary that takes writes. */
  async promote(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDirectory, '-w', '-t', '60', 'promote']);
  }

  /** Stops the cluster (immediately) and deletes its directory. */
  async remove(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => undefined);
    this.removeNow();
  }

  /** remove() for an exiting process: synchronous, never throws. */
  removeNow(): void {
    if (this.running || existsSync(join(this.dataDirectory, 'postmaster.pid'))) {
      const binary = join(this.bin, 'pg_ctl');
      const args = ['-D', this.dataDirectory, '-m', 'immediate', '-w', 'stop'];
      try {
        if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'ignore' });
        else execFileSync(binary, args, { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      this.running = false;
    }
    rmSync(this.directory, { recursive: true, force: true });
    live.delete(this);
  }
}
