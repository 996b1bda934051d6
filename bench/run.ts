/**
 * `npm run bench [-- --quick] [--profile] [--only=patch,list-scores]` (`--summary`: bench/summary.ts, `--lists`: bench/lists.ts): Scorekeeper (production build)
 * against the raw Fastify + pg baseline on a fresh PostgreSQL database, then on the embedded PGlite.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATABASE_PREFIX,
  SERVER_URL,
  createDatabase,
  databaseUrl,
  dropDatabase,
  serverSettings,
  serverVersion,
  withDatabase,
} from './database.ts';
import { measureCountPlans } from './count-plans.ts';
import { exportOnly, measureExports } from './export.ts';
import { createScores, createWritingFixture } from './fixtures.ts';
import { type Schedule, type Target, compare } from './load.ts';
import { type BenchOptions, parseOptions } from './options.ts';
import { ADMIN, type RunningServer, peakRssMiB, removeBuildSnapshot, startBaseline, startService, stop } from './processes.ts';
import { idleRssMiB, memoryOnly } from './memory.ts';
import { profileWorkloads } from './profile.ts';
import { replicaBench } from './replica.ts';
import { summaryBench } from './summary.ts';
import { listsBench } from './lists.ts';
import { writeResults } from './report.ts';
import { judgeBatches, judged, verdicts } from './run-verdicts.ts';
import type { RunResults, StartupResult, WorkloadResult } from './results-model.ts';
import { type Seed, seed } from './seed.ts';
import { openLoop } from './open-loop.ts';
import { PGLITE_WORKLOADS, WORKLOADS, type Workload, type WorkloadContext, fixtureContext } from './workloads.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => Math.round(value);

/** Starts the service `repeats` more times after a first start; returns the last one, still running. */
async function measureStartups(
  first: RunningServer,
  repeats: number,
  start: () => Promise<RunningServer>,
): Promise<{ startup: StartupResult; server: RunningServer }> {
  await stop(first);
  const restartsMs: number[] = [];
  let server: RunningServer | undefined;
  for (let attempt = 0; attempt < repeats; attempt++) {
    if (server) await stop(server);
    server = await start();
    restartsMs.push(ms(server.startupMs));
  }
  return { startup: { firstStartMs: ms(first.startupMs), restartsMs, medianRestartMs: median(restartsMs) }, server: server! };
}

const selected = (options: BenchOptions, workloads: Workload[]) =>
  workloads.filter((workload) => options.only.length === 0 || options.only.some((name) => workload.name.includes(name)));

const scheduleOf = (options: BenchOptions): Schedule => ({
  warmupSeconds: options.warmupSeconds,
  seconds: options.seconds,
  rounds: options.rounds,
  connections: options.connections,
});

function contextOf(data: Seed): WorkloadContext {
  return {
    apiKey: ADMIN.apiKey,
    scoreIds: data.writing.scoreIds,
    evaluatorId: data.writing.evaluatorId,
    versionNumber: data.writing.versionNumber,
    datasets: data.datasets,
    listApiKey: data.listing.apiKey,
    listEvaluatorId: data.listing.evaluatorId,
  };
}

/** The closed-loop comparison, then (unless `--no-open-loop`) the same targets at half the reference's maximum rate. */
async function measure(
  targets: Target[],
  workload: Workload,
  options: BenchOptions,
  database: WorkloadResult['database'],
): Promise<WorkloadResult> {
  const closedLoop = await compare(targets, workload, scheduleOf(options), log);
  const atRate = options.openLoop ? await openLoop(targets, closedLoop, workload, options.seconds, options.rounds, log) : undefined;
  return judged(workload, database, closedLoop, atRate);
}

/** First start on an empty database, the API-created fixture, the start-up measurements, then the seed. */
async function preparePostgres(options: BenchOptions, results: RunResults, url: string): Promise<Seed> {
  log(`PostgreSQL: first start on an empty database (${url})`);
  const first = await startService({ databaseUrl: url });
  const fixture = await createWritingFixture(first.url, ADMIN.apiKey);
  const { startup, server } = await measureStartups(first, options.startupRepeats, () => startService({ databaseUrl: url }));
  results.startup.postgres = startup;
  log(`  start-up: first ${startup.firstStartMs} ms (migrating), restarts ${startup.restartsMs.join(', ')} ms`);
  await stop(server);
  log('Seeding (set-based SQL)…');
  const data = await withDatabase(url, (client) => seed(client, options.seed, fixture, ADMIN.email));
  log(`  ${JSON.stringify(data.rows)} in ${data.seconds} s`);
  results.countPlans = await withDatabase(url, (client) =>
    measureCountPlans(client, data.listing.organizationId, data.listing.evaluatorId),
  );
  results.seed = { ...results.seed, rows: data.rows, listMatchingScores: results.countPlans.matchingScores, seconds: data.seconds };
  log(
    `  count of ${results.countPlans.matchingScores} scores: rows ${results.countPlans.rowCountMs} ms, kept count ${results.countPlans.keptCountMs} ms`,
  );
  return data;
}

async function postgresPhase(options: BenchOptions, results: RunResults, url: string, data: Seed): Promise<void> {
  const service = await startService({ databaseUrl: url });
  const baseline = await startBaseline(url);
  try {
    results.idleRssMiB = { ...results.idleRssMiB, postgresService: await idleRssMiB(service) };
    const context = contextOf(data);
    const targets = [
      { name: 'service', url: service.url, pid: service.child.pid!, context },
      { name: 'baseline', url: baseline.url, pid: baseline.child.pid!, context },
    ];
    for (const workload of selected(options, WORKLOADS)) {
      log(`${workload.title}`);
      results.workloads.push(await measure(targets, workload, options, 'PostgreSQL'));
    }
    if (options.only.length === 0 || options.only.includes('export'))
      results.exports = await measureExports(service, data.listing.apiKey, log);
    results.peakRssMiB.postgresService = peakRssMiB(service);
    results.peakRssMiB.baseline = peakRssMiB(baseline);
  } finally {
    await stop(service);
    await stop(baseline);
  }
}

async function pglitePhase(options: BenchOptions, results: RunResults): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-bench-pglite-'));
  try {
    log(`PGlite: first start on an empty data directory (${dataDir})`);
    const first = await startService({ dataDir });
    const { startup, server } = await measureStartups(first, options.startupRepeats, () => startService({ dataDir }));
    results.startup.pglite = startup;
    log(`  start-up: first ${startup.firstStartMs} ms (migrating), restarts ${startup.restartsMs.join(', ')} ms`);
    try {
      const fixture = await createWritingFixture(server.url, ADMIN.apiKey);
      const scoreIds = await createScores(server.url, ADMIN.apiKey, options.seed.pglitePatchScores, `pglite-seed-${Date.now()}`);
      results.seed.pgliteScores = scoreIds.length;
      results.idleRssMiB = { ...results.idleRssMiB, pgliteService: await idleRssMiB(server) };
      const context = fixtureContext(ADMIN.apiKey, fixture, scoreIds);
      for (const workload of selected(options, PGLITE_WORKLOADS)) {
        log(`${workload.title} on PGlite`);
        const targets = [{ name: 'service', url: server.url, pid: server.child.pid!, context }];
        results.workloads.push(await measure(targets, workload, options, 'PGlite'));
      }
      results.peakRssMiB.pgliteService = peakRssMiB(server);
    } finally {
      await stop(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--replica')) return replicaBench(process.argv.slice(2).filter((arg) => arg !== '--replica'));
  if (process.argv.includes('--summary')) return summaryBench(process.argv.slice(2));
  if (process.argv.includes('--lists')) return listsBench(parseOptions(process.argv.slice(2).filter((arg) => arg !== '--lists')));
  const options = parseOptions(process.argv.slice(2));
  if (options.render) {
    log(`Rendered: ${writeResults(JSON.parse(readFileSync(options.render, 'utf8')) as RunResults).join(', ')}`);
    return;
  }
  if (options.exportOnly) return exportOnly(options.seed, log, options.exportDatabase);
  if (options.memory) {
    try {
      await memoryOnly(options.seconds, options.connections, log);
    } finally {
      removeBuildSnapshot();
    }
    return;
  }
  const name = `${DATABASE_PREFIX}scorekeeper_bench_${Date.now()}`;
  const pglitePackage = JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'));
  const results: RunResults = {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${process.platform} ${release()}`,
      node: process.version,
      postgres: await serverVersion(),
      postgresSettings: await serverSettings(),
      pglite: pglitePackage.version,
      loadAverage: { start: Math.round(loadavg()[0] * 100) / 100, end: 0 },
    },
    schedule: scheduleOf(options),
    seed: { rows: {}, listMatchingScores: 0, seconds: 0, pgliteScores: 0 },
    startup: {},
    peakRssMiB: {},
    workloads: [],
    verdicts: [],
    failures: [],
  };
  log(
    `Benchmark (${results.mode}) on ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}`,
  );
  try {
    await createDatabase(name);
    try {
      const data = await preparePostgres(options, results, databaseUrl(name));
      if (options.profile) {
        await profileWorkloads(databaseUrl(name), contextOf(data), selected(options, WORKLOADS), scheduleOf(options), log);
        return;
      }
      await postgresPhase(options, results, databaseUrl(name), data);
    } finally {
      await dropDatabase(name);
    }
    try {
      await pglitePhase(options, results);
    } catch (error) {
      // The PostgreSQL numbers stand on their own; the failure is part of the results.
      results.failures.push(`PGlite phase: ${(error as Error).message.split('\n')[0]}`);
      log(`PGlite phase failed: ${(error as Error).message}`);
    }
  } finally {
    removeBuildSnapshot();
  }
  judgeBatches(results);
  results.machine.loadAverage.end = Math.round(loadavg()[0] * 100) / 100;
  results.verdicts = verdicts(results);
  const written = writeResults(results);
  log(`Results: ${written.join(', ')}`);
  if (results.failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${(error as Error)?.stack ?? String(error)}\n(server ${SERVER_URL})\n`);
  process.exit(1);
});
