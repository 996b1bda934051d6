import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { BUCKETS_FROM_ROWS } from '../../../src/scores/entities/score-summary.triggers';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { sql } from './score-summary-fixture';

const SEED = Number(process.env.SCORES_PROPERTY_SEED ?? 20261201);
const RUNS = Number(process.env.SCORES_PROPERTY_RUNS ?? 25);

const EVALUATORS = [
  { id: randomUUID(), slug: 'kept_a' },
  { id: randomUUID(), slug: 'kept_b' },
  { id: null, slug: 'custom_a' },
  { id: null, slug: 'custom_b' },
];

const row = fc.record({
  evaluator: fc.constantFrom(...EVALUATORS),
  environment: fc.constantFrom('production', 'staging'),
  dataset_id: fc.constantFrom(null, 'ds_1', 'ds_2'),
  prompt_id: fc.constantFrom(null, 'p'),
  prompt_version_number: fc.constantFrom(null, 1, 2),
  scorer: fc.constantFrom(null, 'alice'),
  day: fc.integer({ min: 0, max: 2 }),
  numerical_value: fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { nil: null }),
  boolean_value: fc.option(fc.boolean(), { nil: null }),
  categorical_value: fc.option(fc.subarray(['x', 'y', 'z']), { nil: null }),
  is_passed: fc.boolean(),
});
type Written = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** One statement of a write sequence: a multi-row insert, a multi-row update of some rows, or a delete of some rows. */
const operation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(row, { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.integer({ min: 0, max: 3 }), to: row }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.integer({ min: 0, max: 3 }) }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const COLUMNS = [
  'organization_id, id, evaluator_id, evaluator_slug, type, environment, dataset_id, prompt_id, prompt_version_number, scorer',
  'numerical_value, boolean_value, categorical_value, is_passed, inputs, revision, created_at, updated_at, log_id',
].join(', ');

const valuesOf = (organizationId: string, written: Written): unknown[] => [
  organizationId,
  randomUUID(),
  written.evaluator.id,
  written.evaluator.slug,
  'llm',
  written.environment,
  written.dataset_id,
  written.prompt_id,
  written.prompt_version_number,
  written.scorer,
  written.numerical_value,
  written.boolean_value,
  written.categorical_value === null ? null : JSON.stringify(written.categorical_value),
  written.is_passed,
  '{}',
  1,
  new Date(Date.UTC(2026, 10, 28 + written.day, 23, 59, 59)),
  new Date(),
  randomUUID(),
];

/** The running buckets stay equal to a recomputation from the rows after any sequence of multi-row writes. */
describe('score summary buckets, property-based', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'buckets');
    process.stdout.write(`summary bucket test: fast-check seed ${SEED}, ${RUNS} runs (set SCORES_PROPERTY_SEED to replay)\n`);
  });
  afterAll(() => t.close());

  async function apply(organizationId: string, op: Operation): Promise<void> {
    // Rows chosen by a hash of their id: a different subset for each `pick`.
    const picked = `organization_id = ? and abs(hashtext(id::text)) % 4 = ?`;
    if (op.kind === 'insert') {
      const placeholders = op.rows
        .map(
          () =>
            `(${COLUMNS.split(', ')
              .map(() => '?')
              .join(', ')})`,
        )
        .join(', ');
      await sql(
        t,
        `insert into scores (${COLUMNS}) values ${placeholders}`,
        op.rows.flatMap((written) => valuesOf(organizationId, written)),
      );
    } else if (op.kind === 'update') {
      const [
        ,
        ,
        evaluatorId,
        slug,
        ,
        environment,
        datasetId,
        promptId,
        version,
        scorer,
        numerical,
        boolean,
        categorical,
        passed,
        ,
        ,
        createdAt,
      ] = valuesOf(organizationId, op.to);
      await sql(
        t,
        `update scores set evaluator_id = ?, evaluator_slug = ?, environment = ?, dataset_id = ?, prompt_id = ?, prompt_version_number = ?,
           scorer = ?, numerical_value = ?, boolean_value = ?, categorical_value = ?, is_passed = ?, created_at = ? where ${picked}`,
        [
          evaluatorId,
          slug,
          environment,
          datasetId,
          promptId,
          version,
          scorer,
          numerical,
          boolean,
          categorical,
          passed,
          createdAt,
          organizationId,
          op.pick,
        ],
      );
    } else {
      await sql(t, `delete from scores where ${picked}`, [organizationId, op.pick]);
    }
  }

  const ORDER = 'order by evaluator_key, evaluator_slug, dimension, value nulls first, day, slot';
  const kept = () =>
    sql(
      t,
      `select evaluator_key, evaluator_slug, dimension, value, day::text, slot, count::int, passed::int, numeric_count::int, trim_scale(numeric_sum)::text as numeric_sum,
         trim_scale(numeric_sum_squares)::text as numeric_sum_squares, numeric_min, numeric_max, true_count::int, false_count::int, choices
       from score_summary_buckets where organization_id = ? ${ORDER}`,
      [tenant.organizationId],
    );
  const recomputed = () =>
    sql(
      t,
      `select evaluator_key, evaluator_slug, dimension, value, day::text, slot, count::int, passed::int, numeric_count::int, trim_scale(numeric_sum)::text as numeric_sum,
         trim_scale(numeric_sum_squares)::text as numeric_sum_squares, numeric_min, numeric_max, true_count::int, false_count::int, choices
       from (${BUCKETS_FROM_ROWS('(select * from scores where organization_id = ?)')}) fresh ${ORDER}`,
      // The rows' relation appears twice in the recomputation.
      [tenant.organizationId, tenant.organizationId],
    );

  it('equal a recomputation from the rows after random inserts, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 6 }), async (operations) => {
        for (const op of operations) await apply(tenant.organizationId, op);
        expect(await kept()).toEqual(await recomputed());
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const [{ count }] = await sql<{ count: string }>(t, 'select count(*) from scores where organization_id = ?', [tenant.organizationId]);
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('are removed with the last score of a bucket', async () => {
    await sql(t, 'delete from scores where organization_id = ?', [tenant.organizationId]);
    expect(await kept()).toEqual([]);
  });
});
