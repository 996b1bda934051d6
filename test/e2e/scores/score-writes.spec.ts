import { newLogId, postScore } from '../../support/scores';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { EVERY_REPLACE_FIELD, QUALITY } from '../../support/score-bodies';
import { type ScoreSuite, startScoreSuite } from './score-suite';

/** PUT and PATCH over HTTP: what each answers, ETags and If-Match (the write rules are tabled in test/service/scores). */
describe('score writes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: ScoreSuite['evaluator'];

  beforeAll(async () => {
    ({ t, tenant, evaluator } = await startScoreSuite('writes', QUALITY));
  });
  afterAll(() => t.close());

  const history = async (id: string) => (await t.http.get(`/api/scores/${id}/history/`).set(tenant.bearerKey)).body;

  describe('PUT resets, PATCH keeps', () => {
    it('PUT sets what it is sent and resets every other request field to null or its default', async () => {
      const created = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        ...EVERY_REPLACE_FIELD,
        log_id: newLogId(),
        cost: 0.5,
        status: 'done',
        inputs: { a: 1 },
      });
      expect(created.status).toBe(201);
      const put = await t.http
        .put(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, log_id: 'log-replaced', numerical_value: 2 });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({
        ...created.body,
        environment: 'production',
        log_id: 'log-replaced',
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
      });
      const [, replaced] = (await history(created.body.id)).results;
      expect(replaced.values).toMatchObject({ timestamp: null, environment: 'production', numerical_value: 2 });
    });

    it('PUT keeps id, created_at and what only the producer records at creation (cost, status, error_message, inputs)', async () => {
      const created = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        numerical_value: 3,
        cost: 1.5,
        status: 'ok',
        error_message: 'none',
        inputs: { q: 'x' },
      });
      const put = await t.http
        .put(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_slug: 'renamed', log_id: newLogId(), string_value: 'now custom' });
      expect(put.body).toMatchObject({
        id: created.body.id,
        created_at: created.body.created_at,
        cost: 1.5,
        status: 'ok',
        error_message: 'none',
        inputs: { q: 'x' },
      });
      expect(put.body).toMatchObject({
        evaluator_id: null,
        evaluator_slug: 'renamed',
        evaluator_name: null,
        type: 'human',
        evaluator: null,
      });
    });

    it('PUT on the general route requires log_id, as create does', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3 });
      const put = await t.http
        .put(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, numerical_value: 3 });
      expect(put.status).toBe(400);
      expect(put.body).toEqual({ log_id: ['This field is required.'] });
    });

    it('PUT colliding with another score of the same (log, evaluator, scorer) is a 400 and changes nothing', async () => {
      const logId = newLogId();
      await postScore(t, tenant, { evaluator_id: evaluator.id, log_id: logId, numerical_value: 3 });
      const second = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3 });
      const put = await t.http
        .put(`/api/scores/${second.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, log_id: logId, numerical_value: 4 });
      expect(put.status).toBe(400);
      expect(put.body).toEqual({ non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] });
      expect((await t.http.get(`/api/scores/${second.body.id}/`).set(tenant.bearerKey)).body).toEqual(second.body);
      expect((await history(second.body.id)).count).toBe(1);
    });

    it('PATCH changes only the value fields it is sent', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, ...EVERY_REPLACE_FIELD, log_id: newLogId() });
      const patch = await t.http
        .patch(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ string_value: 'revised', boolean_value: null });
      expect(patch.status).toBe(200);
      expect(patch.body).toEqual({ ...created.body, string_value: 'revised', boolean_value: null });
      const unknown = await t.http
        .patch(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ environment: 'ignored', log_id: 'ignored' });
      expect(unknown.body).toEqual(patch.body);
    });
  });

  describe('optimistic concurrency', () => {
    it('answers 412 to a stale If-Match and changes nothing; a current one (or *) is accepted', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3 });
      const id = created.body.id;
      const first = await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey);
      expect(first.headers.etag).toBe('"1"');
      const patched = await t.http
        .patch(`/api/scores/${id}/`)
        .set(tenant.bearerKey)
        .set('If-Match', first.headers.etag)
        .send({ numerical_value: 4 });
      expect(patched.status).toBe(200);
      expect(patched.headers.etag).toBe('"2"');

      for (const request of [
        t.http.patch(`/api/scores/${id}/`).send({ numerical_value: 1 }),
        t.http.put(`/api/scores/${id}/`).send({ evaluator_id: evaluator.id, log_id: created.body.log_id, numerical_value: 1 }),
        t.http.delete(`/api/scores/${id}/`),
      ]) {
        const stale = await request.set(tenant.bearerKey).set('If-Match', first.headers.etag);
        expect(stale.status).toBe(412);
        expect(stale.body).toEqual({ detail: expect.stringContaining('Precondition failed') });
      }
      const now = await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey);
      expect(now.body).toEqual(patched.body);
      expect(now.headers.etag).toBe('"2"');
      expect((await history(id)).count).toBe(2);

      const weakList = await t.http
        .put(`/api/scores/${id}/`)
        .set(tenant.bearerKey)
        .set('If-Match', 'W/"9", W/"2"')
        .send({ evaluator_id: evaluator.id, log_id: created.body.log_id, numerical_value: 5 });
      expect(weakList.status).toBe(200);
      expect(weakList.headers.etag).toBe('"3"');
      const star = await t.http.patch(`/api/scores/${id}/`).set(tenant.bearerKey).set('If-Match', '*').send({});
      expect(star.headers.etag).toBe('"4"');
      const deleted = await t.http.delete(`/api/scores/${id}/`).set(tenant.bearerKey).set('If-Match', '"4"');
      expect(deleted.status).toBe(204);
    });
  });
});
