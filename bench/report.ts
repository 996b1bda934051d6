import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TargetResult } from './load.ts';
import type { RunResults, WorkloadResult } from './results-model.ts';
import type { Verdict } from './targets.ts';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const TABLE_START = '<!-- bench:summary:start -->';
const TABLE_END = '<!-- bench:summary:end -->';

const mark = (verdicts: Verdict[]): string => verdicts.map((verdict) => `${verdict.met ? '✔' : '✘'} ${verdict.target}`).join('<br>');
const latency = (result: TargetResult | undefined): string => (result ? `${result.p50} / ${result.p99}` : '–');
const rate = (result: TargetResult | undefined): string => (result ? String(result.rps) : '–');
const cpu = (result: TargetResult | undefined): string => (result ? String(result.serverCpuMsPerRequest) : '–');

/** The summary table: one row per workload and database, service next to baseline. */
export function summaryTable(results: RunResults): string {
  const rows = results.workloads.map(
    (row: WorkloadResult) =>
      `| ${row.name} | ${row.database} | ${rate(row.service)} | ${rate(row.baseline)} | ${row.ratio ?? '–'} | ${latency(row.service)} | ${latency(row.baseline)} | ${cpu(row.service)} / ${cpu(row.baseline)} | ${row.service.errors} | ${mark(row.verdicts)} |`,
  );
  const others = results.verdicts.map((verdict) => `| ${verdict.target} | ${verdict.detail} | ${verdict.met ? '✔' : '✘'} |`);
  return [
    '| workload | database | service req/s | baseline req/s | ratio | service p50 / p99 ms | baseline p50 / p99 ms | CPU ms/req service / baseline | errors | targets |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    '| measure | value | met |',
    '|---|---|---|',
    ...others,
  ].join('\n');
}

/** Scores per second of the batch workloads, and their multiple of single creates in the same run. */
function batchTable(results: RunResults): string {
  const rows = results.workloads.filter((row) => row.scoresPerSecond);
  if (rows.length === 0) return '–';
  return [
    '| workload | database | service scores/s | baseline scores/s | single creates scores/s | × single creates |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map(
      ({ name, database, scoresPerSecond: s }) =>
        `| ${[name, database, s!.service, s!.baseline ?? '–', s!.singles ?? '–', s!.ratioToSingles ?? '–'].join(' | ')} |`,
    ),
  ].join('\n');
}

/** Latency at a fixed rate: service and baseline asked the same requests per second. */
export function openLoopTable(results: RunResults): string {
  const rows = results.workloads
    .filter((row) => row.openLoop)
    .map((row) => {
      const { rate, share, results: measured } = row.openLoop!;
      const of = (name: string) => measured.find((result) => result.target === name);
      const cell = (name: string) => {
        const result = of(name);
        return result ? `${result.p50} / ${result.p99} (${result.rps} req/s${result.errors ? `, ${result.errors} errors` : ''})` : '–';
      };
      const service = of('service');
      const baseline = of('baseline');
      const ratio = service && baseline && baseline.p99 > 0 ? Math.round((service.p99 / baseline.p99) * 100) / 100 : '–';
      return `| ${row.name} | ${row.database} | ${rate} (${share * 100}% of the ${baseline ? 'baseline' : 'service'}'s maximum) | ${cell('service')} | ${cell('baseline')} | ${ratio} |`;
    });
  return [
    '| workload | database | rate req/s | service p50 / p99 ms | baseline p50 / p99 ms | p99 ratio |',
    '|---|---|---|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function details(results: RunResults): string {
  const lines = [
    '| workload | database | target | round | req/s | p50 ms | p99 ms | errors | server CPU ms/req (system) | machine busy | status codes |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of results.workloads) {
    for (const target of [row.service, row.baseline].filter((item): item is TargetResult => item !== undefined)) {
      target.rounds.forEach((round, index) =>
        lines.push(
          `| ${row.name} | ${row.database} | ${target.target} | ${index + 1} | ${round.rps} | ${round.p50} | ${round.p99} | ${round.errors} | ${round.serverCpuMsPerRequest} (${round.serverSystemCpuMsPerRequest}) | ${round.machineBusyPercent}% | ${JSON.stringify(round.statusCodes)} |`,
        ),
      );
    }
  }
  return lines.join('\n');
}

function markdown(results: RunResults): string {
  const { machine, schedule, seed, startup, peakRssMiB } = results;
  const idle = results.idleRssMiB ?? {};
  const analysis = existsSync(`${BENCH_DIR}analysis.md`) ? readFileSync(`${BENCH_DIR}analysis.md`, 'utf8').trim() : '';
  return [
    `# Benchmark ${results.date.slice(0, 10)} (${results.mode})`,
    '',
    `Started ${results.date}. ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node};`,
    `PostgreSQL ${machine.postgres} (${Object.entries(machine.postgresSettings)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}); PGlite ${machine.pglite}.`,
    `Load: autocannon in the bench process on the same machine, ${schedule.connections} connections, ${schedule.warmupSeconds} s warm-up per target,`,
    `then ${schedule.rounds} × ${schedule.seconds} s per target, alternating (A B B A). p50 is the mean of the rounds, p99 the worst round.`,
    `Service: production build, NODE_ENV=production, LOG_LEVEL=warn, pool of 10; baseline: Fastify + pg, pool of 10, same database.`,
    `Load average (1 min) at the start ${machine.loadAverage.start}, at the end ${machine.loadAverage.end}.`,
    '',
    `Seed (${seed.seconds} s): ${Object.entries(seed.rows)
      .map(([table, count]) => `${count} ${table}`)
      .join(
        ', ',
      )}; the listed evaluator matches ${seed.listMatchingScores} scores; ${seed.pgliteScores} scores created on PGlite for its PATCH.`,
    '',
    '## Summary',
    '',
    summaryTable(results),
    '',
    '## Batch writes',
    '',
    batchTable(results),
    '',
    '## Latency at a fixed rate (open loop)',
    '',
    'autocannon sends requests at a fixed rate (`overallRate`, up to 64 connections) instead of keeping 32 in flight;',
    'the same rate for service and baseline. p50 is the mean of the rounds, p99 the worst round.',
    '',
    openLoopTable(results),
    '',
    '## The list count',
    '',
    results.countPlans
      ? `Counting the ${results.countPlans.matchingScores} scores of the listed evaluator (\`count(*)\`: ${results.countPlans.rowCountPlan}) ` +
        `takes ${results.countPlans.rowCountMs} ms in the database; summing its kept count (\`score_counts\`, what the service reads) ` +
        `${results.countPlans.keptCountMs} ms (medians of 5, EXPLAIN ANALYZE, idle machine).`
      : '–',
    '',
    '## Start-up and memory',
    '',
    '| database | first start (migrating) ms | restarts ms | idle RSS MiB | peak RSS MiB |',
    '|---|---:|---|---:|---:|',
    `| PostgreSQL | ${startup.postgres?.firstStartMs ?? '–'} | ${startup.postgres?.restartsMs.join(', ') ?? '–'} | ${idle.postgresService ?? '–'} | ${peakRssMiB.postgresService ?? '–'} (baseline ${peakRssMiB.baseline ?? '–'}) |`,
    `| PGlite | ${startup.pglite?.firstStartMs ?? '–'} | ${startup.pglite?.restartsMs.join(', ') ?? '–'} | ${idle.pgliteService ?? '–'} | ${peakRssMiB.pgliteService ?? '–'} |`,
    '',
    ...(results.failures.length ? ['## Failures', '', ...results.failures.map((failure) => `- ${failure}`), ''] : []),
    '## Missed targets',
    '',
    ...[
      ...results.workloads.flatMap((row) =>
        row.verdicts.map((verdict) => ({ ...verdict, target: `${row.name} (${row.database}): ${verdict.target}` })),
      ),
      ...results.verdicts,
    ]
      .filter((verdict) => !verdict.met)
      .map((verdict) => `- ${verdict.target}: ${verdict.detail}`),
    '',
    '## Rounds',
    '',
    details(results),
    '',
    analysis,
    '',
  ].join('\n');
}

/** Writes `results/<date>.{md,json}` (a quick run: `.tmp/`, so it never replaces a full run) and, for a full run, the README table. */
export function writeResults(results: RunResults): string[] {
  const dir = results.mode === 'full' ? `${BENCH_DIR}results/` : `${BENCH_DIR}.tmp/`;
  mkdirSync(dir, { recursive: true });
  const stem = `${dir}${results.mode === 'full' ? '' : 'quick-'}${results.date.slice(0, 10)}`;
  writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${stem}.md`, markdown(results));
  const written = [`${stem}.md`, `${stem}.json`];
  if (results.mode === 'full' && results.workloads.length > 0) {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    if (start >= 0 && end > start) {
      const table = `${TABLE_START}\n${summaryTable(results)}\n\nFrom [bench/results/${results.date.slice(0, 10)}.md](bench/results/${results.date.slice(0, 10)}.md).\n`;
      writeFileSync(README, readme.slice(0, start) + table + readme.slice(end));
      written.push(README);
    }
  }
  return written;
}
