import { randomUUID } from 'node:crypto';
import { createEvaluator, newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** `/api/logs/{log_id}/scores/`: log from the path, scorer from the caller, upsert per (log, evaluator, scorer). */
describe('log-scoped score routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluator: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'logs');
    evaluator = await createEvaluator(t, tenant, {
      score_value_type: 'percentage',
      passing_conditions: { primary_score: { operator: 'gte', value: 50 } },
    });
  });
  afterAll(() => t.close());

  const base = (logId: string) => `/api/logs/${encodeURIComponent(logId)}/scores/`;

  it('creates (201) then updates (200) the score of (log, evaluator, caller), replace-style with a revision', async () => {
    const logId = newLogId();
    const created = await t.http
      .post(base(logId))
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, numerical_value: 70, log_id: 'ignored', scorer: 'ignored', dataset_id: 'd1', inputs: { a: 1 } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      log_id: logId,
      scorer: 'logs key',
      numerical_value: 70,
      is_passed: true,
      dataset_id: 'd1',
      inputs: { a: 1 },
    });

    const updated = await t.http
      .post(base(logId).slice(0, -1))
      .set(tenant.bearerKey)
      .send({ evaluator_slug: evaluator.evaluator_slug, numerical_value: 20 });
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toEqual({ ...created.body, numerical_value: 20, is_passed: false, dataset_id: null, inputs: {} });

    const history = await t.http.get(`/api/scores/${created.body.id}/history/`).set(tenant.bearerKey);
    expect(history.body.results.map((revision: { operation: string }) => revision.operation)).toEqual(['create', 'replace']);
  });

  it('keeps one score per caller: another user of the organization gets their own', async () => {
    const logId = newLogId();
    const mine = await t.http.post(base(logId)).set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: 10 });
    const login = await t.http.post('/login').type('form').send({ username: tenant.email, password: tenant.password });
    const asUser = await t.http
      .post(base(logId))
      .set('Authorization', `Bearer ${login.body.access_token}`)
      .send({ evaluator_id: evaluator.id, numerical_value: 90 });
    expect([mine.status, asUser.status]).toEqual([201, 201]);
    expect(asUser.body.scorer).toBe(tenant.email);
    expect(asUser.body.id).not.toBe(mine.body.id);
  });

  it('upserts safely when the same caller sends concurrently', async () => {
    const logId = newLogId();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        t.http.post(base(logId)).set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: index }),
      ),
    );
    expect(answers.every((res) => [200, 201].includes(res.status))).toBe(true);
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
    const history = await t.http.get(`/api/scores/${answers[0].body.id}/history/`).set(tenant.bearerKey);
    expect(history.body.count).toBe(8);
  });

  it('validates the body like a create (without requiring log_id)', async () => {
    const res = await t.http.post(base(newLogId())).set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: 101 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ numerical_value: ['Expected a percentage between 0 and 100.'] });
    expect((await t.http.post(base(newLogId())).set(tenant.bearerKey).send({})).body).toEqual({
      error: 'Provide either evaluator_id or evaluator_slug.',
    });
    expect(
      (
        await t.http
          .post(base('x'.repeat(256)))
          .set(tenant.bearerKey)
          .send({ evaluator_slug: 'a' })
      ).body,
    ).toEqual({
      log_id: ['Ensure this field has no more than 255 characters.'],
    });
  });

  it('lists the scores of one log only, with the query filters', async () => {
    const logId = newLogId();
    await t.http.post(base(logId)).set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: 60 });
    await t.http.post(base(logId)).set(tenant.bearerKey).send({ evaluator_slug: 'note', string_value: 'n' });
    await postScore(t, tenant, { evaluator_slug: 'note', log_id: newLogId() });
    const res = await t.http.get(base(logId)).set(tenant.bearerKey);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect(res.body.results.every((score: { log_id: string }) => score.log_id === logId)).toBe(true);
    expect((await t.http.get(`${base(logId)}?evaluator_slug=note`).set(tenant.bearerKey)).body.count).toBe(1);
    expect((await t.http.get(`${base(logId)}?page=2`).set(tenant.bearerKey)).body).toEqual({ detail: 'Invalid page.' });
    expect((await t.http.get(`${base(logId)}?foo=1`).set(tenant.bearerKey)).status).toBe(400);
  });

  it('retrieves, replaces, updates and deletes a score of that log only', async () => {
    const logId = newLogId();
    const created = await t.http
      .post(base(logId))
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, numerical_value: 40, environment: 'dev' });
    const path = `${base(logId)}${created.body.id}/`;
    const elsewhere = `${base(newLogId())}${created.body.id}/`;

    const got = await t.http.get(path.slice(0, -1)).set(tenant.bearerKey);
    expect([got.status, got.headers.etag]).toEqual([200, '"1"']);
    expect(got.body).toEqual(created.body);
    for (const request of [
      t.http.get(elsewhere),
      t.http.put(elsewhere).send({ evaluator_slug: 'x' }),
      t.http.patch(elsewhere).send({}),
      t.http.delete(elsewhere),
    ]) {
      const res = await request.set(tenant.bearerKey);
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { detail: 'Not found.' } });
    }
    expect((await t.http.get(`${base(logId)}not-a-uuid/`).set(tenant.bearerKey)).status).toBe(404);

    const put = await t.http
      .put(path)
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, numerical_value: 55, log_id: 'ignored', scorer: 'ignored' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ log_id: logId, scorer: 'logs key', environment: 'production', numerical_value: 55, is_passed: true });
    const patch = await t.http.patch(path).set(tenant.bearerKey).set('If-Match', put.headers.etag).send({ numerical_value: 5 });
    expect(patch.status).toBe(200);
    expect(patch.body).toEqual({ ...put.body, numerical_value: 5, is_passed: false });
    expect((await t.http.patch(path).set(tenant.bearerKey).set('If-Match', put.headers.etag).send({ numerical_value: 6 })).status).toBe(
      412,
    );

    const deleted = await t.http.delete(path).set(tenant.bearerKey);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await t.http.get(path).set(tenant.bearerKey)).status).toBe(404);
  });

  it('is 404 for another organization', async () => {
    const logId = newLogId();
    const created = await t.http.post(base(logId)).set(tenant.bearerKey).send({ evaluator_slug: 'mine' });
    const stranger = await createTenant(t.app, 'stranger');
    expect((await t.http.get(`${base(logId)}${created.body.id}/`).set(stranger.bearerKey)).status).toBe(404);
    expect((await t.http.get(base(logId)).set(stranger.bearerKey)).body.count).toBe(0);
    expect((await t.http.get(`${base(logId)}${randomUUID()}/`).set(tenant.bearerKey)).status).toBe(404);
  });
});
