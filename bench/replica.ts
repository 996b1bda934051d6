/**
 * `npm run bench -- --replica [--quick] [--seconds=n] [--only=list-scores]`: the list workloads through two
 * service instances on one primary, against the same two instances' twins that also have one streaming replica
 * (DATABASE_REPLICA_URLS), measured in alternation (A B B A). The primary and the replica are built for the
 * run (test/support/pg-cluster.ts) and removed after it; the machine's own PostgreSQL is not used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { PgCluster } from '../test/support/pg-cluster.ts';
import { withDatabase } from './database.ts';
import { createWritingFixture } from './fixtures.ts';
import { type Round, hammer } from './load.ts';
import { parseOptions } from './options.ts';
import { ADMIN, type RunningServer, removeBuildSnapshot, startService, stop } from './processes.ts';
import { seed } from './seed.ts';
import { WORKLOADS, type Workload, type WorkloadContext } from './workloads.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const DATABASE = 'bench';

interface Setup {
  name: string;
  instances: RunningServer[];
  rounds: Round[][];
}

/** Both instances of a setup under load at once, each with half the connections; their rounds added up. */
async function measure(setup: Setup, workload: Workload, context: WorkloadContext, seconds: number, connections: number): Promise<Round> {
  const rounds = await Promise.all(
    setup.instances.map((instance) =>
      hammer({ name: setup.name, url: instance.url, pid: instance.child.pid!, context }, workload, seconds, connections / 2),
    ),
  );
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  return {
    requests,
    seconds: Math.max(...rounds.map((round) => round.seconds)),
    rps: rounds.reduce((sum, round) => sum + round.rps, 0),
    p50: Math.round((rounds.reduce((sum, round) => sum + round.p50, 0) / rounds.length) * 10) / 10,
    p99: Math.max(...rounds.map((round) => round.p99)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    statusCodes: {},
    serverCpuMsPerRequest:
      Math.round((rounds.reduce((sum, round) => sum + round.serverCpuMsPerRequest * round.requests, 0) / requests) * 100) / 100,
    serverSystemCpuMsPerRequest: 0,
    machineBusyPercent: rounds[0].machineBusyPercent,
  };
}

/** Reads served by the replica and by the primary, as the instances count them (`/health/ready`). */
async function readCounts(instances: RunningServer[]): Promise<{ replica: number; primary: number }> {
  const counts = await Promise.all(
    instances.map(async (instance) => {
      const body = (await (await fetch(`${instance.url}/health/ready`)).json()) as {
        info: { database: { reads?: { replica: number; primary: number } } };
      };
      return body.info.database.reads ?? { replica: 0, primary: 0 };
    }),
  );
  return { replica: counts.reduce((sum, c) => sum + c.replica, 0), primary: counts.reduce((sum, c) => sum + c.primary, 0) };
}

export async function replicaBench(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const workloads = WORKLOADS.filter(
    (workload) => workload.kind === 'list' && (options.only.length === 0 || options.only.some((name) => workload.name.includes(name))),
  );
  const loadAtStart = loadavg()[0];
  log(
    `Replica benchmark (${options.quick ? 'quick' : 'full'}) on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; load average ${loadAtStart.toFixed(2)}`,
  );
  const cluster = await PgCluster.start({ replicas: 1, settings: { shared_buffers: "'1GB'", fsync: 'on', full_page_writes: 'on' } });
  const setups: Setup[] = [];
  const lines: string[] = [];
  try {
    await cluster.primary.query(`create database ${DATABASE}`);
    const url = cluster.primary.url(DATABASE);
    const first = await startService({ databaseUrl: url });
    const fixture = await createWritingFixture(first.url, ADMIN.apiKey);
    await stop(first);
    log('Seeding (set-based SQL on the primary)…');
    const data = await withDatabase(url, (client) => seed(client, options.seed, fixture, ADMIN.email));
    log(`  ${JSON.stringify(data.rows)} in ${data.seconds} s; waiting for the replica to replay it`);
    await cluster.waitForReplicas(600_000);
    const context: WorkloadContext = {
      apiKey: ADMIN.apiKey,
      scoreIds: data.writing.scoreIds,
      evaluatorId: data.writing.evaluatorId,
      versionNumber: data.writing.versionNumber,
      datasets: data.datasets,
      listApiKey: data.listing.apiKey,
      listEvaluatorId: data.listing.evaluatorId,
    };
    const replicaEnv = { DATABASE_REPLICA_URLS: cluster.replicas[0].url(DATABASE) };
    for (const [name, env] of [
      ['2 instances, primary only', {}],
      ['2 instances, primary + 1 replica', replicaEnv],
    ] as const) {
      const instances = [await startService({ databaseUrl: url, env }), await startService({ databaseUrl: url, env })];
      setups.push({ name, instances, rounds: [] });
    }
    for (const workload of workloads) {
      log(workload.title);
      for (const setup of setups) setup.rounds = [];
      for (const setup of setups) await measure(setup, workload, context, options.warmupSeconds, options.connections);
      for (let round = 0; round < options.rounds * 2; round++) {
        for (const setup of round % 2 === 0 ? setups : [...setups].reverse()) {
          const result = await measure(setup, workload, context, options.seconds, options.connections);
          setup.rounds.push([result]);
          log(
            `  ${setup.name}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, machine ${result.machineBusyPercent}% busy`,
          );
        }
      }
      for (const setup of setups) {
        const rounds = setup.rounds.flat();
        const rps = Math.round(
          rounds.reduce((sum, round) => sum + round.requests, 0) / rounds.reduce((sum, round) => sum + round.seconds, 0),
        );
        const p50 = Math.round((rounds.reduce((sum, round) => sum + round.p50, 0) / rounds.length) * 10) / 10;
        lines.push(
          `| ${workload.name} | ${setup.name} | ${rps} | ${p50} | ${Math.max(...rounds.map((round) => round.p99))} | ${rounds.reduce((sum, round) => sum + round.errors, 0)} |`,
        );
      }
    }
    const reads = await readCounts(setups[1].instances);
    const fraction = reads.replica / Math.max(1, reads.replica + reads.primary);
    const report = [
      `# Replica benchmark, ${new Date().toISOString()} (${options.quick ? 'quick' : 'full'})`,
      '',
      `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end; ${options.connections} connections split over the 2 instances; ${options.rounds * 2} rounds of ${options.seconds} s each, alternating.`,
      '',
      '| workload | setup | req/s | p50 ms | p99 ms | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...lines,
      '',
      `Reads served by the replica (with it): ${reads.replica} of ${reads.replica + reads.primary} (${(fraction * 100).toFixed(1)}%).`,
    ].join('\n');
    log(`\n${report}`);
    mkdirSync(new URL('results/', import.meta.url), { recursive: true });
    const file = new URL(`results/replica-${new Date().toISOString().slice(0, 10)}${options.quick ? '-quick' : ''}.md`, import.meta.url);
    writeFileSync(file, `${report}\n`);
    log(`Results: ${file.pathname}`);
  } finally {
    for (const setup of setups) for (const instance of setup.instances) await stop(instance);
    removeBuildSnapshot();
    await cluster.destroy();
  }
}
