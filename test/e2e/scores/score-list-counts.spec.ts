import { createEvaluator, newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { FILTER_COUNTS_FROM_ROWS } from '../../../src/scores/entities/score-filter-count.triggers';
import { sql } from './score-summary-fixture';

/**
 * A list's `count` under one equality filter (or its `not`) comes from the counts kept per filter value
 * (`score_filter_counts`); every kind of write must keep it equal to the rows counted directly.
 */
describe('kept list counts per filter value', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'list-counts');
    evaluator = await createEvaluator(t, tenant, {
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
    });
  });
  afterAll(() => t.close());

  const listCount = async (query: string) => (await t.http.get(`/api/scores/${query}`).set(tenant.bearerKey).expect(200)).body.count;
  const bodyCount = async (filters: Record<string, unknown>) =>
    (await t.http.post('/api/scores/list/').set(tenant.bearerKey).send({ filters }).expect(200)).body.count;
  const rowCount = async (where: string, params: unknown[] = []) =>
    Number(
      (
        await sql<{ n: string }>(t, `select count(*) as n from scores where organization_id = ? and ${where}`, [
          tenant.organizationId,
          ...params,
        ])
      )[0].n,
    );

  /** Every kept filter on every value the rows hold (and one they do not), against the rows. */
  async function expectKeptEqualsRows(): Promise<void> {
    const kept = await sql(
      t,
      `select field, value, sum(count)::int as count from score_filter_counts where organization_id = ? group by 1, 2 having sum(count) <> 0 order by 1, 2`,
      [tenant.organizationId],
    );
    const recomputed = await sql(
      t,
      `select field, value, count::int from (${FILTER_COUNTS_FROM_ROWS()}) d where organization_id = ? order by 1, 2`,
      [tenant.organizationId],
    );
    expect(kept).toEqual(recomputed);
    const columns = {
      evaluator_slug: 'evaluator_slug',
      environment: 'environment',
      dataset_id: 'dataset_id',
      scorer: 'scorer',
      type: 'type',
    };
    for (const [field, column] of Object.entries(columns)) {
      const held = await sql<{ v: string }>(
        t,
        `select distinct ${column} as v from scores where organization_id = ? and ${column} is not null`,
        [tenant.organizationId],
      );
      const values = [...held.map((row) => row.v), 'never-written'];
      for (const value of values) {
        expect({ field, value, count: await listCount(`?${field}=${encodeURIComponent(value)}`) }).toEqual({
          field,
          value,
          count: await rowCount(`${column} = ?`, [value]),
        });
      }
      const two = values.slice(0, 2);
      expect(await bodyCount({ [field]: { operator: 'in', value: [...two, two[0]] } })).toBe(
        await rowCount(`${column} = any(?::text[])`, [`{${two.join(',')}}`]),
      );
      expect(await bodyCount({ [field]: { operator: 'not', value: two[0] } })).toBe(
        await rowCount(`${column} is distinct from ?`, [two[0]]),
      );
    }
    for (const passed of [true, false]) {
      expect(await listCount(`?is_passed=${passed}`)).toBe(await rowCount('is_passed = ?', [passed]));
      expect(await bodyCount({ is_passed: { operator: 'not', value: passed } })).toBe(await rowCount('is_passed <> ?', [passed]));
    }
    expect(await bodyCount({ evaluator_id: { operator: 'not', value: evaluator.id } })).toBe(
      await rowCount('evaluator_id is distinct from ?', [evaluator.id]),
    );
  }

  const create = (body: Record<string, unknown>) => postScore(t, tenant, { evaluator_id: evaluator.id, ...body }).expect(201);

  it('equal the rows after creates, upserts, replaces, updates, deletes, batches and multi-row SQL writes', async () => {
    await expectKeptEqualsRows();
    const a = (await create({ numerical_value: 7, environment: 'staging', dataset_id: 'ds-1', scorer: 'alice' })).body;
    const b = (await create({ numerical_value: 2, dataset_id: 'ds-2' })).body;
    await create({ numerical_value: 9, environment: 'staging', scorer: 'bob' });
    await postScore(t, tenant, { evaluator_slug: 'custom_slug', numerical_value: 1, environment: 'dev' }).expect(201);
    await expectKeptEqualsRows();

    const log = newLogId();
    await t.http
      .post(`/api/logs/${log}/scores/`)
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, numerical_value: 1 })
      .expect(201);
    await t.http
      .post(`/api/logs/${log}/scores/`)
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, numerical_value: 8 })
      .expect(200);
    await t.http
      .put(`/api/scores/${a.id}/`)
      .set(tenant.bearerKey)
      .send({ log_id: a.log_id, evaluator_slug: 'other_slug', numerical_value: 3 })
      .expect(200);
    await t.http.patch(`/api/scores/${b.id}/`).set(tenant.bearerKey).send({ numerical_value: 6 }).expect(200);
    await expectKeptEqualsRows();

    await t.http.delete(`/api/scores/${b.id}/`).set(tenant.bearerKey).expect(204);
    const items = Array.from({ length: 40 }, (_, index) => ({
      evaluator_id: evaluator.id,
      log_id: newLogId(),
      numerical_value: index % 10,
      environment: ['production', 'staging', 'dev'][index % 3],
      dataset_id: index % 4 === 0 ? undefined : `ds-${index % 5}`,
      scorer: `scorer-${index % 6}`,
    }));
    const batch = await t.http.post('/api/scores/batch/').set(tenant.bearerKey).send({ scores: items }).expect(200);
    expect(batch.body.created).toBe(40);
    await expectKeptEqualsRows();

    // Statements moving and removing many rows at once (as a migration or an operator might).
    await sql(
      t,
      `update scores set environment = 'moved', is_passed = not is_passed where organization_id = ? and scorer like 'scorer-%' and numerical_value < 5`,
      [tenant.organizationId],
    );
    await sql(t, `delete from scores where organization_id = ? and dataset_id = 'ds-1'`, [tenant.organizationId]);
    await expectKeptEqualsRows();
  });
});
