import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Workload, WorkloadContext } from './workloads.ts';

export interface Round {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  statusCodes: Record<string, number>;
  /** CPU time of the server process (user + system) per request, in ms. */
  serverCpuMsPerRequest: number;
  /** Of which in the kernel (system calls: sockets). */
  serverSystemCpuMsPerRequest: number;
  /** Share of the machine's CPU time (all cores) that was busy during the round. */
  machineBusyPercent: number;
}

export interface TargetResult {
  target: string;
  rounds: Round[];
  /** All rounds together: requests over seconds, the mean p50, the worst p99, the sum of errors. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  serverCpuMsPerRequest: number;
  machineBusyPercent: number;
}

export interface Target {
  name: string;
  url: string;
  /** The server's process, whose CPU time is measured. */
  pid: number;
  context: WorkloadContext;
}

/** Linux clock ticks (USER_HZ) in ms: /proc reports CPU times in 1/100 s. */
const TICK_MS = 10;

/** User and system CPU ticks of a target's process. */
function processTicks(target: Target): { user: number; system: number } {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${target.pid}/stat`, 'utf8');
  } catch {
    throw new Error(`the ${target.name} (pid ${target.pid}) is no longer running`);
  }
  const fields = stat.split(') ')[1].split(' ');
  return { user: Number(fields[11]), system: Number(fields[12]) };
}

/** Busy and total CPU ticks of the whole machine. */
function machineTicks(): { busy: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

let runs = 0;

/** One autocannon run of `workload` against `target` (the load generator runs in this process). */
export async function hammer(target: Target, workload: Workload, seconds: number, connections: number): Promise<Round> {
  const runId = `bench-${process.pid}-${Date.now()}-${runs++}`;
  const cpuBefore = processTicks(target);
  const machineBefore = machineTicks();
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    ...(workload.timeoutSeconds ? { timeout: workload.timeoutSeconds } : {}),
    requests: [workload.request(target.context, runId)],
  });
  const cpuAfter = processTicks(target);
  const perRequest = (ticks: number) => Math.round(((ticks * TICK_MS) / Math.max(1, result.requests.total)) * 100) / 100;
  const machineAfter = machineTicks();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    statusCodes,
    serverCpuMsPerRequest: perRequest(cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system),
    serverSystemCpuMsPerRequest: perRequest(cpuAfter.system - cpuBefore.system),
    machineBusyPercent: Math.round(
      ((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)) * 100,
    ),
  };
}

function summarize(target: string, rounds: Round[]): TargetResult {
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  return {
    target,
    rounds,
    rps: Math.round(requests / seconds),
    p50: Math.round((rounds.reduce((sum, round) => sum + round.p50, 0) / rounds.length) * 10) / 10,
    p99: Math.max(...rounds.map((round) => round.p99)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    serverCpuMsPerRequest:
      Math.round((rounds.reduce((sum, round) => sum + round.serverCpuMsPerRequest * round.requests, 0) / Math.max(1, requests)) * 100) /
      100,
    machineBusyPercent: Math.round(rounds.reduce((sum, round) => sum + round.machineBusyPercent, 0) / rounds.length),
  };
}

export interface Schedule {
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  connections: number;
}

/**
 * Warms every target up, then measures them in alternation (A B B A …), so that drift over the run
 * (caches, table growth, the machine's other work) falls on both sides.
 */
export async function compare(
  targets: Target[],
  workload: Workload,
  schedule: Schedule,
  log: (line: string) => void,
): Promise<TargetResult[]> {
  for (const target of targets) await hammer(target, workload, schedule.warmupSeconds, schedule.connections);
  const rounds = new Map<string, Round[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < schedule.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const result = await hammer(target, workload, schedule.seconds, schedule.connections);
      rounds.get(target.name)!.push(result);
      log(
        `  ${workload.name} ${target.name}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, ` +
          `server CPU ${result.serverCpuMsPerRequest} ms/request (${result.serverSystemCpuMsPerRequest} system), machine ${result.machineBusyPercent}% busy`,
      );
    }
  }
  return targets.map((target) => summarize(target.name, rounds.get(target.name)!));
}
