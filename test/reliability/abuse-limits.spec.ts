import { randomBytes } from 'node:crypto';
import { createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';
import { dialectViolation, familyOf } from './support/dialects';
import { recordFigures } from './support/figures';
import { type HttpResult, keepAlive, send } from './support/http';
import { slowClient } from './support/slow-client';

const GALILEO = '/v2/scorers/tags';
const RESPAN = '/api/evaluators/';
const agent = keepAlive(8);
afterAll(() => agent.destroy());

/** A client address of its own (sent as X-Forwarded-For to an app that trusts proxies), so runs never share counters. */
const clientAddress = () => `10.${randomBytes(3).join('.')}`;

const get = (t: TestApp, path: string, headers: Record<string, string> = {}) => send(t.baseUrl, { method: 'GET', path, headers, agent });

function expectThrottled(res: HttpResult, path: string): void {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(dialectViolation(familyOf(path), res)).toBeNull();
}

describe('request rate limits', () => {
  it('are off by default: 300 requests of one key in a few seconds are all served', async () => {
    const t = await startTestApp();
    try {
      const tenant = await createTenant(t.app, 'unlimited');
      const statuses = await Promise.all(Array.from({ length: 300 }, (_, i) => get(t, i % 2 ? GALILEO : RESPAN, tenant.bearerKey)));
      expect(statuses.filter((res) => res.status !== 200)).toEqual([]);
      recordFigures('abuse-limits', 'off by default', { requests: 300, throttled: 0 });
    } finally {
      await t.close();
    }
  });

  describe('per key (RATE_LIMIT_PER_KEY_PER_MINUTE=5)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { RATE_LIMIT_PER_KEY_PER_MINUTE: '5' } });
    });
    afterAll(() => t.close());

    it('answers the 6th request of a key with 429 and Retry-After, in either dialect, and leaves other keys alone', async () => {
      const tenant = await createTenant(t.app, 'limited');
      const colleague = await createTenant(t.app, 'colleague');
      for (let i = 0; i < 5; i++) expect((await get(t, i % 2 ? GALILEO : RESPAN, tenant.bearerKey)).status).toBe(200);
      expectThrottled(await get(t, GALILEO, tenant.galileoKey), GALILEO);
      expectThrottled(await get(t, RESPAN, tenant.bearerKey), RESPAN);
      expect((await get(t, GALILEO, colleague.galileoKey)).status).toBe(200);
      expect((await get(t, '/health/ready', tenant.bearerKey)).status).toBe(200);
      expect((await get(t, '/healthcheck', tenant.bearerKey)).status).toBe(200);
    });

    it('counts a user signed in with a password (JWT, Basic) apart from their API key', async () => {
      const tenant = await createTenant(t.app, 'by-user');
      for (let i = 0; i < 5; i++) expect((await get(t, GALILEO, tenant.galileoKey)).status).toBe(200);
      expectThrottled(await get(t, GALILEO, tenant.galileoKey), GALILEO);
      for (let i = 0; i < 5; i++) expect((await get(t, GALILEO, tenant.basic)).status).toBe(200);
      expectThrottled(await get(t, GALILEO, tenant.basic), GALILEO);
    });
  });

  describe('per client address (RATE_LIMIT_PER_IP_PER_MINUTE=8)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { RATE_LIMIT_PER_IP_PER_MINUTE: '8', TRUST_PROXY: 'true' } });
    });
    afterAll(() => t.close());

    it('counts every request of an address, authenticated or not, except health checks', async () => {
      const address = { 'X-Forwarded-For': clientAddress() };
      for (let i = 0; i < 4; i++) expect((await get(t, '/health/ready', address)).status).toBe(200);
      for (let i = 0; i < 8; i++) expect((await get(t, i % 2 ? GALILEO : RESPAN, address)).status).toBe(401);
      expectThrottled(await get(t, GALILEO, address), GALILEO);
      expectThrottled(await get(t, RESPAN, address), RESPAN);
      expect((await get(t, '/healthcheck', address)).status).toBe(200);
      expect((await get(t, GALILEO, { 'X-Forwarded-For': clientAddress() })).status).toBe(401);
    });
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set (a client cannot pick its address)', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_PER_IP_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await get(t, GALILEO, { 'X-Forwarded-For': clientAddress() })).status).toBe(401);
      expectThrottled(await get(t, GALILEO, { 'X-Forwarded-For': clientAddress() }), GALILEO);
    } finally {
      await t.close();
    }
  });
});

describe('rate-limit counters on Redis (REDIS_URL)', () => {
  it('keep limiting in this instance’s memory while Redis cannot be reached, and the service keeps serving', async () => {
    const t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_KEY_PER_MINUTE: '3' } });
    try {
      const tenant = await createTenant(t.app, 'no-redis');
      for (let i = 0; i < 3; i++) expect((await get(t, GALILEO, tenant.galileoKey)).status).toBe(200);
      expectThrottled(await get(t, GALILEO, tenant.galileoKey), GALILEO);
      expect((await get(t, '/health/ready')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('failed sign-ins', () => {
  it('are limited by default: the 11th failure of an address within a minute is a 429, even with the right password', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '10', TRUST_PROXY: 'true' } });
    try {
      const tenant = await createTenant(t.app, 'sign-in');
      const address = { 'X-Forwarded-For': clientAddress() };
      const login = (password: string) =>
        send(t.baseUrl, {
          method: 'POST',
          path: '/login',
          headers: { ...address, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username: tenant.email, password }).toString(),
        });
      expect((await login(tenant.password)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await login('wrong')).status).toBe(401);
      expectThrottled(await login(tenant.password), '/login');
      const elsewhere = await send(t.baseUrl, {
        method: 'POST',
        path: '/login/api_key',
        headers: { 'X-Forwarded-For': clientAddress() },
        body: { api_key: tenant.apiKey },
      });
      expect(elsewhere.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('the 1 MiB body limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/login/api_key', '/api/scores/'])('refuses one byte more than 1 MiB on %s with 413 in its dialect', async (path) => {
    const body = `{"api_key": "${'x'.repeat(1024 * 1024 - 14)}"}`;
    expect(Buffer.byteLength(body)).toBe(1024 * 1024 + 1);
    const res = await send(t.baseUrl, { method: 'POST', path, body });
    expect(res.status).toBe(413);
    expect(dialectViolation(familyOf(path), res)).toBeNull();
    const fits = await send(t.baseUrl, { method: 'POST', path, body: body.replace('x', '') });
    expect(fits.status).not.toBe(413);
  });
});

describe('slow clients (REQUEST_TIMEOUT_MS=3000)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '3000' } });
    port = Number(new URL(t.baseUrl).port);
  });
  afterAll(() => t.close());

  const header = (i: number) => `X-Slow-${i}: ${'a'.repeat(10)}\r\n`;

  it('cuts off a slowloris (one header line every 500 ms) within the timeout, then serves others', async () => {
    const chunks = ['GET /healthcheck HTTP/1.1\r\nHost: localhost\r\n', ...Array.from({ length: 100 }, (_, i) => header(i))];
    const result = await slowClient(port, chunks, 500, 15_000);
    expect(result.closedAfterMs).toBeLessThan(3000 + 1500);
    expect(result.sent).toBeLessThan(chunks.length);
    expect(result.response === '' || result.response.startsWith('HTTP/1.1 408')).toBe(true);
    expect((await get(t, '/healthcheck')).status).toBe(200);
    recordFigures('abuse-limits', 'slowloris headers', { timeoutMs: 3000, closedAfterMs: result.closedAfterMs, linesSent: result.sent });
  });

  it('cuts off a body that trickles in (one byte every 200 ms)', async () => {
    const body = '{"api_key": "' + 'x'.repeat(60) + '"}';
    const head = `POST /login/api_key HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const result = await slowClient(port, [head, ...body.split('')], 200, 15_000);
    expect(result.closedAfterMs).toBeLessThan(3000 + 1500);
    expect(result.sent).toBeLessThan(body.length + 1);
    recordFigures('abuse-limits', 'slow body', { timeoutMs: 3000, closedAfterMs: result.closedAfterMs, bytesSent: result.sent - 1 });
  });

  it('closes a connection that never sends anything', async () => {
    const result = await slowClient(port, [], 1000, 15_000);
    expect(result.closedAfterMs).toBeLessThan(3000 + 1500);
    recordFigures('abuse-limits', 'idle connection', { timeoutMs: 3000, closedAfterMs: result.closedAfterMs });
  });
});

describe('response headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/healthcheck', GALILEO, RESPAN, '/api/nothing/', '/docs', '/openapi.json'])(
    'carry the security headers on %s',
    async (path) => {
      const res = await get(t, path);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );

  it('keep CORS closed by default: no Access-Control-Allow-Origin for any origin, preflight included', async () => {
    const origin = { Origin: 'https://evil.example' };
    const simple = await get(t, '/healthcheck', origin);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(t.baseUrl, {
      method: 'OPTIONS',
      path: RESPAN,
      headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});
