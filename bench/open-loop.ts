import autocannon from 'autocannon';
import type { Target, TargetResult } from './load.ts';
import type { Workload } from './workloads.ts';

/** Latency of one target at a fixed request rate. */
export interface OpenLoopResult {
  target: string;
  /** Requests answered per second (the rate asked for, unless the target fell behind). */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The fixed rate every target of a workload is measured at, and what each answered. */
export interface OpenLoopComparison {
  /** Requests per second asked of every target. */
  rate: number;
  /** Share of the reference's closed-loop throughput the rate is (0.5: half the baseline's maximum). */
  share: number;
  results: OpenLoopResult[];
}

/** Half of what the reference (the baseline, or the service where there is none) answered at its maximum. */
export const OPEN_LOOP_SHARE = 0.5;

/**
 * Connections are enough to keep the rate when answers slow down (a request waits for a free connection
 * only when all of them are busy, which at half the maximum rate means the server has fallen behind).
 */
const OPEN_LOOP_CONNECTIONS = 64;

async function atRate(target: Target, workload: Workload, rate: number, seconds: number): Promise<OpenLoopResult> {
  const result = await autocannon({
    url: target.url,
    connections: OPEN_LOOP_CONNECTIONS,
    overallRate: rate,
    duration: seconds,
    requests: [workload.request(target.context, `open-${process.pid}-${Date.now()}`)],
  });
  return {
    target: target.name,
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * An open-loop measurement: requests sent at a fixed rate (half of the reference's closed-loop maximum),
 * the same for every target, so that latency shows the cost of a request rather than the queue that a
 * fixed number of connections in flight builds (with 32 of them, latency is 32 / throughput).
 * Targets alternate (A B B A) like the closed-loop rounds; each round keeps its own p50 and p99, the
 * result their mean and worst.
 */
export async function openLoop(
  targets: Target[],
  closedLoop: TargetResult[],
  workload: Workload,
  seconds: number,
  rounds: number,
  log: (line: string) => void,
): Promise<OpenLoopComparison> {
  const reference = closedLoop.find((result) => result.target === 'baseline') ?? closedLoop[0];
  const rate = Math.max(1, Math.round(reference.rps * OPEN_LOOP_SHARE));
  const byTarget = new Map<string, OpenLoopResult[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await atRate(target, workload, rate, seconds);
      byTarget.get(target.name)!.push(result);
      log(
        `  ${workload.name} ${target.name} at ${rate} req/s: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}`,
      );
    }
  }
  const results = targets.map((target) => {
    const measured = byTarget.get(target.name)!;
    return {
      target: target.name,
      rps: Math.round(measured.reduce((sum, item) => sum + item.rps, 0) / measured.length),
      p50: Math.round((measured.reduce((sum, item) => sum + item.p50, 0) / measured.length) * 10) / 10,
      p99: Math.max(...measured.map((item) => item.p99)),
      errors: measured.reduce((sum, item) => sum + item.errors, 0),
    };
  });
  return { rate, share: OPEN_LOOP_SHARE, results };
}
