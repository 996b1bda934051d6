import { randomUUID } from 'node:crypto';
import { createEvaluator, newLogId, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const SCORE_KEYS = [
  'id',
  'created_at',
  'type',
  'environment',
  'numerical_value',
  'string_value',
  'boolean_value',
  'categorical_value',
  'json_value',
  'is_passed',
  'cost',
  'evaluator_id',
  'evaluator_slug',
  'evaluator_name',
  'scorer',
  'log_id',
  'prompt_id',
  'prompt_version_number',
  'dataset_id',
  'automation_id',
  'status',
  'error_message',
  'inputs',
  'evaluator',
].sort();

describe('Respan score routes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let evaluator: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'scores');
    other = await createTenant(t.app, 'other');
    evaluator = await createEvaluator(t, tenant, {
      name: 'Helpfulness',
      score_value_type: 'numerical',
      score_config: { min_score: 1, max_score: 5 },
      passing_conditions: { primary_score: { operator: 'gte', value: 3 } },
    });
  });
  afterAll(() => t.close());

  describe('POST /api/scores/', () => {
    it('creates a score: 201 with every Score field, the evaluator object and a server-computed is_passed', async () => {
      const logId = newLogId();
      const res = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        log_id: logId,
        numerical_value: 4,
        is_passed: false,
        timestamp: '2026-01-02T03:04:05Z',
        environment: 'staging',
        prompt_id: 'p1',
        prompt_version_number: 3,
        dataset_id: 'd1',
        automation_id: 'a1',
        scorer: 'nightly-job',
        cost: 0.0125,
        status: 'success',
        error_message: null,
        inputs: { input: 'hi', output: 'hello', nested: { list: [1, 'two', null, true] } },
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(SCORE_KEYS);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        type: 'llm',
        environment: 'staging',
        numerical_value: 4,
        is_passed: true,
        evaluator_id: evaluator.id,
        evaluator_slug: evaluator.evaluator_slug,
        evaluator_name: 'Helpfulness',
        log_id: logId,
        scorer: 'nightly-job',
        prompt_id: 'p1',
        prompt_version_number: 3,
        dataset_id: 'd1',
        automation_id: 'a1',
        cost: 0.0125,
        status: 'success',
        error_message: null,
        inputs: { input: 'hi', output: 'hello', nested: { list: [1, 'two', null, true] } },
      });
      expect(res.body.evaluator).toMatchObject({
        id: evaluator.id,
        evaluator_slug: evaluator.evaluator_slug,
        score_value_type: 'numerical',
      });
      expect(new Date(res.body.created_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('defaults environment to "production", inputs to {} and the rest to null', async () => {
      const res = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        environment: 'production',
        inputs: {},
        is_passed: false,
        scorer: null,
        cost: null,
        dataset_id: null,
        string_value: null,
      });
    });

    it('keeps inputs exactly, keys named like Object.prototype members included', async () => {
      const inputs = { constructor: 1, valueOf: { toString: 'x', hasOwnProperty: [null] }, '': '' };
      const res = await postScore(t, tenant, { evaluator_slug: 'inputs', inputs });
      expect(res.body.inputs).toEqual(inputs);
    });

    it('requires log_id', async () => {
      const res = await t.http.post('/api/scores/').set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ log_id: ['This field is required.'] });
    });

    it('requires evaluator_id or evaluator_slug', async () => {
      const res = await postScore(t, tenant, { numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'Provide either evaluator_id or evaluator_slug.' });
    });

    it('refuses an evaluator_id of no evaluator of the organization, naming the field', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const res = await postScore(t, tenant, { evaluator_id: id, numerical_value: 4 });
        expect(res.status).toBe(400);
        expect(Object.keys(res.body)).toEqual(['evaluator_id']);
      }
      const foreign = await postScore(t, other, { evaluator_id: evaluator.id, numerical_value: 4 });
      expect(foreign.status).toBe(400);
      expect(Object.keys(foreign.body)).toEqual(['evaluator_id']);
    });

    it('refuses an evaluator_id and an evaluator_slug that disagree', async () => {
      const res = await postScore(t, tenant, { evaluator_id: evaluator.id, evaluator_slug: 'something_else', numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('different evaluators');
    });

    it('links a known slug and treats an unknown slug as a custom (human) evaluator', async () => {
      const known = await postScore(t, tenant, { evaluator_slug: evaluator.evaluator_slug, numerical_value: 5 });
      expect(known.status).toBe(201);
      expect(known.body).toMatchObject({ evaluator_id: evaluator.id, type: 'llm', is_passed: true });
      const custom = await postScore(t, tenant, { evaluator_slug: `custom_${randomUUID()}`, numerical_value: 99, string_value: 'free' });
      expect(custom.status).toBe(201);
      expect(custom.body).toMatchObject({
        evaluator_id: null,
        evaluator_name: null,
        type: 'human',
        is_passed: false,
        evaluator: null,
        numerical_value: 99,
      });
    });

    it('answers 400 non_field_errors for a second score of the same (log, evaluator, scorer)', async () => {
      const logId = newLogId();
      expect((await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 4 })).status).toBe(201);
      const twice = await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 5 });
      expect(twice.status).toBe(400);
      expect(twice.body).toEqual({ non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] });
      const otherScorer = await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 5, scorer: 'someone' });
      expect(otherScorer.status).toBe(201);
    });

    it('refuses inputs nested deeper than 32 levels, or holding text jsonb cannot store', async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { level: nest(depth - 1) });
      expect((await postScore(t, tenant, { evaluator_slug: 'deep', inputs: nest(32) })).status).toBe(201);
      const deep = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: nest(33) });
      expect(deep.status).toBe(400);
      expect(deep.body).toEqual({ inputs: ['JSON nested deeper than 32 levels is not supported.'] });
      const veryDeep = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('content-type', 'application/json')
        .send(`{"evaluator_slug": "deep", "log_id": "${newLogId()}", "inputs": ${'{"level": '.repeat(5000)}"leaf"${'}'.repeat(5000)}}`);
      expect(veryDeep.status).toBe(400);
      expect(Object.keys(veryDeep.body)).toEqual(['inputs']);
      const nul = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: { text: 'a\u0000b' } });
      expect(nul.status).toBe(400);
      expect(Object.keys(nul.body)).toEqual(['inputs']);
      const notObject = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: [1, 2] });
      expect(notObject.status).toBe(400);
      expect(notObject.body).toEqual({ inputs: ['Expected a dictionary of items but got type "list".'] });
    });

    it('refuses identifiers longer than their index allows and strings with NUL characters', async () => {
      const long = await postScore(t, tenant, { evaluator_slug: 's', log_id: 'x'.repeat(256) });
      expect(long.status).toBe(400);
      expect(long.body).toEqual({ log_id: ['Ensure this field has no more than 255 characters.'] });
      const nul = await postScore(t, tenant, { evaluator_slug: 's', string_value: 'a\u0000' });
      expect(nul.status).toBe(400);
      expect(Object.keys(nul.body)).toEqual(['string_value']);
    });

    it('answers malformed JSON and a non-object body in DRF style', async () => {
      const malformed = await t.http.post('/api/scores/').set(tenant.bearerKey).set('content-type', 'application/json').send('{"log_id": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/^JSON parse error - /);
      const list = await t.http.post('/api/scores/').set(tenant.bearerKey).send([1]);
      expect(list.status).toBe(400);
      expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    });
  });

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
