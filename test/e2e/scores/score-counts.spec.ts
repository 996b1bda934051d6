import { createEvaluator, newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/**
 * A list's `count` with no filter or one `evaluator_id` comes from the counts the database keeps per
 * evaluator (`score_counts`); every write must keep it equal to the rows, which an `in` filter counts.
 */
describe('kept score counts', () => {
  let t: TestApp;
  let tenant: Tenant;
  let first: { id: string; evaluator_slug: string };
  let second: { id: string; evaluator_slug: string };

  const keptCount = async (query = '') => (await t.http.get(`/api/scores/${query}`).set(tenant.bearerKey).expect(200)).body.count;
  const rowCount = async (evaluatorId: string) =>
    (
      await t.http
        .post('/api/scores/list/')
        .set(tenant.bearerKey)
        .send({ filters: { evaluator_id: { operator: 'in', value: [evaluatorId] } } })
        .expect(200)
    ).body.count;

  async function expectCounts(expected: { all: number; first: number; second: number }): Promise<void> {
    expect(await keptCount()).toBe(expected.all);
    expect(await keptCount(`?evaluator_id=${first.id}`)).toBe(expected.first);
    expect(await keptCount(`?evaluator_id=${second.id}`)).toBe(expected.second);
    expect(await rowCount(first.id)).toBe(expected.first);
    expect(await rowCount(second.id)).toBe(expected.second);
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'counts');
    first = await createEvaluator(t, tenant, { score_value_type: 'numerical' });
    second = await createEvaluator(t, tenant, { score_value_type: 'numerical' });
  });
  afterAll(() => t.close());

  it('follows creates, log-scoped upserts, replaces that change the evaluator, and deletes', async () => {
    await expectCounts({ all: 0, first: 0, second: 0 });
    const created = [];
    for (let index = 0; index < 3; index++) {
      created.push((await postScore(t, tenant, { evaluator_id: first.id, numerical_value: index }).expect(201)).body);
    }
    await postScore(t, tenant, { evaluator_slug: 'custom_slug', numerical_value: 1 }).expect(201);
    await expectCounts({ all: 4, first: 3, second: 0 });

    const log = newLogId();
    await t.http.post(`/api/logs/${log}/scores/`).set(tenant.bearerKey).send({ evaluator_id: second.id, numerical_value: 1 }).expect(201);
    await t.http.post(`/api/logs/${log}/scores/`).set(tenant.bearerKey).send({ evaluator_id: second.id, numerical_value: 2 }).expect(200);
    await expectCounts({ all: 5, first: 3, second: 1 });

    await t.http
      .put(`/api/scores/${created[0].id}/`)
      .set(tenant.bearerKey)
      .send({ log_id: created[0].log_id, evaluator_id: second.id, numerical_value: 3 })
      .expect(200);
    await expectCounts({ all: 5, first: 2, second: 2 });

    await t.http.delete(`/api/scores/${created[1].id}/`).set(tenant.bearerKey).expect(204);
    await expectCounts({ all: 4, first: 1, second: 2 });
  });

  it('pages past the end of a kept count answer "Invalid page."', async () => {
    const res = await t.http.get(`/api/scores/?evaluator_id=${first.id}&page=2&page_size=1`).set(tenant.bearerKey);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Invalid page.' });
  });
});
