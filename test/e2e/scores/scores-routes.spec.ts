import { randomUUID } from 'node:crypto';
import { createEvaluator, newLogId, postScore } from '../../support/scores';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { HELPFULNESS } from '../../support/score-bodies';
import { type ScoreSuite, startScoreSuite } from './score-suite';

/** `/api/scores/{id}/`: retrieve, replace, update and delete over HTTP, and authentication. */
describe('Respan score routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let evaluator: ScoreSuite['evaluator'];

  beforeAll(async () => {
    ({ t, tenant, other, evaluator } = await startScoreSuite('scores', HELPFULNESS));
  });
  afterAll(() => t.close());

  describe('GET, PUT, PATCH, DELETE /api/scores/{id}/', () => {
    it('retrieves a score with an ETag, with or without the trailing slash', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3, inputs: { q: 1 } });
      for (const path of [`/api/scores/${created.body.id}/`, `/api/scores/${created.body.id}`]) {
        const res = await t.http.get(path).set(tenant.bearerKey);
        expect(res.status).toBe(200);
        expect(res.headers.etag).toBe('"1"');
        expect(res.body).toEqual(created.body);
      }
    });

    it('is 404 {"detail": "Not found."} for an unknown id, a non-UUID id and another organization\'s score', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3 });
      for (const [who, id] of [
        [tenant, randomUUID()],
        [tenant, 'not-a-uuid'],
        [other, created.body.id],
      ] as const) {
        for (const request of [
          t.http.get(`/api/scores/${id}/`),
          t.http.put(`/api/scores/${id}/`).send({ evaluator_slug: 'x' }),
          t.http.patch(`/api/scores/${id}/`).send({}),
          t.http.delete(`/api/scores/${id}/`),
          t.http.get(`/api/scores/${id}/history/`),
        ]) {
          const res = await request.set(who.bearerKey);
          expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { detail: 'Not found.' } });
        }
      }
      expect((await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey)).status).toBe(200);
    });

    it('replaces (PUT) and updates (PATCH), each answering 200 with the new ETag', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
      const put = await t.http
        .put(`/api/scores/${created.body.id}`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, numerical_value: 4, log_id: 'l' });
      expect(put.status).toBe(200);
      expect(put.headers.etag).toBe('"2"');
      expect(put.body).toMatchObject({
        id: created.body.id,
        created_at: created.body.created_at,
        numerical_value: 4,
        is_passed: true,
        log_id: 'l',
      });
      const patch = await t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ numerical_value: 1 });
      expect(patch.status).toBe(200);
      expect(patch.headers.etag).toBe('"3"');
      expect(patch.body).toMatchObject({ numerical_value: 1, is_passed: false, log_id: 'l' });
    });

    it('deletes: 204 with an empty body, then 404; the history goes with it', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
      const res = await t.http.delete(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect((await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey)).status).toBe(404);
      expect((await t.http.get(`/api/scores/${created.body.id}/history/`).set(tenant.bearerKey)).status).toBe(404);
      expect((await t.http.delete(`/api/scores/${created.body.id}`).set(tenant.bearerKey)).status).toBe(404);
    });

    it('keeps evaluator_id, evaluator_slug and evaluator_name when the evaluator is deleted; the evaluator object becomes null', async () => {
      const doomed = await createEvaluator(t, tenant, {
        name: 'Doomed',
        score_value_type: 'boolean',
        passing_conditions: { primary_score: { operator: 'eq', value: true } },
      });
      const created = await postScore(t, tenant, { evaluator_id: doomed.id, boolean_value: true });
      expect(created.body.is_passed).toBe(true);
      expect((await t.http.delete(`/api/evaluators/${doomed.id}/`).set(tenant.bearerKey)).status).toBe(204);
      const res = await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
      expect(res.body).toMatchObject({
        evaluator_id: doomed.id,
        evaluator_slug: doomed.evaluator_slug,
        evaluator_name: 'Doomed',
        evaluator: null,
      });
      const listed = await t.http.get(`/api/scores/?evaluator_id=${doomed.id}`).set(tenant.bearerKey);
      expect(listed.body.results).toEqual([res.body]);
    });
  });

  describe('authentication', () => {
    it('answers 401 in DRF style without or with bad credentials', async () => {
      const missing = await t.http.get('/api/scores/');
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
      expect(missing.headers['www-authenticate']).toBeDefined();
      const bad = await t.http.post('/api/scores/').set('Authorization', 'Bearer sk-not-a-key-0000000000000000000000000000').send({});
      expect(bad.status).toBe(401);
      expect(bad.body).toEqual({ detail: 'Invalid token.' });
    });

    it('accepts a JWT from /login, writing the user e-mail as actor', async () => {
      const login = await t.http.post('/login').type('form').send({ username: tenant.email, password: tenant.password });
      const jwt = { Authorization: `Bearer ${login.body.access_token}` };
      const created = await t.http.post('/api/scores/').set(jwt).send({ evaluator_slug: 'jwt', log_id: newLogId() });
      expect(created.status).toBe(201);
      const history = await t.http.get(`/api/scores/${created.body.id}/history/`).set(jwt);
      expect(history.body.results[0].actor).toBe(tenant.email);
    });
  });
});
