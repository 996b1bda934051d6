import { MikroORM } from '@mikro-orm/core';
import { IdempotencyRecord } from '../../../src/scores/entities/idempotency-record.entity';
import { createEvaluator, newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const FULL = {
  log_id: 'log-full',
  timestamp: '2026-03-04T05:06:07.000Z',
  environment: 'staging',
  prompt_id: 'prompt-1',
  prompt_version_number: 7,
  dataset_id: 'dataset-1',
  automation_id: 'automation-1',
  scorer: 'reviewer',
  numerical_value: 4,
  string_value: 'because',
  boolean_value: true,
  categorical_value: ['x'],
  json_value: '{"k": 1}',
};

describe('score writes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'writes');
    evaluator = await createEvaluator(t, tenant, {
      name: 'Quality',
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: 3 } },
    });
  });
  afterAll(() => t.close());

  const history = async (id: string) => (await t.http.get(`/api/scores/${id}/history/`).set(tenant.bearerKey)).body;

  describe('PUT resets, PATCH keeps', () => {
    it('PUT sets what it is sent and resets every other request field to null or its default', async () => {
      const created = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        ...FULL,
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
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, ...FULL, log_id: newLogId() });
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

  describe('idempotent create', () => {
    it('replays the first answer for the same key and body: same id, same 201, one score', async () => {
      const body = { evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 4, inputs: { b: 2, a: 1 } };
      const first = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-replay').send(body);
      expect(first.status).toBe(201);
      const reordered = { inputs: { a: 1, b: 2 }, numerical_value: 4, log_id: body.log_id, evaluator_id: evaluator.id };
      const again = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-replay').send(reordered);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const listed = await t.http.get(`/api/scores/?log_id=${body.log_id}`).set(tenant.bearerKey);
      expect(listed.body.count).toBe(1);
    });

    it('answers 409 for the same key with another body, and keys are per organization', async () => {
      const first = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(first.status).toBe(201);
      const conflict = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual({ detail: 'This Idempotency-Key was already used with a different request body.' });
      const otherTenant = await createTenant(t.app, 'idem-other');
      const elsewhere = await t.http
        .post('/api/scores/')
        .set(otherTenant.bearerKey)
        .set('Idempotency-Key', 'key-conflict')
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(elsewhere.status).toBe(201);
    });

    it('makes concurrent retries with one key create one score', async () => {
      const body = { evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 3 };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-concurrent').send(body),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201));
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      expect((await t.http.get(`/api/scores/?log_id=${body.log_id}`).set(tenant.bearerKey)).body.count).toBe(1);
    });

    it('forgets a key after 24 hours', async () => {
      const body = { evaluator_slug: 'idem', log_id: newLogId() };
      const first = await t.http.post('/api/scores/').set(tenant.bearerKey).set('Idempotency-Key', 'key-expiring').send(body);
      await withServices(t.app, () =>
        t.app
          .get(MikroORM)
          .em.nativeUpdate(
            IdempotencyRecord,
            { organizationId: tenant.organizationId, key: 'key-expiring' },
            { expiresAt: new Date(Date.now() - 1000) },
          ),
      );
      const later = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-expiring')
        .send({ ...body, log_id: newLogId() });
      expect(later.status).toBe(201);
      expect(later.body.id).not.toBe(first.body.id);
    });

    it('does not store failures, and refuses a malformed key', async () => {
      const bad = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-failure')
        .send({ evaluator_id: evaluator.id, log_id: newLogId() });
      expect(bad.status).toBe(400);
      const fixed = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'key-failure')
        .send({ evaluator_id: evaluator.id, log_id: newLogId(), numerical_value: 1 });
      expect(fixed.status).toBe(201);
      const malformed = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('Idempotency-Key', 'x'.repeat(256))
        .send({ evaluator_slug: 'idem', log_id: newLogId() });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({ 'Idempotency-Key': ['Expected 1 to 255 visible ASCII characters.'] });
    });
  });

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
