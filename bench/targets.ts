import type { TargetResult } from './load.ts';
import type { OpenLoopComparison } from './open-loop.ts';

/** The issue's targets on the reference machine (2 cores, load generator included). */
export const TARGETS = {
  /** Service throughput (closed loop, all connections busy) as a share of the baseline's. */
  throughputRatio: 0.85,
  /** Service CPU time per request as a multiple of the baseline's. */
  cpuRatio: 1.5,
  /** Service p99 at a fixed rate (half the baseline's maximum) as a multiple of the baseline's p99 at that rate. */
  openLoopP99Ratio: 1.3,
  rssPostgresMiB: 256,
  rssPgliteMiB: 384,
  idleRssPostgresMiB: 150,
  idleRssPgliteMiB: 200,
  startupPostgresMs: 2000,
  startupPgliteMs: 5000,
  batchScoresPerSecondPostgres: 20_000,
  batchScoresPerSecondPglite: 3_000,
  batchRatioToSingles: 20,
};

export interface Verdict {
  target: string;
  met: boolean;
  /** How far off a missed target is, in words ("p99 41.0 ms, 11.0 ms (37%) over 30 ms"). */
  detail: string;
}

const over = (value: number, limit: number, unit: string): string =>
  `${value} ${unit}: ${value <= limit ? 'within' : `${Math.round((value - limit) * 10) / 10} ${unit} (${Math.round((value / limit - 1) * 100)}%) over`} ${limit} ${unit}`;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Service throughput as a share of the baseline's. */
export const ratioOf = (service: TargetResult, baseline: TargetResult | undefined): number | null =>
  baseline && baseline.rps > 0 ? round2(service.rps / baseline.rps) : null;

function atLeast(label: string, ratio: number, limit: number): Verdict {
  return {
    target: `${label} ≥ ${limit}× baseline`,
    met: ratio >= limit,
    detail:
      ratio >= limit
        ? `${ratio}×`
        : `${ratio}×: ${round2(limit - ratio)} below ${limit}× (${Math.round((1 - ratio / limit) * 100)}% short)`,
  };
}

function atMost(label: string, ratio: number, limit: number, values: string): Verdict {
  return {
    target: `${label} ≤ ${limit}× baseline`,
    met: ratio <= limit,
    detail: `${ratio}× (${values})${ratio <= limit ? '' : `: ${Math.round((ratio / limit - 1) * 100)}% over ${limit}×`}`,
  };
}

/**
 * A workload against the baseline: closed-loop throughput, CPU time per request of the server process,
 * and the p99 at a fixed rate (the open loop, when it ran). Without a baseline (PGlite) nothing is judged.
 */
export function judgeWorkload(service: TargetResult, baseline: TargetResult | undefined, openLoop?: OpenLoopComparison): Verdict[] {
  if (!baseline) return [];
  const verdicts = [atLeast('throughput', ratioOf(service, baseline)!, TARGETS.throughputRatio)];
  if (baseline.serverCpuMsPerRequest > 0) {
    const cpu = round2(service.serverCpuMsPerRequest / baseline.serverCpuMsPerRequest);
    verdicts.push(
      atMost('CPU per request', cpu, TARGETS.cpuRatio, `${service.serverCpuMsPerRequest} / ${baseline.serverCpuMsPerRequest} ms`),
    );
  }
  const atRate = (name: string) => openLoop?.results.find((result) => result.target === name);
  const [serviceAtRate, baselineAtRate] = [atRate(service.target), atRate(baseline.target)];
  if (openLoop && serviceAtRate && baselineAtRate && baselineAtRate.p99 > 0) {
    verdicts.push(
      atMost(
        `p99 at ${openLoop.rate} req/s`,
        round2(serviceAtRate.p99 / baselineAtRate.p99),
        TARGETS.openLoopP99Ratio,
        `${serviceAtRate.p99} / ${baselineAtRate.p99} ms`,
      ),
    );
  }
  return verdicts;
}

export const judgeLimit = (target: string, value: number, limit: number, unit: string): Verdict => ({
  target,
  met: value <= limit,
  detail: over(value, limit, unit),
});

/**
 * A batch workload's targets: scores per second on its database, and as a multiple of the single creates
 * of the same run (absent when the create workload did not run); throughput, CPU and open-loop latency
 * against the baseline as every workload.
 */
export function judgeBatch(
  database: 'PostgreSQL' | 'PGlite',
  scores: { service: number; singles?: number; ratioToSingles?: number },
  service: TargetResult,
  baseline: TargetResult | undefined,
  openLoop?: OpenLoopComparison,
): Verdict[] {
  const limit = database === 'PostgreSQL' ? TARGETS.batchScoresPerSecondPostgres : TARGETS.batchScoresPerSecondPglite;
  const verdicts = judgeWorkload(service, baseline, openLoop);
  verdicts.push({
    target: `≥ ${limit} scores/s`,
    met: scores.service >= limit,
    detail: `${scores.service} scores/s`,
  });
  if (scores.ratioToSingles !== undefined) {
    verdicts.push({
      target: `≥ ${TARGETS.batchRatioToSingles}× single creates`,
      met: scores.ratioToSingles >= TARGETS.batchRatioToSingles,
      detail: `${scores.ratioToSingles}× (${scores.service} against ${scores.singles} scores/s)`,
    });
  }
  return verdicts;
}
