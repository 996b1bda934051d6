import type { CountPlans } from './count-plans.ts';
import type { ExportFigures } from './export.ts';
import type { TargetResult } from './load.ts';
import type { OpenLoopComparison } from './open-loop.ts';
import type { Verdict } from './targets.ts';

export interface WorkloadResult {
  name: string;
  title: string;
  database: 'PostgreSQL' | 'PGlite';
  kind: 'write' | 'list';
  service: TargetResult;
  baseline?: TargetResult;
  ratio: number | null;
  /** Latency at a fixed rate, the same for service and baseline (absent with `--no-open-loop`). */
  openLoop?: OpenLoopComparison;
  verdicts: Verdict[];
  /** Batch workloads: scores written per second (requests × items), and as a multiple of the single creates of the same run and database. */
  scoresPerSecond?: { service: number; baseline?: number; singles?: number; ratioToSingles?: number };
}

export interface StartupResult {
  /** First start on an empty database: migrations applied during start-up. */
  firstStartMs: number;
  /** Restarts with the migrations already applied (the target's case). */
  restartsMs: number[];
  medianRestartMs: number;
}

export interface RunResults {
  date: string;
  mode: 'full' | 'quick';
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    postgres: string;
    postgresSettings: Record<string, string>;
    pglite: string;
    /** Other work on the machine shows here: the bench itself is idle at the start. */
    loadAverage: { start: number; end: number };
  };
  schedule: { connections: number; warmupSeconds: number; seconds: number; rounds: number };
  seed: { rows: Record<string, number>; listMatchingScores: number; seconds: number; pgliteScores: number };
  startup: { postgres?: StartupResult; pglite?: StartupResult };
  /** The list's `count` for the listed evaluator: the rows counted, or the kept count (what the service reads). */
  countPlans?: CountPlans;
  peakRssMiB: { postgresService?: number; baseline?: number; pgliteService?: number };
  /** Resident size of the service after start-up and its fixture, settled (bench/memory.ts). */
  idleRssMiB?: { postgresService?: number; pgliteService?: number };
  workloads: WorkloadResult[];
  /** `GET /api/scores/export/` of the list organization on PostgreSQL, per format (bench/export.ts). */
  exports?: ExportFigures[];
  verdicts: Verdict[];
  /** Phases that could not run, with why. */
  failures: string[];
}
