/**
 * Resident memory of the service: idle (after start-up and a first few requests, once settled) and at
 * its peak under the write workloads. `npm run bench -- --memory` runs only this, on both databases;
 * the full run records the idle figure next to the peak it already measured.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, createDatabase, dropDatabase } from './database.ts';
import { createScores, createWritingFixture } from './fixtures.ts';
import { hammer } from './load.ts';
import { ADMIN, type RunningServer, peakRssMiB, startService, stop } from './processes.ts';
import { WORKLOADS, fixtureContext } from './workloads.ts';

/** How long a service is left alone before its idle size is read (V8 shrinks its heap once idle). */
export const SETTLE_MS = 20_000;

/** Current resident set size (`VmRSS`), in MiB. */
function rssMiB(server: RunningServer): number {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new Error(
      `${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before its memory was read:\n${server.output()}`,
    );
  }
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

/** Resident size once the service has been idle for SETTLE_MS. */
export async function idleRssMiB(server: RunningServer): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return rssMiB(server);
}

export interface MemoryFigures {
  database: 'PGlite' | 'PostgreSQL';
  /** Peak of the first start on an empty database (PGlite: initdb, then the migrations). */
  firstStartPeakMiB: number;
  idleMiB: number;
  peakMiB: number;
  /** Resident size after the load, settled: what the process keeps. */
  afterLoadMiB: number;
  requests: number;
  errors: number;
}

/**
 * A first start (migrating an empty database), stopped; then a restart, as a service runs day to day:
 * idle, the write workloads (create, then patch) for `seconds` each, then its peak and what it keeps.
 */
async function measure(
  database: MemoryFigures['database'],
  start: () => Promise<RunningServer>,
  seconds: number,
  connections: number,
): Promise<MemoryFigures> {
  const first = await start();
  const firstStartPeakMiB = peakRssMiB(first);
  await stop(first);
  const server = await start();
  try {
    const fixture = await createWritingFixture(server.url, ADMIN.apiKey);
    const scoreIds = await createScores(server.url, ADMIN.apiKey, 300, `memory-${Date.now()}`);
    const idleMiB = await idleRssMiB(server);
    const context = fixtureContext(ADMIN.apiKey, fixture, scoreIds);
    const target = { name: 'service', url: server.url, pid: server.child.pid!, context };
    let requests = 0;
    let errors = 0;
    for (const workload of WORKLOADS.filter((candidate) => ['create', 'patch'].includes(candidate.name))) {
      const round = await hammer(target, workload, seconds, connections);
      requests += round.requests;
      errors += round.errors;
    }
    const peakMiB = peakRssMiB(server);
    const afterLoadMiB = await idleRssMiB(server);
    return { database, firstStartPeakMiB, idleMiB, peakMiB, afterLoadMiB, requests, errors };
  } finally {
    await stop(server);
  }
}

/** Both databases, one after the other; prints a table and returns the figures. */
export async function memoryOnly(seconds: number, connections: number, log: (line: string) => void): Promise<MemoryFigures[]> {
  const figures: MemoryFigures[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-bench-memory-'));
  try {
    figures.push(await measure('PGlite', () => startService({ dataDir }), seconds, connections));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const name = `scorekeeper_bench_memory_${Date.now()}`;
  await createDatabase(name);
  try {
    figures.push(await measure('PostgreSQL', () => startService({ databaseUrl: databaseUrl(name) }), seconds, connections));
  } finally {
    await dropDatabase(name);
  }
  const load = `write load, ${connections} connections, ${seconds} s create + ${seconds} s patch`;
  log(`| database | first start peak MiB | idle RSS MiB | peak RSS MiB (${load}) | after load MiB | requests | errors |`);
  log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of figures) {
    const cells = [row.database, row.firstStartPeakMiB, row.idleMiB, row.peakMiB, row.afterLoadMiB, row.requests, row.errors];
    log(`| ${cells.join(' | ')} |`);
  }
  return figures;
}
