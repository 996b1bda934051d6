import { loadModule } from 'libpg-query';
import { SCORE_FILTER_COUNT_TRIGGERS } from '../../../src/scores/entities/score-filter-count.triggers';
import { checkStatements } from '../../replication/support/shard-routing';
import { statementsOfFunction } from '../../replication/support/trigger-statements';

const ORG = '6d1f3c1e-0000-4000-8000-000000000001';
const OTHER = '6d1f3c1e-0000-4000-8000-000000000002';

const verdict = (sql: string, params: (string | null)[] = [ORG, ORG, ORG], options = {}) => checkStatements(sql, params, options)[0];
const kindOf = (sql: string, params?: (string | null)[], options = {}) => verdict(sql, params, options).kind;

describe('shard routing of a statement (Citus, distributed by organization_id)', () => {
  beforeAll(() => loadModule());

  it.each([
    'select * from scores where organization_id = $1 and id = $2',
    'select * from "scores" as "s0" where "s0"."organization_id" = $1::uuid order by "s0"."created_at" desc limit 10',
    'select count(*) from score_revisions where ("organization_id", "score_id") = ($1, $2)',
    'select * from scorers where organization_id in ($1) and id = $2',
    `select s.*, to_jsonb(e) as live from scores s
       left join scorers e on e.organization_id = s.organization_id and e.id = s.evaluator_id and e.deleted_at is null
       where s.organization_id = $1 and s.id = $2 for update of s`,
    `select * from score_counts c where c.organization_id = $1
       and c.slot = (select min(m.slot) from score_counts m where m.organization_id = c.organization_id)`,
    'select * from scorers where organization_id = $1 and id in (select scorer_id from scorer_versions where organization_id = $2)',
    'insert into scores (organization_id, id, value) values ($1, $2, $3) on conflict (organization_id, id) do update set value = excluded.value',
    `with written as (insert into scores (organization_id, id) values ($1, $2) returning *)
       insert into score_revisions (organization_id, score_id, revision) select organization_id, id, 1 from written`,
    'update scores set value = $2, updated_at = now() where organization_id = $1 and id = $3 returning *',
    'delete from scores where organization_id = $1 and id = $2 and revision = $3',
  ])('routes to one shard: %s', (sql) => {
    expect(verdict(sql)).toEqual({ kind: 'single-shard', tables: expect.any(Array), problems: [] });
  });

  it.each([
    ['select * from scores where id = $1', 'scores is not restricted to one organization_id'],
    ['select count(*) from scores', 'scores is not restricted'],
    ['select * from scores where organization_id = $1 or id = $2', 'scores is not restricted'],
    ['select * from scores s join scorers e on e.id = s.evaluator_id where s.organization_id = $1', 'scorers e is not restricted'],
    [
      'select * from scorers where organization_id = $1 and id in (select scorer_id from scorer_versions)',
      'scorer_versions is not restricted',
    ],
    ['select * from scores where organization_id in ($1, $2)', 'scores is not restricted'],
    ['insert into scores (id, value) values ($1, $2)', 'without naming organization_id'],
    ['update scores set organization_id = $1 where organization_id = $2', 'distribution column'],
    ['update score_counts set slot = floor(random() * 8) where organization_id = $1', 'calls random() (volatile) in the SET'],
    ['delete from scores where organization_id = $1 and created_at < clock_timestamp()', 'calls clock_timestamp() (volatile) in the WHERE'],
    ['update scores set value = $2 where organization_id = $1 returning now()', 'calls now() (stable) in the RETURNING'],
    ['update scores set doc = to_jsonb(value) where organization_id = $1', 'calls to_jsonb() (stable) in the SET'],
    ['insert into scores (organization_id, id) values (null, $1)', 'NULL organization_id'],
    ['with recursive r as (select 1) select * from scores, r where organization_id = $1', 'recursive CTE'],
    ['select type, count(*) from scores where organization_id = $1 group by rollup (type)', 'ROLLUP'],
    ['select * from scores, mikro_orm_migrations where organization_id = $1', 'coordinator-local'],
    ['select * from invoices where organization_id = $1', 'unknown table invoices'],
    ['lock table scores', 'every shard'],
  ])('refuses %s', (sql, problem) => {
    const result = verdict(sql, [ORG, OTHER]);
    expect(result.kind).toBe('violation');
    expect(result.problems.join('; ')).toContain(problem);
  });

  it('compares the values sent: two organizations in one statement reach two shards', () => {
    const sql = 'select * from scores s join scorers e on e.organization_id = $2 where s.organization_id = $1';
    expect(kindOf(sql, [ORG, ORG])).toBe('single-shard');
    expect(verdict(sql, [ORG, OTHER]).problems.join()).toContain('reaches several organizations');
    expect(kindOf('select * from scores where organization_id in ($1, $2)', [ORG, ORG])).toBe('single-shard');
  });

  it('compares constants written in the statement with the values of parameters', () => {
    const inlined = `select count(*) from score_revisions s0 where s0.organization_id = '${ORG}' and (s0.organization_id, s0.score_id) = ('${ORG}', $1)`;
    expect(kindOf(inlined, ['a-score'])).toBe('single-shard');
    expect(
      kindOf(
        `select * from scores where organization_id = '${ORG}' and id in (select score_id from score_revisions where organization_id = $1)`,
        [ORG],
      ),
    ).toBe('single-shard');
    expect(kindOf(`select * from scores s join scorers e on e.organization_id = '${OTHER}' where s.organization_id = $1`, [ORG])).toBe(
      'violation',
    );
  });

  it('tells reference, coordinator-local, table-less and utility statements apart', () => {
    expect(kindOf("select 1 from information_schema.tables where table_name = 'mikro_orm_migrations'")).toBe('local');
    expect(kindOf('select datcollate from pg_database where datname = current_database()')).toBe('local');
    expect(kindOf('select * from api_keys k join users u on u.organization_id = k.organization_id where k.prefix = $1')).toBe('reference');
    expect(kindOf('select * from mikro_orm_migrations order by id')).toBe('local');
    expect(kindOf('select pg_current_wal_lsn()::text as lsn')).toBe('no-table');
    expect(kindOf('begin')).toBe('utility');
    expect(kindOf('create table t (a int)')).toBe('schema');
  });

  it('in a trigger, binds the rows it fires on (new, old, transition tables)', () => {
    const sql = 'update score_counts set count = count - 1 where organization_id = old.organization_id and evaluator_key = $1';
    expect(kindOf(sql, [], { rowSources: ['new', 'old'] })).toBe('single-shard');
    expect(kindOf(sql, [])).toBe('violation');
    const add = `insert into score_counts (organization_id, evaluator_key, slot, count)
      select new_rows.organization_id, new_rows.evaluator_id, 0, count(*) from new_rows group by 1, 2
      on conflict (organization_id, evaluator_key, slot) do update set count = score_counts.count + excluded.count`;
    expect(kindOf(add, [], { rowSources: ['new_rows'] })).toBe('single-shard');
  });

  it.each(SCORE_FILTER_COUNT_TRIGGERS.map((trigger) => [trigger.name, trigger.expression ?? ''] as const))(
    'the trigger %s writes only the organization of its transition rows',
    (_name, expression) => {
      const definition = expression.slice(0, expression.indexOf('end $$;') + 'end $$;'.length);
      const { statements, dynamic } = statementsOfFunction(definition);
      expect(dynamic).toBe(0);
      expect(statements.length).toBeGreaterThan(0);
      for (const sql of statements)
        expect(verdict(sql, [], { rowSources: ['new_rows', 'old_rows'] })).toMatchObject({ kind: 'single-shard', problems: [] });
    },
  );
});
