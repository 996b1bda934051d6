import { Writable } from 'node:stream';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** Every log line of the app, captured. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
}

describe('secrets never reach the logs', () => {
  const capture = new LogCapture();
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logDestination: capture });
    tenant = await createTenant(t.app, 'logs');
  });
  afterAll(() => t.close());

  it('keeps keys, passwords, tokens and Authorization headers out of every line', async () => {
    const token = (await t.http.post('/login').type('form').send({ username: tenant.email, password: tenant.password })).body
      .access_token as string;
    const keyToken = (await t.http.post('/login/api_key').send({ api_key: tenant.apiKey })).body.access_token as string;
    await t.http.get('/v2/scorers/tags').set(tenant.galileoKey);
    await t.http.get('/v2/scorers/tags').set(tenant.bearerKey);
    await t.http.get('/v2/scorers/tags').set(tenant.basic);
    await t.http.get('/api/evaluators/').set('Authorization', `Bearer ${token}`);
    await t.http.get('/api/evaluators/').set('Authorization', 'Bearer sk-wrong-key-that-should-not-be-logged-000');
    await t.http.post('/login').type('form').send({ username: tenant.email, password: 'wrong-password-in-a-failed-login' });
    await t.http.post('/login').type('form').send({ password: 'password-in-a-validation-error' });
    const created = await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'fresh' });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const secrets = [
      tenant.apiKey,
      tenant.password,
      token,
      keyToken,
      tenant.basic.Authorization.slice('Basic '.length),
      'sk-wrong-key-that-should-not-be-logged-000',
      'wrong-password-in-a-failed-login',
      'password-in-a-validation-error',
      created.body.api_key as string,
    ];
    const logs = capture.lines.join('\n');
    expect(capture.lines.filter((line) => line.includes('"request completed"')).length).toBeGreaterThanOrEqual(10);
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/authorization/i);
  });

  it('writes one JSON line per request with its id', async () => {
    const res = await t.http.get('/healthcheck').set('X-Request-Id', 'trace-me-123');
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = capture.lines.filter((line) => line.includes('trace-me-123'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'request completed',
      req: { id: 'trace-me-123', method: 'GET', url: '/healthcheck' },
      res: { statusCode: 200 },
    });
  });
});
