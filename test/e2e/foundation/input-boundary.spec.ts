import { createEvaluator, postScore } from '../../support/scores';
import { freeFormPositions } from './free-form-positions';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** Contract §10 at the input boundary: what no route may store altered or answer with a 5xx. */
describe('the input boundary', () => {
  let t: TestApp;
  let tenant: Tenant;
  let scorerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'boundary');
    const scorer = await t.http.post('/v2/scorers').set(tenant.galileoKey).send({ name: 'Boundary', scorer_type: 'llm' });
    scorerId = scorer.body.id;
    await t.http.post(`/v2/scorers/${scorerId}/version/llm`).set(tenant.galileoKey).send({ instructions: 'x' });
  });
  afterAll(() => t.close());

  const galileo = (method: 'post' | 'patch', path: string, body: unknown) =>
    t.http[method](path)
      .set(tenant.galileoKey)
      .send(body as object);
  const respan = (method: 'post' | 'patch', path: string, body: unknown) =>
    t.http[method](path)
      .set(tenant.bearerKey)
      .send(body as object);

  const unstorable = ['nul\u0000byte', 'lone \ud800 surrogate', '\udc00'];
  const positions = () => freeFormPositions(galileo, respan, scorerId);

  it('refuses NUL and unpaired surrogates in every key and leaf of free-form JSON, naming the field, in the route dialect', async () => {
    for (const position of positions()) {
      for (const text of unstorable) {
        const res = await position.send(position.put(text));
        const galileoRoute = !position.name.includes('/api/');
        const named = galileoRoute ? res.body.detail?.[0]?.loc?.[1] : Object.keys(res.body)[0];
        expect({ position: position.name, text, status: res.status, named }).toEqual({
          position: position.name,
          text,
          status: galileoRoute ? 422 : 400,
          named: position.field,
        });
      }
    }
  });

  it('locates the offending key or leaf inside the document', async () => {
    const leaf = await galileo('post', '/v2/scorers', {
      name: 'L',
      scorer_type: 'llm',
      defaults: { filters: [{ node: { deep: ['a\u0000'] } }] },
    });
    expect(leaf.body.detail).toEqual([
      expect.objectContaining({ type: 'string_unicode', loc: ['body', 'defaults', 'filters', 0, 'node', 'deep', 0], input: 'a\u0000' }),
    ]);
    const key = await respan('post', '/api/scores/', { evaluator_slug: 'free', log_id: 'l', inputs: { outer: { ['k\ud800']: 1 } } });
    expect(key.body).toEqual({
      inputs: { outer: { 'k\ud800': { '[key]': ['Null characters and unpaired surrogates are not allowed.'] } } },
    });
  });

  describe('a body nested 5,000 levels deep', () => {
    const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepField = (field: string) => `{"${field}": ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}}`;

    it.each([
      ['/v2/scorers', 'name'],
      ['/v2/scorers/list', 'filters'],
      ['/v2/users/api_keys', 'description'],
      ['/login/api_key', 'api_key'],
    ])('is a quick 422 on %s', async (path, field) => {
      for (const text of [deepArray, deepField(field)]) {
        const started = performance.now();
        const res = await t.http.post(path).set(tenant.galileoKey).set('content-type', 'application/json').send(text);
        expect({ path, status: res.status }).toEqual({ path, status: 422 });
        // Generous for a loaded CI machine: the defect was a stack overflow (500), not slowness; the
        // pipe's own cost on such a body is bounded in test/unit/common/validation.spec.ts.
        expect(performance.now() - started).toBeLessThan(5000);
        expect(JSON.stringify(res.body).length).toBeLessThan(20_000);
      }
    });

    it('is a quick 400 on Respan routes', async () => {
      for (const path of ['/api/scores/', '/api/scores/list/', '/api/evaluators/']) {
        const res = await t.http.post(path).set(tenant.bearerKey).set('content-type', 'application/json').send(deepArray);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      }
    });
  });

  describe('JSON documents are stored exactly', () => {
    const hostile = '{"__proto__": {"x": 1}, "constructor": {"prototype": {"y": 2}}, "toString": 3, "hasOwnProperty": [4], "keep": 2}';

    it('keeps __proto__, constructor and other Object.prototype names in score inputs', async () => {
      const body = `{"evaluator_slug": "exact", "log_id": "log-exact", "inputs": ${hostile}}`;
      const created = await t.http.post('/api/scores/').set(tenant.bearerKey).set('content-type', 'application/json').send(body);
      expect(created.status).toBe(201);
      expect(created.body.inputs).toEqual(JSON.parse(hostile));
      const read = await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
      expect(read.body.inputs).toEqual(JSON.parse(hostile));
      expect(Object.keys(read.body.inputs).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'keep', 'toString']);
    });

    it('keeps them in a scorer’s defaults.filters and a version’s response_schema', async () => {
      const created = await t.http
        .post('/v2/scorers')
        .set(tenant.galileoKey)
        .set('content-type', 'application/json')
        .send(`{"name": "Exact", "scorer_type": "llm", "defaults": {"filters": [${hostile}]}}`);
      expect(created.status).toBe(200);
      const read = await t.http.get(`/v2/scorers/${created.body.id}`).set(tenant.galileoKey);
      expect(read.body.defaults.filters).toEqual([JSON.parse(hostile)]);
      const version = await t.http
        .post(`/v2/scorers/${created.body.id}/version/llm`)
        .set(tenant.galileoKey)
        .set('content-type', 'application/json')
        .send(`{"chain_poll_template": {"template": "t", "response_schema": ${hostile}}}`);
      expect(version.status).toBe(200);
      expect(version.body.chain_poll_template.response_schema).toEqual(JSON.parse(hostile));
    });

    it('refuses an integer a double cannot hold, naming the field, instead of rounding it', async () => {
      const score = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('content-type', 'application/json')
        .send('{"evaluator_slug": "big", "log_id": "log-big", "inputs": {"n": [12345678901234567890123]}}');
      expect(score.status).toBe(400);
      expect(score.body).toEqual({ inputs: { n: { 0: [expect.stringContaining('2^53')] } } });
      const health = await t.http
        .post(`/v2/scorers/${scorerId}/versions/1/health-scores`)
        .set(tenant.galileoKey)
        .set('content-type', 'application/json')
        .send('{"dataset_id": "0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a", "health_score_type": "f1", "score": 12345678901234567890123}');
      expect(health.status).toBe(422);
      expect(health.body.detail).toEqual([
        expect.objectContaining({ type: 'value_error', loc: ['body', 'score'], input: '12345678901234567890123' }),
      ]);
    });

    it('keeps integers up to 2^53 - 1 exactly', async () => {
      const created = await postScore(t, tenant, {
        evaluator_slug: 'safe',
        inputs: { n: Number.MAX_SAFE_INTEGER, m: -Number.MAX_SAFE_INTEGER },
      });
      expect(created.status).toBe(201);
      const read = await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
      expect(read.body.inputs).toEqual({ n: Number.MAX_SAFE_INTEGER, m: -Number.MAX_SAFE_INTEGER });
    });
  });

  describe('a body that is not JSON', () => {
    it('is a FastAPI 422 on a Galileo JSON route, never read as the JSON body', async () => {
      const res = await t.http.post('/v2/scorers').set(tenant.galileoKey).type('form').send({ name: 'Form', scorer_type: 'llm' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([expect.objectContaining({ type: 'model_attributes_type', loc: ['body'] })]);
      const listed = await t.http
        .post('/v2/scorers/list')
        .set(tenant.galileoKey)
        .send({ filters: [{ name: 'name', operator: 'eq', value: 'Form' }] });
      expect(listed.body.scorers).toEqual([]);
    });

    it('is a DRF 415 on a Respan JSON route', async () => {
      const res = await t.http.post('/api/scores/').set(tenant.bearerKey).type('form').send({ evaluator_slug: 'form', log_id: 'l' });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ detail: 'Unsupported media type "application/x-www-form-urlencoded" in request.' });
    });

    it('leaves /login a form route', async () => {
      const res = await t.http.post('/login').type('form').send({ username: tenant.email, password: tenant.password });
      expect(res.status).toBe(200);
      const json = await t.http.post('/login').send({ username: tenant.email, password: tenant.password });
      expect(json.status).toBe(422);
    });

    it('is refused on a JSON route without authentication too (/login/api_key)', async () => {
      const res = await t.http.post('/login/api_key').type('form').send({ api_key: 'form' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([expect.objectContaining({ type: 'model_attributes_type', loc: ['body'] })]);
    });

    it('is looked at only after authentication: no credential is a 401, not a 415', async () => {
      const respan = await t.http.post('/api/scores/').type('form').send({ evaluator_slug: 'form', log_id: 'l' });
      expect(respan.status).toBe(401);
      const galileo = await t.http.post('/v2/scorers').type('form').send({ name: 'Form', scorer_type: 'llm' });
      expect(galileo.status).toBe(401);
    });
  });

  it('checks top-level strings of query and path parameters too', async () => {
    const query = await t.http.get('/api/scores/?log_id=a%00b').set(tenant.bearerKey);
    expect(query.status).toBe(400);
    expect(query.body).toEqual({ log_id: ['Null characters and unpaired surrogates are not allowed.'] });
    const evaluator = await createEvaluator(t, tenant, { score_value_type: 'numerical' });
    const path = await t.http.get(`/api/evaluators/${evaluator.id}%00/`).set(tenant.bearerKey);
    expect(path.status).toBeLessThan(500);
  });
});
