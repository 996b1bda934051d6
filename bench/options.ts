/** How big and how long a run is: the full suite, or `--quick` (CI: a few seconds per workload, a small seed). */
export interface BenchOptions {
  quick: boolean;
  /** Writes V8 CPU profiles and flame graphs of the service per workload instead of the comparison. */
  profile: boolean;
  /** Run only the workloads whose name contains one of these (all when empty). */
  only: string[];
  /** Re-render the Markdown (and the README table) of an earlier run from its JSON instead of running. */
  render?: string;
  /** Measures only the service's idle and peak memory on both databases (bench/memory.ts). */
  memory: boolean;
  /** Measures only the export of the list organization's scores on PostgreSQL (bench/export.ts). */
  exportOnly: boolean;
  /**
   * `--export-database=name`: the export measurement's database, seeded only when it holds no list
   * organization yet and kept afterwards, so that repeated measurements skip the minutes of seeding.
   */
  exportDatabase?: string;
  /** After each closed-loop comparison, latency at a fixed rate (half the baseline's maximum); `--no-open-loop` skips it. */
  openLoop: boolean;
  connections: number;
  warmupSeconds: number;
  /** Seconds of each measured round; every target gets `rounds` of them, alternating with the other. */
  seconds: number;
  rounds: number;
  seed: SeedSize;
  startupRepeats: number;
  /** `--lists`: keep the bench database at the end (`--keep`), or measure again on one kept earlier (`--database=lists_…`). */
  keep: boolean;
  database?: string;
}

export interface SeedSize {
  /** Scores of the writing organization that PATCH picks from. */
  patchScores: number;
  /** Scores of the organization the list workloads read. */
  listScores: number;
  /** Evaluators the list organization's scores are spread over (the filter names one). */
  listEvaluators: number;
  /** Other organizations, each with its own evaluators, versions, health scores and scores. */
  otherOrganizations: number;
  scoresPerOtherOrganization: number;
  datasets: number;
  /** Scorer versions of the list organization's first evaluator (each with a health score per dataset and type). */
  listVersions: number;
  /** Scores created through the API on PGlite for its PATCH workload. */
  pglitePatchScores: number;
}

const FULL_SEED: SeedSize = {
  patchScores: 10_000,
  listScores: 1_000_000,
  listEvaluators: 4,
  otherOrganizations: 100,
  scoresPerOtherOrganization: 5_000,
  datasets: 100,
  listVersions: 5,
  pglitePatchScores: 10_000,
};

/** `--seed=10m`: the list organization holds ten million scores (the lists benchmark's large size). */
const TEN_MILLION_SEED: SeedSize = { ...FULL_SEED, listScores: 10_000_000 };

const QUICK_SEED: SeedSize = {
  patchScores: 1_000,
  listScores: 5_000,
  listEvaluators: 4,
  otherOrganizations: 3,
  scoresPerOtherOrganization: 500,
  datasets: 100,
  listVersions: 2,
  pglitePatchScores: 300,
};

export function parseOptions(argv: string[]): BenchOptions {
  const unknown = argv.filter(
    (arg) =>
      !/^--(quick|profile|memory|export|no-open-loop|seed=10m|keep|database=lists_\w+|only=[\w,-]+|export-database=\w+|seconds=\d+|render=.+\.json)$/.test(
        arg,
      ),
  );
  if (unknown.length) {
    throw new Error(
      `unknown option(s) ${unknown.join(' ')}; usage: npm run bench [-- --quick] [--profile] [--memory] [--export [--export-database=name]] [--no-open-loop] [--seed=10m] [--lists [--keep] [--database=lists_…]] [--only=a,b] [--seconds=n] [--render=results/x.json]`,
    );
  }
  const quick = argv.includes('--quick');
  const only = argv.flatMap((arg) => (arg.startsWith('--only=') ? arg.slice('--only='.length).split(',') : []));
  const seconds = argv.find((arg) => arg.startsWith('--seconds='))?.slice('--seconds='.length);
  return {
    render: argv.find((arg) => arg.startsWith('--render='))?.slice('--render='.length),
    quick,
    profile: argv.includes('--profile'),
    memory: argv.includes('--memory'),
    exportOnly: argv.includes('--export'),
    exportDatabase: argv.find((arg) => arg.startsWith('--export-database='))?.slice('--export-database='.length),
    openLoop: !argv.includes('--no-open-loop'),
    only,
    connections: 32,
    warmupSeconds: quick ? 1 : 3,
    seconds: seconds ? Number(seconds) : quick ? 2 : 15,
    rounds: quick ? 1 : 2,
    seed: quick ? QUICK_SEED : argv.includes('--seed=10m') ? TEN_MILLION_SEED : FULL_SEED,
    startupRepeats: quick ? 1 : 3,
    keep: argv.includes('--keep'),
    database: argv.find((arg) => arg.startsWith('--database='))?.slice('--database='.length),
  };
}
