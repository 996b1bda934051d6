import { postScore } from '../../support/scores';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { QUALITY } from '../../support/score-bodies';
import { type ScoreSuite, startScoreSuite } from './score-suite';

/** `GET /api/scores/{id}/history/`: a revision per write, oldest first. */
describe('score history', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: ScoreSuite['evaluator'];

  beforeAll(async () => {
    ({ t, tenant, evaluator } = await startScoreSuite('writes', QUALITY));
  });
  afterAll(() => t.close());

  describe('history', () => {
    it('records a revision per create, replace and update, oldest first, with the full value set, the actor and the time', async () => {
      const created = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        numerical_value: 2,
        timestamp: '2026-01-01T00:00:00+02:00',
      });
      const id = created.body.id;
      await t.http
        .put(`/api/scores/${id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, log_id: 'log-history', numerical_value: 3, dataset_id: 'd' });
      await t.http.patch(`/api/scores/${id}/`).set(tenant.bearerKey).send({ string_value: 'why' });
      const res = await t.http.get(`/api/scores/${id}`.concat('/history')).set(tenant.bearerKey);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ count: 3, next: null, previous: null });
      const [create, replace, update] = res.body.results;
      expect(create).toEqual({
        score_id: id,
        revision: 1,
        operation: 'create',
        actor: 'writes key',
        at: created.body.created_at,
        values: {
          evaluator_id: evaluator.id,
          evaluator_slug: evaluator.evaluator_slug,
          evaluator_name: 'Quality',
          type: 'llm',
          log_id: created.body.log_id,
          timestamp: '2025-12-31T22:00:00.000Z',
          environment: 'production',
          prompt_id: null,
          prompt_version_number: null,
          dataset_id: null,
          automation_id: null,
          scorer: null,
          numerical_value: 2,
          string_value: null,
          boolean_value: null,
          categorical_value: null,
          json_value: null,
          is_passed: false,
          cost: null,
          status: null,
          error_message: null,
          inputs: {},
        },
      });
      expect(replace).toMatchObject({
        revision: 2,
        operation: 'replace',
        values: { numerical_value: 3, is_passed: true, dataset_id: 'd', log_id: 'log-history', timestamp: null },
      });
      expect(update).toMatchObject({
        revision: 3,
        operation: 'update',
        values: { numerical_value: 3, string_value: 'why', dataset_id: 'd' },
      });
      expect(new Date(update.at).getTime()).toBeGreaterThanOrEqual(new Date(replace.at).getTime());
    });

    it('pages like every list', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
      const id = created.body.id;
      for (let value = 1; value <= 4; value++)
        await t.http.patch(`/api/scores/${id}/`).set(tenant.bearerKey).send({ numerical_value: value });
      const page = await t.http.get(`/api/scores/${id}/history/?page=2&page_size=2`).set(tenant.bearerKey);
      expect(page.body.count).toBe(5);
      expect(page.body.results.map((revision: { revision: number }) => revision.revision)).toEqual([3, 4]);
      expect(page.body.next).toMatch(/\/api\/scores\/[^/]+\/history\/\?page=3&page_size=2$/);
      expect(page.body.previous).toMatch(/\/history\/\?page_size=2$/);
      expect((await t.http.get(`/api/scores/${id}/history/?page=4&page_size=2`).set(tenant.bearerKey)).body).toEqual({
        detail: 'Invalid page.',
      });
      expect((await t.http.get(`/api/scores/${id}/history/?since=1`).set(tenant.bearerKey)).body).toEqual({
        since: ['Unknown query parameter.'],
      });
    });
  });
});
