/**
 * Sizes of the reliability tests: bounded by default (CI), long with RELIABILITY_LONG=1. Every figure a
 * test uses comes from here, so that docs/reliability.md can name them.
 */
export const LONG = ['1', 'true', 'yes'].includes((process.env.RELIABILITY_LONG ?? '').toLowerCase());

const pick = <T>(bounded: T, long: T): T => (LONG ? long : bounded);

/** The fuzzer's seed: fixed in CI, `RELIABILITY_SEED=<n>` replays (or varies) a run. */
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20261122);

export const BUDGET = {
  /** Generated requests per operation of the OpenAPI document. */
  fuzzRunsPerOperation: pick(30, 400),
  /** Concurrent writers while the database is faulted. */
  faultWriters: pick(24, 48),
  /** Rounds of pg_terminate_backend during the load. */
  terminateRounds: pick(2, 6),
  /** How long the database's server processes stay frozen (SIGSTOP) during the load. */
  freezeMs: pick(6000, 12000),
  /** PostgreSQL stop/start cycles during the load. */
  restartRounds: pick(1, 3),
  /** How long PostgreSQL stays down in each cycle. */
  downMs: pick(4000, 8000),
  /** Connections writing while SIGTERM arrives. */
  shutdownConnections: 100,
  /** SIGTERM (PostgreSQL) and SIGKILL (PGlite) rounds. */
  shutdownRounds: pick(1, 3),
  /** Two instances started at once on a fresh database. */
  startRaces: pick(2, 8),
  /** Concurrent PATCH pairs, health upserts and idempotent replays across two instances. */
  instanceRounds: pick(40, 400),
};

/** The service's database timeout in these tests: requests must fail within it (plus a margin). */
export const DATABASE_TIMEOUT_MS = 2000;
