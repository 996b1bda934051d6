import { loadModule } from 'libpg-query';
import type { Migration } from '@mikro-orm/migrations';
import type { AbstractSqlDriver } from '@mikro-orm/sql';
import { migrationsList } from '../../migrations';
import { Database } from '../../src/database/database';
import { ENTITIES } from '../../src/entities';
import { loadConfig } from '../../src/config/app-config';
import { PgCluster } from '../support/pg-cluster';
import { runJest } from './support/jest-run';
import { type Verdict, checkStatements } from './support/shard-routing';
import { type LoggedStatement, statementsOf } from './support/statement-log';
import { statementsOfFunction, triggersOf } from './support/trigger-statements';

/**
 * The e2e suite (test/{service,e2e}, but for the process tests, which never reach PostgreSQL) on a throwaway
 * primary whose streaming replica applies commits APPLY_DELAY_MS late, with DATABASE_REPLICA_URLS set for every
 * service instance it starts; both servers log every statement. Then each statement the service sent (application_name `scorekeeper`) must be one Citus can
 * route to a single shard (or touch only reference or coordinator-local tables), and so must the statements of
 * the schema's triggers, for the organization of the rows they fire on.
 */
const APPLY_DELAY_MS = 50;
type Volatility = Record<string, 'i' | 's' | 'v'>;
type MigrationClass = new (driver: AbstractSqlDriver, config: Database['orm']['config']) => Migration;

/** The SQL of every migration, as the migrator sends it. */
async function migrationStatements(database: Database): Promise<Set<string>> {
  const statements = new Set<string>();
  for (const { class: migration } of migrationsList) {
    const instance = new (migration as MigrationClass)(database.orm.em.getDriver() as AbstractSqlDriver, database.orm.config);
    await instance.up();
    for (const query of instance.getQueries()) if (typeof query === 'string') statements.add(query.trim());
  }
  return statements;
}

/** The e2e specs run against the primary and its lagging replica. */
const E2E_FLOWS = '/test/e2e/(scores|scorers|sdk)/|/test/e2e/tenancy';
/** The e2e flows take 5-15 minutes on a 2-core machine, more when it is busy. */
const SUITE_TIMEOUT_MS = 45 * 60_000;

describe('the e2e suite on a primary with a lagging replica, and the SQL it sends', () => {
  let cluster: PgCluster;
  let run: { code: number | null; output: string };
  let statements: LoggedStatement[];
  let volatility: Volatility;
  let migrations: Set<string>;
  const report: string[] = [];

  beforeAll(async () => {
    await loadModule();
    cluster = await PgCluster.start({ replicas: 1, applyDelayMs: APPLY_DELAY_MS, logStatements: true });
    // The flows of both dialects (scores, scorers, the SDKs' routes, tenancy); the e2e step runs the rest.
    run = await runJest(['-c', 'test/jest.e2e.config.js', '--ci', '--testTimeout=180000', '--testPathPatterns', E2E_FLOWS], {
      TEST_DB: 'postgres',
      TEST_DATABASE_URL: cluster.primary.url(),
      TEST_DATABASE_REPLICA_URL: cluster.replicas[0].url(),
    });
    statements = statementsOf([cluster.primary, ...cluster.replicas]);
    const functions = await cluster.primary.query<{ name: string; volatility: 'i' | 's' | 'v' }>(
      // The most volatile overload of each name, but those taking `time with time zone`: no column has that
      // type, so they are never the ones called (timezone(text, timestamptz) is immutable, its timetz twin stable).
      `select proname as name, max(provolatile::text) as volatility from pg_proc
        where not (proargtypes::oid[] && array['timetz'::regtype::oid]) group by proname`,
    );
    volatility = Object.fromEntries(functions.map(({ name, volatility: v }) => [name, v]));
    await cluster.primary.query('create database schema');
    const database = await Database.open(loadConfig({ DATABASE_URL: cluster.primary.url('schema'), LOG_LEVEL: 'silent' }), ENTITIES);
    try {
      migrations = await migrationStatements(database);
    } finally {
      await database.close();
    }
  }, SUITE_TIMEOUT_MS);

  afterAll(async () => {
    process.stdout.write(`\n${report.join('\n')}\n`);
    await cluster?.destroy();
  });

  it('passes on PostgreSQL with DATABASE_REPLICA_URLS set and the replica behind', () => {
    if (run.code !== 0) throw new Error(`the e2e suite failed (exit ${run.code}):\n${run.output.slice(-12_000)}`);
    const summary = /Tests:\s+(\d+) passed, (\d+) total/.exec(run.output);
    expect(summary).not.toBeNull();
    report.push(`e2e suite with a replica ${APPLY_DELAY_MS} ms behind: ${summary?.[0]}`);
  });

  it('sends only statements that Citus routes to one shard, or that touch only reference or local tables', () => {
    const verdicts: (Verdict & LoggedStatement)[] = statements
      .filter((statement) => !migrations.has(statement.sql.trim()))
      .flatMap((statement) =>
        checkStatements(statement.sql, statement.params, { volatility }).map((verdict) => ({ ...verdict, ...statement })),
      );
    const kinds: Record<string, number> = {};
    for (const { kind } of verdicts) kinds[kind] = (kinds[kind] ?? 0) + 1;
    const reads = verdicts.filter((verdict) => /^\s*select/i.test(verdict.sql) && verdict.tables.length > 0);
    const onReplica = reads.filter((verdict) => verdict.server !== 'primary').length;
    report.push(`statements the service sent (migrations apart): ${verdicts.length} ${JSON.stringify(kinds)}`);
    report.push(
      `SELECTs reading a table served by the replica: ${onReplica} of ${reads.length} (${((onReplica / reads.length) * 100).toFixed(1)}%)`,
    );
    const violations = new Map<string, string[]>();
    for (const verdict of verdicts.filter(({ kind }) => kind === 'violation')) violations.set(verdict.sql, verdict.problems);
    expect([...violations].map(([sql, problems]) => ({ sql, problems }))).toEqual([]);
    expect(kinds['single-shard']).toBeGreaterThan(1000);
    expect(onReplica).toBeGreaterThan(0);
  });

  it('runs, in migrations, three statements that are not single-shard: the backfills of the kept aggregates, once per database', () => {
    const multiShard = [...migrations].filter((sql) => checkStatements(sql, [], { volatility }).some(({ kind }) => kind === 'violation'));
    expect(multiShard.map((sql) => /^insert into (\w+)/.exec(sql)?.[1] ?? sql).sort()).toEqual([
      'score_counts',
      'score_filter_counts',
      'score_summary_buckets',
    ]);
    for (const backfill of multiShard) expect(statements.some((statement) => statement.sql.trim() === backfill)).toBe(true);
  });

  it('keeps counts with triggers whose statements touch only the organization of the rows they fire on', async () => {
    const triggers = await triggersOf(cluster.primary, 'schema');
    expect(triggers.map(({ trigger }) => trigger)).toEqual(
      expect.arrayContaining(['score_counts_add', 'score_counts_move', 'score_counts_remove']),
    );
    for (const { trigger, definition, rowSources } of triggers) {
      const { statements: body, dynamic } = statementsOfFunction(definition);
      expect({ trigger, dynamic }).toEqual({ trigger, dynamic: 0 });
      const verdicts = body.flatMap((sql) =>
        checkStatements(sql, [], { rowSources, volatility }).map((verdict) => ({ trigger, sql, ...verdict })),
      );
      expect(verdicts.filter(({ kind }) => kind !== 'single-shard')).toEqual([]);
      report.push(`trigger ${trigger}: ${verdicts.length} statements, each on the rows' own organization`);
    }
  });
});
