import { type TestApp, startTestApp } from '../../support/test-app';

describe('error dialects', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('malformed JSON', () => {
    it('is a FastAPI 422 json_invalid on Galileo routes', async () => {
      const res = await t.http.post('/login/api_key').set('content-type', 'application/json').send('{"api_key": ');
      expect(res.status).toBe(422);
      expect(res.body.detail).toHaveLength(1);
      expect(res.body.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 12], msg: 'JSON decode error', input: {} });
      expect(res.body.detail[0].ctx.error).toContain('Expecting value');
    });

    it('is a DRF 400 "JSON parse error" on Respan routes', async () => {
      const res = await t.http.post('/api/scores/').set('content-type', 'application/json').send('{bad');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ detail: expect.stringMatching(/^JSON parse error - /) });
    });

    it('refuses invalid UTF-8 instead of mangling it', async () => {
      const res = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/login/api_key',
          headers: { 'content-type': 'application/json' },
          payload: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0]).toMatchObject({ type: 'json_invalid', ctx: { error: 'the body is not valid UTF-8' } });
    });
  });

  describe('a 2 MiB body', () => {
    const big = JSON.stringify({ api_key: 'x'.repeat(2 * 1024 * 1024) });

    it('is 413 in the FastAPI dialect', async () => {
      const res = await t.http.post('/login/api_key').set('content-type', 'application/json').send(big);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ detail: expect.stringContaining('1 MiB') });
    });

    it('is 413 in the DRF dialect', async () => {
      const res = await t.http.post('/api/scores/').set('content-type', 'application/json').send(big);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ detail: expect.stringContaining('1 MiB') });
    });
  });

  describe('unknown routes', () => {
    it('is {"detail": "Not Found"} outside /api', async () => {
      const res = await t.http.get('/v2/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Not Found' });
    });

    it('is {"detail": "Not found."} under /api', async () => {
      const res = await t.http.get('/api/nothing-here/');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Not found.' });
    });
  });

  describe('unsupported content types', () => {
    it('is a FastAPI 422 on Galileo routes: the body is not a dictionary', async () => {
      const galileo = await t.http.post('/login/api_key').set('content-type', 'application/xml').send('<a/>');
      expect(galileo.status).toBe(422);
      expect(galileo.body.detail).toEqual([expect.objectContaining({ type: 'model_attributes_type', loc: ['body'] })]);
    });

    it('is 415 {"detail": "Unsupported media type ..."} on Respan routes', async () => {
      const respan = await t.http.post('/api/scores/').set('content-type', 'application/xml').send('<a/>');
      expect(respan.status).toBe(415);
      expect(respan.body).toEqual({ detail: 'Unsupported media type "application/xml" in request.' });
    });
  });

  describe('bodies that are not objects', () => {
    it('is a model_attributes_type 422 at ["body"]', async () => {
      const res = await t.http.post('/login/api_key').send([1, 2]);
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([
        {
          type: 'model_attributes_type',
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          input: [1, 2],
        },
      ]);
    });

    it('is a missing 422 at ["body"] when there is no body', async () => {
      const res = await t.http.post('/login/api_key').set('content-type', 'application/json');
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
    });
  });

  describe('X-Request-Id', () => {
    it('is generated for every response, errors included', async () => {
      const ok = await t.http.get('/healthcheck');
      const missing = await t.http.get('/nope');
      for (const res of [ok, missing]) expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(ok.headers['x-request-id']).not.toBe(missing.headers['x-request-id']);
    });

    it('echoes the one the client sent', async () => {
      const res = await t.http.get('/api/nothing/').set('X-Request-Id', 'client-chosen.id-42');
      expect(res.headers['x-request-id']).toBe('client-chosen.id-42');
    });

    it('replaces an unusable one', async () => {
      const res = await t.http.get('/healthcheck').set('X-Request-Id', 'has spaces and "quotes"');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('CORS', () => {
    it('is closed by default', async () => {
      const res = await t.http.options('/healthcheck').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('CORS when configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://app.example' } });
  });
  afterAll(() => t.close());

  it('allows the configured origin only', async () => {
    const allowed = await t.http.get('/healthcheck').set('Origin', 'https://app.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const other = await t.http.get('/healthcheck').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
