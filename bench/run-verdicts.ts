import { judgeExport } from './export.ts';
import type { OpenLoopComparison } from './open-loop.ts';
import type { RunResults, WorkloadResult } from './results-model.ts';
import { TARGETS, judgeBatch, judgeLimit, judgeWorkload, ratioOf } from './targets.ts';
import { WORKLOADS, type Workload } from './workloads.ts';

/** A workload's closed-loop (and open-loop) results with the ratio and the verdicts of its targets. */
export function judged(
  workload: Workload,
  database: WorkloadResult['database'],
  results: WorkloadResult['service'][],
  atRate?: OpenLoopComparison,
): WorkloadResult {
  const [service, baseline] = results;
  const ratio = ratioOf(service, baseline);
  return {
    name: workload.name,
    title: workload.title,
    database,
    kind: workload.kind,
    service,
    baseline,
    ratio,
    openLoop: atRate,
    verdicts: judgeWorkload(service, baseline, atRate),
  };
}

/** Each batch workload's scores per second, against the single creates of the same database in this run. */
export function judgeBatches(results: RunResults): void {
  for (const row of results.workloads) {
    const items = WORKLOADS.find((workload) => workload.name === row.name)?.itemsPerRequest;
    if (!items) continue;
    const singles = results.workloads.find((other) => other.name === 'create' && other.database === row.database)?.service.rps;
    const service = row.service.rps * items;
    row.scoresPerSecond = {
      service,
      ...(row.baseline ? { baseline: row.baseline.rps * items } : {}),
      ...(singles ? { singles, ratioToSingles: Math.round((service / singles) * 10) / 10 } : {}),
    };
    row.verdicts = judgeBatch(row.database, row.scoresPerSecond, row.service, row.baseline, row.openLoop);
  }
}

/** The run-wide targets: exports, start-up, peak and idle memory. */
export function verdicts(results: RunResults): RunResults['verdicts'] {
  const found = (results.exports ?? []).flatMap(judgeExport);
  const { postgres, pglite } = results.startup;
  if (postgres) found.push(judgeLimit('start-up to ready, PostgreSQL', postgres.medianRestartMs, TARGETS.startupPostgresMs, 'ms'));
  if (pglite) found.push(judgeLimit('start-up to ready, PGlite', pglite.medianRestartMs, TARGETS.startupPgliteMs, 'ms'));
  const rss = results.peakRssMiB;
  if (rss.postgresService !== undefined) found.push(judgeLimit('peak RSS, PostgreSQL', rss.postgresService, TARGETS.rssPostgresMiB, 'MiB'));
  if (rss.pgliteService !== undefined) found.push(judgeLimit('peak RSS, PGlite', rss.pgliteService, TARGETS.rssPgliteMiB, 'MiB'));
  const idle = results.idleRssMiB ?? {};
  if (idle.postgresService !== undefined)
    found.push(judgeLimit('idle RSS, PostgreSQL', idle.postgresService, TARGETS.idleRssPostgresMiB, 'MiB'));
  if (idle.pgliteService !== undefined) found.push(judgeLimit('idle RSS, PGlite', idle.pgliteService, TARGETS.idleRssPgliteMiB, 'MiB'));
  return found;
}
