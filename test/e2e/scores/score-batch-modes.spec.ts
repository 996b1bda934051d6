import { newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type BatchEvaluators, createBatchEvaluators } from './score-batch-items';

type Result = { index: number; status: number; score?: { id: string }; errors?: Record<string, unknown> };

/** `POST /api/scores/batch/` beyond its items: `?atomic=true`, `Idempotency-Key`, the size limits, malformed bodies. */
describe('score batch modes and limits', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluators: BatchEvaluators;

  const post = (body: unknown, query = '') =>
    t.http
      .post(`/api/scores/batch/${query}`)
      .set(tenant.bearerKey)
      .send(body as object);
  const valid = (value = 4) => ({ evaluator_id: evaluators.numerical.id, log_id: newLogId(), numerical_value: value });
  const count = async () => (await t.http.get('/api/scores/').set(tenant.bearerKey).expect(200)).body.count;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'batch-modes');
    evaluators = await createBatchEvaluators(t, tenant);
  });
  afterAll(() => t.close());

  describe('atomic', () => {
    it('writes nothing when one item is invalid: 400 with the invalid item as a single create answers it and the valid ones not written (424)', async () => {
      const before = await count();
      const items = [valid(), valid(), valid(11), valid()];
      const atomic = await post({ scores: items }, '?atomic=true').expect(400);
      const tooHigh = { numerical_value: ["Expected a value of at most 10 (the evaluator's max_score)."] };
      const notWritten = { detail: 'Not written: the batch is atomic and another of its items failed.' };
      expect(atomic.body).toEqual({
        created: 0,
        failed: 4,
        results: [
          { index: 0, status: 424, errors: notWritten },
          { index: 1, status: 424, errors: notWritten },
          { index: 2, status: 400, errors: tooHigh },
          { index: 3, status: 424, errors: notWritten },
        ],
      });
      expect(await count()).toBe(before);
      for (const item of items) {
        expect((await t.http.get(`/api/scores/?log_id=${item.log_id}`).set(tenant.bearerKey)).body.count).toBe(0);
      }
      const lenient = await post({ scores: items }).expect(200);
      expect(lenient.body.results[2]).toEqual({ index: 2, status: 400, errors: tooHigh });
      expect(lenient.body.created).toBe(3);
    });

    it('rolls back when an item collides with a row written since (the taken key found by the insert)', async () => {
      const existing = valid();
      await postScore(t, tenant, existing).expect(201);
      const before = await count();
      const res = await post({ scores: [valid(), { ...existing, numerical_value: 5 }] }, '?atomic=true').expect(400);
      expect(res.body.results).toEqual([
        { index: 0, status: 424, errors: { detail: 'Not written: the batch is atomic and another of its items failed.' } },
        { index: 1, status: 400, errors: { non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] } },
      ]);
      expect(await count()).toBe(before);
    });

    it('writes every item when all are valid: 200, all 201', async () => {
      const before = await count();
      const res = await post({ scores: [valid(), valid(7), valid(1)] }, '?atomic=true').expect(200);
      expect(res.body.created).toBe(3);
      expect(res.body.results.map((result: Result) => result.status)).toEqual([201, 201, 201]);
      expect(res.body.results.map((result: Result) => (result.score as unknown as { is_passed: boolean }).is_passed)).toEqual([
        false,
        true,
        false,
      ]);
      expect(await count()).toBe(before + 3);
    });

    it.each(['?atomic=maybe', '?atomic=true&extra=1'])('refuses %s: 400 naming the parameter', async (query) => {
      const res = await post({ scores: [valid()] }, query);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body)).toEqual([query.includes('extra') ? 'extra' : 'atomic']);
    });
  });

  it("never links another organization's evaluator: by id the item fails, by slug it is a custom evaluator", async () => {
    const other = await createTenant(t.app, 'batch-other');
    const logId = newLogId();
    const res = await t.http
      .post('/api/scores/batch/')
      .set(other.bearerKey)
      .send({
        scores: [
          { evaluator_id: evaluators.numerical.id, log_id: logId, numerical_value: 4 },
          { evaluator_slug: evaluators.numerical.evaluator_slug, log_id: logId, numerical_value: 4 },
        ],
      })
      .expect(200);
    expect(res.body.results[0]).toEqual({
      index: 0,
      status: 400,
      errors: { evaluator_id: [`Invalid evaluator_id "${evaluators.numerical.id}" - no evaluator with this id in your organization.`] },
    });
    expect(res.body.results[1].score).toMatchObject({ evaluator_id: null, evaluator: null, type: 'human', is_passed: false });
    expect((await t.http.get(`/api/scores/?log_id=${logId}`).set(tenant.bearerKey)).body.count).toBe(0);
  });

  describe('Idempotency-Key', () => {
    it('replays the whole answer for the same key and body (same ids), writes nothing more, and answers 409 for another body', async () => {
      const body = { scores: [valid(), valid(11), valid(6)] };
      const first = await post(body).set('Idempotency-Key', 'batch-replay').expect(200);
      const before = await count();
      const again = await post(body).set('Idempotency-Key', 'batch-replay').expect(200);
      expect(again.body).toEqual(first.body);
      expect(await count()).toBe(before);
      const conflict = await post({ scores: [valid()] }).set('Idempotency-Key', 'batch-replay');
      expect(conflict.status).toBe(409);
      expect(await count()).toBe(before);
    });

    it('replays an atomic rejection as it was answered', async () => {
      const body = { scores: [valid(), valid(11)] };
      const first = await post(body, '?atomic=true').set('Idempotency-Key', 'batch-atomic').expect(400);
      const again = await post(body, '?atomic=true').set('Idempotency-Key', 'batch-atomic').expect(400);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('limits and malformed bodies', () => {
    it('takes 1,000 items and refuses 1,001 or none: 400 naming scores, nothing written', async () => {
      const before = await count();
      const tooMany = await post({ scores: Array.from({ length: 1001 }, () => valid()) }).expect(400);
      expect(tooMany.body).toEqual({ scores: ['Ensure this field has no more than 1000 elements.'] });
      const none = await post({ scores: [] }).expect(400);
      expect(none.body).toEqual({ scores: ['This list may not be empty.'] });
      expect(await count()).toBe(before);
      const full = await post({ scores: Array.from({ length: 1000 }, () => valid()) }).expect(200);
      expect(full.body.created).toBe(1000);
      expect(await count()).toBe(before + 1000);
    });

    it.each<[string, unknown, Record<string, unknown>]>([
      ['a list', [{ log_id: 'x' }], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }],
      ['a string', 'scores', { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] }],
      ['no scores', { items: [] }, { scores: ['This field is required.'] }],
      ['scores not a list', { scores: { 0: { log_id: 'x' } } }, { scores: ['Expected a list of items but got type "dict".'] }],
      ['scores null', { scores: null }, { scores: ['This field may not be null.'] }],
    ])('refuses a body that is %s: a plain 400 in DRF style', async (_name, body, errors) => {
      const res = await t.http
        .post('/api/scores/batch/')
        .set(tenant.bearerKey)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: errors });
    });

    it('refuses malformed JSON and other media types as every Respan route does', async () => {
      const malformed = await t.http
        .post('/api/scores/batch/')
        .set(tenant.bearerKey)
        .set('Content-Type', 'application/json')
        .send('{"scores": [');
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/^JSON parse error - /);
      const text = await t.http.post('/api/scores/batch/').set(tenant.bearerKey).set('Content-Type', 'text/plain').send('scores');
      expect(text.status).toBe(415);
    });

    it('answers 401 without credentials and is reached without the trailing slash', async () => {
      await t.http
        .post('/api/scores/batch/')
        .send({ scores: [valid()] })
        .expect(401);
      await t.http
        .post('/api/scores/batch')
        .set(tenant.bearerKey)
        .send({ scores: [valid()] })
        .expect(200);
    });
  });
});
