import { newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type BatchEvaluators, createBatchEvaluators, mixedItem } from './score-batch-items';

type Result = { index: number; status: number; score?: Record<string, unknown>; errors?: Record<string, unknown> };

/** What a created score is whatever run wrote it: its id, time and log id are the run's own. */
const comparable = (score: Record<string, unknown>) => {
  const { id: _id, created_at: _created, log_id: _log, ...rest } = score;
  return rest;
};

/**
 * `POST /api/scores/batch/` (contract §9): 1,000 mixed items give item by item what 1,000 single
 * creates on the same database give, the created scores read back as answered, with one create
 * revision each, and the kept counts stay exact.
 */
describe('score batches', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluators: BatchEvaluators;
  let taken: { log_id: string; evaluator_slug: string };

  const batch = (items: unknown[], query = '') => t.http.post(`/api/scores/batch/${query}`).set(tenant.bearerKey).send({ scores: items });
  const single = (item: unknown) =>
    t.http.post('/api/scores/').set(tenant.bearerKey).set('Content-Type', 'application/json').send(JSON.stringify(item));
  const keptCount = async (query = '') => (await t.http.get(`/api/scores/${query}`).set(tenant.bearerKey).expect(200)).body.count;
  const rowCount = async (evaluatorIds: string[]) =>
    (
      await t.http
        .post('/api/scores/list/')
        .set(tenant.bearerKey)
        .send({ filters: { evaluator_id: { operator: 'in', value: evaluatorIds } } })
        .expect(200)
    ).body.count;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'batch');
    evaluators = await createBatchEvaluators(t, tenant);
    taken = { log_id: newLogId(), evaluator_slug: 'taken_slug' };
    await postScore(t, tenant, { ...taken, numerical_value: 1 }).expect(201);
  });
  afterAll(() => t.close());

  it('answers 1,000 mixed items exactly as 1,000 single creates, and every created score reads back as answered', async () => {
    const singles: Result[] = [];
    for (let index = 0; index < 1000; index++) {
      const res = await single(mixedItem(index, 'single', evaluators, taken));
      singles.push(res.status === 201 ? { index, status: 201, score: res.body } : { index, status: res.status, errors: res.body });
    }
    const before = await keptCount();

    const res = await batch(Array.from({ length: 1000 }, (_, index) => mixedItem(index, 'batch', evaluators, taken)));
    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((result) => result.index)).toEqual(singles.map((result) => result.index));
    expect(results.map(({ index, status, errors }) => ({ index, status, errors }))).toEqual(
      singles.map(({ index, status, errors }) => ({ index, status, errors })),
    );
    for (const [index, result] of results.entries()) {
      if (result.status !== 201) continue;
      expect(comparable(result.score!)).toEqual(comparable(singles[index].score!));
      expect(result.score!.log_id).toBe(String(singles[index].score!.log_id).replace('single', 'batch'));
    }
    const created = results.filter((result) => result.status === 201);
    expect(res.body.created).toBe(created.length);
    expect(res.body.failed).toBe(1000 - created.length);
    // Every kind of item is there: valid ones, failures of the schema, of the rules, of references, and taken keys.
    expect(created.length).toBeGreaterThan(250);
    expect(new Set(results.map((result) => result.status))).toEqual(new Set([201, 400]));
    expect(results.filter((result) => JSON.stringify(result.errors ?? {}).includes('unique set'))).toHaveLength(2 * 34);

    for (const result of created) {
      const read = await t.http.get(`/api/scores/${result.score!.id}/`).set(tenant.bearerKey).expect(200);
      expect(read.body).toEqual(result.score);
    }
    expect(await keptCount()).toBe(before + created.length);
  });

  it('records one create revision per created score, as a single create does', async () => {
    const items = [0, 1, 3, 4, 5, 6, 7].map((kind) => mixedItem(kind, `revision-${Date.now()}`, evaluators, taken));
    const res = await batch(items).expect(200);
    const one = await single(mixedItem(1, `revision-single-${Date.now()}`, evaluators, taken)).expect(201);
    const singleHistory = (await t.http.get(`/api/scores/${one.body.id}/history/`).set(tenant.bearerKey).expect(200)).body;
    for (const result of res.body.results as Result[]) {
      expect(result.status).toBe(201);
      const history = (await t.http.get(`/api/scores/${result.score!.id}/history/`).set(tenant.bearerKey).expect(200)).body;
      expect(history.count).toBe(1);
      expect(history.results[0]).toMatchObject({
        score_id: result.score!.id,
        revision: 1,
        operation: 'create',
        actor: singleHistory.results[0].actor,
      });
      expect(history.results[0].at).toBe(result.score!.created_at);
      expect(history.results[0].values).toMatchObject({ log_id: result.score!.log_id, is_passed: result.score!.is_passed });
    }
    const [second] = (res.body.results as Result[]).filter((result) => result.score!.log_id === (items[1] as { log_id: string }).log_id);
    const batchHistory = (await t.http.get(`/api/scores/${second.score!.id}/history/`).set(tenant.bearerKey)).body;
    expect({ ...batchHistory.results[0].values, log_id: null }).toEqual({ ...singleHistory.results[0].values, log_id: null });
  });

  it('keeps the counts exact: the kept count of the organization and of each evaluator equals the rows', async () => {
    const ids = Object.values(evaluators).map((evaluator) => evaluator.id);
    const res = await batch(Array.from({ length: 500 }, (_, index) => mixedItem(index, `counts-${Date.now()}`, evaluators, taken))).expect(
      200,
    );
    expect(res.body.created).toBeGreaterThan(0);
    for (const id of ids) expect(await keptCount(`?evaluator_id=${id}`)).toBe(await rowCount([id]));
    expect(await keptCount()).toBe(
      (await rowCount(ids)) +
        (
          await t.http
            .post('/api/scores/list/')
            .set(tenant.bearerKey)
            .send({ filters: { evaluator_id: { operator: 'empty' } } })
        ).body.count,
    );
  });
});
