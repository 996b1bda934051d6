import type { TargetResult } from './load.ts';

/** The issue's targets on the reference machine (2 cores, load generator included). */
export const TARGETS = {
  writeRatio: 0.7,
  writeP99Ms: 30,
  listP50Ms: 15,
  listP99Ms: 50,
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

/** Service throughput as a share of the baseline's. */
export const ratioOf = (service: TargetResult, baseline: TargetResult | undefined): number | null =>
  baseline && baseline.rps > 0 ? Math.round((service.rps / baseline.rps) * 100) / 100 : null;

/**
 * What a latency limit asks of throughput: with `connections` requests always in flight, the mean latency
 * is connections / throughput (Little's law), and a percentile cannot be below the mean of the faster half.
 */
function needed(limitMs: number, connections: number, baseline: TargetResult | undefined): string {
  const rate = Math.ceil((connections * 1000) / limitMs);
  const reached = baseline
    ? `; the raw baseline reached ${baseline.rps} req/s (mean ${Math.round((connections * 10000) / baseline.rps) / 10} ms)`
    : '';
  return `; with ${connections} requests in flight a mean of ${limitMs} ms needs ≥ ${rate} req/s${reached}`;
}

const latency = (label: string, value: number, limit: number, connections: number, baseline?: TargetResult): Verdict => ({
  target: `${label} ≤ ${limit} ms`,
  met: value <= limit,
  detail: over(value, limit, 'ms') + (value <= limit ? '' : needed(limit, connections, baseline)),
});

export function judgeWrite(service: TargetResult, baseline: TargetResult | undefined, connections: number): Verdict[] {
  const ratio = ratioOf(service, baseline);
  const verdicts: Verdict[] = [latency('p99', service.p99, TARGETS.writeP99Ms, connections, baseline)];
  if (ratio !== null) {
    verdicts.unshift({
      target: `throughput ≥ ${TARGETS.writeRatio}× baseline`,
      met: ratio >= TARGETS.writeRatio,
      detail:
        ratio >= TARGETS.writeRatio
          ? `${ratio}×`
          : `${ratio}×: ${Math.round((TARGETS.writeRatio - ratio) * 100) / 100} below ${TARGETS.writeRatio}× (${Math.round((1 - ratio / TARGETS.writeRatio) * 100)}% short)`,
    });
  }
  return verdicts;
}

export function judgeList(service: TargetResult, baseline: TargetResult | undefined, connections: number): Verdict[] {
  return [
    latency('p50', service.p50, TARGETS.listP50Ms, connections, baseline),
    latency('p99', service.p99, TARGETS.listP99Ms, connections, baseline),
  ];
}

export const judgeLimit = (target: string, value: number, limit: number, unit: string): Verdict => ({
  target,
  met: value <= limit,
  detail: over(value, limit, unit),
});

/**
 * A batch workload's targets: scores per second on its database, and as a multiple of the single creates
 * of the same run (absent when the create workload did not run); its throughput against the baseline as
 * other writes (a 100-item request has no per-request latency target).
 */
export function judgeBatch(
  database: 'PostgreSQL' | 'PGlite',
  scores: { service: number; singles?: number; ratioToSingles?: number },
  service: TargetResult,
  baseline: TargetResult | undefined,
  connections: number,
): Verdict[] {
  const limit = database === 'PostgreSQL' ? TARGETS.batchScoresPerSecondPostgres : TARGETS.batchScoresPerSecondPglite;
  const verdicts = judgeWrite(service, baseline, connections).filter((verdict) => !verdict.target.startsWith('p99'));
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
