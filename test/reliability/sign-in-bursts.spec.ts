import { randomBytes } from 'node:crypto';
import * as passwords from '../../src/auth/passwords';
import { createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';
import { dialectViolation, familyOf } from './support/dialects';
import { recordFigures } from './support/figures';
import { type HttpResult, keepAlive, send } from './support/http';

const GALILEO = '/v2/scorers/tags';
const agent = keepAlive(64);
afterAll(() => agent.destroy());

/** A client address of its own (sent as X-Forwarded-For to an app that trusts proxies), so runs never share counters. */
const clientAddress = () => `10.${randomBytes(3).join('.')}`;

function expectThrottled(res: HttpResult, path: string): void {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(dialectViolation(familyOf(path), res)).toBeNull();
}

/**
 * The sign-in limit holds under parallel bursts (contract §10): attempts are reserved before the
 * password is checked, on the counters in memory and on Redis, for /login and HTTP Basic alike.
 * (test/e2e/auth/sign-in-limit.spec.ts covers /login/api_key and the shared limit in detail.)
 */
const redisUrl = process.env.TEST_REDIS_URL;

const COUNTERS: [string, Record<string, string>][] = [['in memory', {}]];
if (redisUrl) COUNTERS.push(['on Redis', { REDIS_URL: redisUrl }]);

describe.each(COUNTERS)('parallel sign-in bursts, counters %s', (where, env) => {
  const LIMIT = 10;
  let t: TestApp;
  let checks: jest.SpyInstance;
  beforeAll(async () => {
    checks = jest.spyOn(passwords, 'verifyPassword');
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true', ...env } });
  });
  afterAll(async () => {
    checks.mockRestore();
    await t.close();
  });

  it.each([
    [
      '/login',
      (tenant: { email: string }, i: number) => ({
        method: 'POST',
        path: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: tenant.email, password: `guess-${i}` }).toString(),
      }),
    ],
    [
      'HTTP Basic',
      (tenant: { email: string }, i: number) => ({
        method: 'GET',
        path: GALILEO,
        headers: { Authorization: `Basic ${Buffer.from(`${tenant.email}:guess-${i}`).toString('base64')}` },
      }),
    ],
  ])('60 parallel guesses on %s check at most the limit of passwords, the others answer 429', async (route, guess) => {
    const tenant = await createTenant(t.app, 'burst');
    const address = { 'X-Forwarded-For': clientAddress() };
    checks.mockClear();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const request = guess(tenant, i);
        return send(t.baseUrl, { ...request, headers: { ...request.headers, ...address }, agent });
      }),
    );
    expect(checks.mock.calls.length).toBeLessThanOrEqual(LIMIT);
    expect(answers.filter((res) => res.status === 401)).toHaveLength(checks.mock.calls.length);
    for (const res of answers.filter((answer) => answer.status !== 401)) expectThrottled(res, route === '/login' ? '/login' : GALILEO);
    recordFigures('abuse-limits', `sign-in burst on ${route} (${where})`, {
      limit: LIMIT,
      guesses: 60,
      passwordsChecked: checks.mock.calls.length,
    });
  });
});
