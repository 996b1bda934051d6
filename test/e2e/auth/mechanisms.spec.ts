import { JwtService } from '@nestjs/jwt';
import * as passwords from '../../../src/auth/passwords';
import { IdentityService } from '../../../src/identity/identity.service';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const GALILEO_ROUTE = '/v2/scorers/tags';
const RESPAN_ROUTE = '/api/evaluators/';

describe('authentication mechanisms', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'auth');
  });
  afterAll(() => t.close());

  const login = async () =>
    (await t.http.post('/login').type('form').send({ username: tenant.email, password: tenant.password })).body.access_token as string;
  const keyLogin = async (key = tenant.apiKey) => (await t.http.post('/login/api_key').send({ api_key: key })).body.access_token as string;

  const galileoRefusal = (res: { status: number; body: unknown; headers: Record<string, string> }, detail = 'Not authenticated') => {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  };
  const respanRefusal = (res: { status: number; body: unknown; headers: Record<string, string> }, detail: string) => {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  };

  describe('accepted where allowed', () => {
    it('API key as Galileo-API-Key: Galileo routes only', async () => {
      expect((await t.http.get(GALILEO_ROUTE).set(tenant.galileoKey)).status).toBe(200);
      respanRefusal(await t.http.get(RESPAN_ROUTE).set(tenant.galileoKey), 'Authentication credentials were not provided.');
    });

    it('API key as Bearer: both families', async () => {
      expect((await t.http.get(GALILEO_ROUTE).set(tenant.bearerKey)).status).toBe(200);
      expect((await t.http.get(RESPAN_ROUTE).set(tenant.bearerKey)).status).toBe(200);
    });

    it('JWT from /login: both families', async () => {
      const token = await login();
      expect(token.split('.')).toHaveLength(3);
      expect((await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${token}`)).status).toBe(200);
      expect((await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    });

    it('JWT from /login/api_key: both families', async () => {
      const token = await keyLogin();
      expect((await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${token}`)).status).toBe(200);
      expect((await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    });

    it('HTTP Basic: Galileo routes only', async () => {
      expect((await t.http.get(GALILEO_ROUTE).set(tenant.basic)).status).toBe(200);
      respanRefusal(await t.http.get(RESPAN_ROUTE).set(tenant.basic), 'Authentication credentials were not provided.');
    });

    it('the JWT carries sub, org and exp', async () => {
      const claims = JSON.parse(Buffer.from((await login()).split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ sub: tenant.userId, org: tenant.organizationId });
      expect(claims.exp - claims.iat).toBe(86400);
    });
  });

  describe('refused with 401 and WWW-Authenticate, in the dialect', () => {
    it('missing credentials', async () => {
      galileoRefusal(await t.http.get(GALILEO_ROUTE));
      respanRefusal(await t.http.get(RESPAN_ROUTE), 'Authentication credentials were not provided.');
    });

    it.each([
      ['an empty bearer', { Authorization: 'Bearer' }],
      ['a bearer with spaces', { Authorization: 'Bearer a b' }],
      ['an unknown scheme', { Authorization: 'Token abcdef' }],
      ['an empty Galileo-API-Key', { 'Galileo-API-Key': '' }],
    ])('malformed: %s', async (_case, headers) => {
      const galileo = await t.http.get(GALILEO_ROUTE).set(headers);
      expect(galileo.status).toBe(401);
      expect(galileo.headers['www-authenticate']).toBe('Bearer');
      const respan = await t.http.get(RESPAN_ROUTE).set(headers);
      expect(respan.status).toBe(401);
      expect(respan.headers['www-authenticate']).toBe('Bearer realm="api"');
    });

    it.each([
      ['an unknown API key', () => ({ Authorization: 'Bearer sk-unknownunknownunknownunknownunknown00' })],
      ['a JWT with a bad signature', () => ({ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' })],
      ['a bad Basic encoding', () => ({ Authorization: 'Basic !!!' })],
      ['a wrong password', () => ({ Authorization: `Basic ${Buffer.from(`${tenant.email}:wrong`).toString('base64')}` })],
    ])('wrong: %s', async (_case, headers) => {
      galileoRefusal(await t.http.get(GALILEO_ROUTE).set(headers()));
    });

    it('a wrong bearer token on a Respan route is "Invalid token."', async () => {
      respanRefusal(await t.http.get(RESPAN_ROUTE).set('Authorization', 'Bearer sk-nonsense-nonsense-nonsense-nonsense'), 'Invalid token.');
    });

    it('an expired JWT', async () => {
      const expired = t.app.get(JwtService).sign({ sub: tenant.userId, org: tenant.organizationId }, { expiresIn: -10 });
      galileoRefusal(await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${expired}`));
      respanRefusal(await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${expired}`), 'Invalid token.');
    });

    it('an expired API key', async () => {
      const { plainKey } = await withServices(t.app, () =>
        t.app.get(IdentityService).createApiKey(tenant.organizationId, tenant.userId, tenant.userId, {
          description: 'expired',
          expiresAt: new Date(Date.now() - 1000),
        }),
      );
      galileoRefusal(await t.http.get(GALILEO_ROUTE).set('Galileo-API-Key', plainKey));
      respanRefusal(await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${plainKey}`), 'Invalid token.');
    });

    it('a revoked API key stops working at once, with the JWTs obtained with it, and leaves the listing', async () => {
      const created = await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'to revoke' });
      expect(created.status).toBe(200);
      const key = created.body.api_key as string;
      const token = await keyLogin(key);
      expect((await t.http.get(GALILEO_ROUTE).set('Galileo-API-Key', key)).status).toBe(200);

      const revoked = await t.http.delete(`/v2/users/api_keys/${created.body.id}`).set(tenant.galileoKey);
      expect(revoked.status).toBe(200);
      galileoRefusal(await t.http.get(GALILEO_ROUTE).set('Galileo-API-Key', key));
      galileoRefusal(await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${token}`));
      const listed = await t.http.get(`/v2/users/${tenant.userId}/api_keys`).set(tenant.galileoKey);
      expect(listed.body.api_keys.map((apiKey: { id: string }) => apiKey.id)).not.toContain(created.body.id);
      expect((await t.http.post('/login/api_key').send({ api_key: key })).status).toBe(401);
    });
  });

  describe('/login', () => {
    it('answers wrong credentials alike whether the user exists or not, verifying a hash either way', async () => {
      const verify = jest.spyOn(passwords, 'verifyPassword');
      const unknown = await t.http.post('/login').type('form').send({ username: 'nobody@example.test', password: 'whatever' });
      const wrong = await t.http.post('/login').type('form').send({ username: tenant.email, password: 'whatever' });
      for (const res of [unknown, wrong]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ detail: 'Incorrect username or password' });
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
      expect(verify).toHaveBeenCalledTimes(2);
      expect(verify.mock.calls[0][1]).toBe(passwords.UNKNOWN_USER_HASH);
      verify.mockRestore();
    });

    it('validates the form as FastAPI does, without echoing the password', async () => {
      const res = await t.http.post('/login').type('form').send({ password: 'hunter2-secret' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([
        { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: { password: '[redacted]' } },
      ]);
      expect(JSON.stringify(res.body)).not.toContain('hunter2-secret');
    });

    it('accepts the optional OAuth2 fields', async () => {
      const res = await t.http.post('/login').type('form').send({
        username: tenant.email,
        password: tenant.password,
        grant_type: 'password',
        scope: '',
        client_id: 'sdk',
        client_secret: 's',
      });
      expect(res.status).toBe(200);
      expect(res.body.token_type).toBe('bearer');
    });
  });

  describe('API keys', () => {
    it('lists keys with paging and records last use at most once a minute', async () => {
      await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'second' });
      await t.http.get(GALILEO_ROUTE).set(tenant.galileoKey);
      const listed = await t.http.get(`/v2/users/${tenant.userId}/api_keys?limit=1`).set(tenant.galileoKey);
      expect(listed.status).toBe(200);
      expect(listed.body).toMatchObject({ starting_token: 0, limit: 1, paginated: true, next_starting_token: 1 });
      const all = await t.http.get(`/v2/users/${tenant.userId}/api_keys`).set(tenant.galileoKey);
      const mine = all.body.api_keys.find((key: { id: string }) => key.id === tenant.apiKeyId);
      expect(mine).toMatchObject({ description: 'auth key', truncated: expect.stringContaining('…'), project_id: null });
      expect(mine).not.toHaveProperty('api_key');
      expect(Date.parse(mine.last_used)).toBeGreaterThan(Date.now() - 60_000);
      await t.http.get(GALILEO_ROUTE).set(tenant.galileoKey);
      const again = (await t.http.get(`/v2/users/${tenant.userId}/api_keys`).set(tenant.galileoKey)).body.api_keys.find(
        (key: { id: string }) => key.id === tenant.apiKeyId,
      );
      expect(again.last_used).toBe(mine.last_used);
    });

    it('imports a given key and refuses one already in use', async () => {
      const key = `sk-imported-${'x'.repeat(30)}`;
      const created = await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'imported', api_key: key });
      expect(created.body.api_key).toBe(key);
      expect((await t.http.get(GALILEO_ROUTE).set('Galileo-API-Key', key)).status).toBe(200);
      expect((await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'again', api_key: key })).status).toBe(
        409,
      );
      const short = await t.http.post('/v2/users/api_keys').set(tenant.galileoKey).send({ description: 'short', api_key: 'too-short' });
      expect(short.status).toBe(422);
      expect(JSON.stringify(short.body)).not.toContain('too-short');
    });
  });
});

describe('failed sign-in throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a client failed too often', async () => {
    for (let i = 0; i < 3; i++)
      expect((await t.http.post('/login').type('form').send({ username: 'x@example.test', password: 'no' })).status).toBe(401);
    const throttled = await t.http.post('/login').type('form').send({ username: 'x@example.test', password: 'no' });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ detail: 'Too Many Requests' });
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await t.http.post('/login/api_key').send({ api_key: 'sk-whatever-whatever-whatever-whatever' })).status).toBe(429);
  });
});
