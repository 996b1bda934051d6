import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASELINE_MAIN = fileURLToPath(new URL('baseline/server.ts', import.meta.url));

/** The administrator every service run is started with; its key authenticates the writing workloads. */
export const ADMIN = {
  email: 'bench@example.com',
  password: 'bench password, long enough',
  apiKey: `sk-bench-${randomBytes(24).toString('base64url')}`,
};
const JWT_SECRET = randomBytes(48).toString('base64');

export interface RunningServer {
  name: string;
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 from `/health/ready`. */
  startupMs: number;
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let build: string | undefined;

/**
 * A copy of `dist/` taken once per run (with the project's package.json and node_modules linked), so
 * that a rebuild in the working tree during the run cannot change or remove what is measured.
 */
function buildSnapshot(): string {
  if (build) return build;
  if (!existsSync(`${ROOT}dist/src/main.js`)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  build = mkdtempSync(join(tmpdir(), 'scorekeeper-bench-build-'));
  cpSync(`${ROOT}dist`, `${build}/dist`, { recursive: true });
  copyFileSync(`${ROOT}package.json`, `${build}/package.json`);
  symlinkSync(`${ROOT}node_modules`, `${build}/node_modules`);
  return build;
}

export function removeBuildSnapshot(): void {
  if (build) rmSync(build, { recursive: true, force: true });
  build = undefined;
}

async function start(name: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { name, child, url, startupMs: performance.now() - started, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not become ready:\n${output}`);
}

export interface ServiceStart {
  databaseUrl?: string;
  dataDir?: string;
  /** Extra Node flags (`--cpu-prof`…). */
  nodeFlags?: string[];
  /** Extra environment variables (`DATABASE_REPLICA_URLS`…). */
  env?: Record<string, string>;
}

/** The V8 flags the service is deployed with: those of `npm run start:prod` (and the Dockerfile). */
export const PRODUCTION_NODE_FLAGS: string[] = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts['start:prod'] as string)
  .split(' ')
  .filter((word) => word.startsWith('--'));

/** The production build, as deployed: its V8 flags, NODE_ENV=production, logging at warn, an administrator with a known key. */
export function startService(options: ServiceStart): Promise<RunningServer> {
  const root = buildSnapshot();
  const database: Record<string, string> = options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl }
    : { SCOREKEEPER_DATA_DIR: options.dataDir ?? 'memory://' };
  const name = options.databaseUrl ? 'service (PostgreSQL)' : 'service (PGlite)';
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SCOREKEEPER_JWT_SECRET: JWT_SECRET,
    SCOREKEEPER_ADMIN_EMAIL: ADMIN.email,
    SCOREKEEPER_ADMIN_PASSWORD: ADMIN.password,
    SCOREKEEPER_ADMIN_API_KEY: ADMIN.apiKey,
    ...database,
    ...options.env,
  };
  return start(name, [...PRODUCTION_NODE_FLAGS, ...(options.nodeFlags ?? []), `${root}/dist/src/main.js`], env, root);
}

/** The raw Fastify + pg server, with the service's pool size. */
export function startBaseline(databaseUrl: string): Promise<RunningServer> {
  return start('baseline', [BASELINE_MAIN], { DATABASE_URL: databaseUrl, NODE_ENV: 'production' });
}

/** Peak resident set size of the process so far (`VmHWM`), in MiB. */
export function peakRssMiB(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

/** SIGTERM (the service closes its database and exits 0, which also writes a `--cpu-prof` profile). */
export async function stop(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
