import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { IdentityCredentialStore } from '../../../src/identity/identity-credential-store';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const GALILEO_ROUTE = '/v2/scorers/tags';
const RESPAN_ROUTE = '/api/evaluators/';

const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
const basicBytes = (bytes: Buffer) => ({ Authorization: `Basic ${bytes.toString('base64')}` });

/** Credentials the database cannot take as text (NUL, lone surrogates) or that name nothing that can exist, on every mechanism. */
describe('hostile credentials are refused as wrong credentials (401), before any query, never a 500', () => {
  let t: TestApp;
  let tenant: Tenant;
  const lookups = {
    signIn: jest.spyOn(IdentityCredentialStore.prototype, 'userForSignIn'),
    user: jest.spyOn(IdentityCredentialStore.prototype, 'user'),
    keys: jest.spyOn(IdentityCredentialStore.prototype, 'apiKeysWithPrefix'),
  };
  const lookupCount = () => Object.values(lookups).reduce((sum, spy) => sum + spy.mock.calls.length, 0);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'hostile');
  });
  afterAll(async () => {
    Object.values(lookups).forEach((spy) => spy.mockRestore());
    await t.close();
  });
  beforeEach(() => Object.values(lookups).forEach((spy) => spy.mockClear()));

  const expectGalileoRefusal = (res: { status: number; body: unknown; headers: Record<string, string> }) => {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Not authenticated' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  };

  it.each([
    ['a NUL in the user name', () => basic(`${tenant.email}\u0000`, tenant.password)],
    ['only a NUL as the user name', () => basic('\u0000', 'x')],
    ['a NUL inside the user name', () => basic('a\u0000b@example.test', 'x')],
    ['an encoded lone surrogate (CESU-8) in the user name', () => basicBytes(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x3a, 0x78]))],
    ['invalid UTF-8 in the user name', () => basicBytes(Buffer.from([0xff, 0xfe, 0x3a, 0x78]))],
  ])('HTTP Basic with %s', async (_case, headers) => {
    expectGalileoRefusal(await t.http.get(GALILEO_ROUTE).set(headers()));
    expect(lookups.signIn).not.toHaveBeenCalled();
  });

  it('HTTP Basic with a NUL after the right password (which HMAC-based hashes cannot tell apart)', async () => {
    expectGalileoRefusal(await t.http.get(GALILEO_ROUTE).set(basic(tenant.email, `${tenant.password}\u0000`)));
    expect((await t.http.get(GALILEO_ROUTE).set(basic(tenant.email, tenant.password))).status).toBe(200);
  });

  it.each([
    ['a NUL', `sk-${'a'.repeat(30)}\u0000`],
    ['a lone surrogate', `sk-${'a'.repeat(30)}\ud800`],
    ['non-ASCII text', `sk-${'é'.repeat(40)}`],
  ])('/login/api_key with %s in the key', async (_case, apiKey) => {
    const res = await t.http.post('/login/api_key').send({ api_key: apiKey });
    expect([401, 422]).toContain(res.status);
    expect(lookups.keys).not.toHaveBeenCalled();
  });

  it.each([
    ['a NUL in the user name', `username=a%00b%40example.test&password=x`],
    ['a NUL after the right password', () => `username=${encodeURIComponent(tenant.email)}&password=${tenant.password}%00`],
  ])('/login with %s', async (_case, form) => {
    const res = await t.http
      .post('/login')
      .type('form')
      .send(typeof form === 'string' ? form : form());
    expect([401, 422]).toContain(res.status);
    expect(res.body.access_token).toBeUndefined();
    expect(lookups.signIn).not.toHaveBeenCalled();
  });

  it('Latin-1 bytes in an API-key header or a bearer token', async () => {
    expect((await t.http.get(GALILEO_ROUTE).set('Galileo-API-Key', `sk-${'\u00e9'.repeat(40)}`)).status).toBe(401);
    const respan = await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${'\u00ff'.repeat(40)}`);
    expect(respan.status).toBe(401);
    expect(lookups.keys).not.toHaveBeenCalled();
  });

  describe('a correctly signed JWT whose claims name nothing that can exist', () => {
    const sign = (claims: Record<string, unknown>) => t.app.get(JwtService).sign(claims);

    it.each([
      ['a sub that is not a UUID', () => ({ sub: 'not-a-uuid', org: tenant.organizationId })],
      ['an org that is not a UUID', () => ({ sub: tenant.userId, org: "x' or 1=1 --" })],
      ['a numeric sub', () => ({ sub: 42, org: tenant.organizationId })],
      ['an object org', () => ({ sub: tenant.userId, org: { $ne: null } })],
      ['a NUL in sub', () => ({ sub: `${tenant.userId}\u0000`, org: tenant.organizationId })],
      ['a key that is not a UUID', () => ({ sub: tenant.userId, org: tenant.organizationId, key: 'k' })],
      ['no org', () => ({ sub: tenant.userId })],
    ])('%s', async (_case, claims) => {
      const token = sign(claims());
      expectGalileoRefusal(await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${token}`));
      const respan = await t.http.get(RESPAN_ROUTE).set('Authorization', `Bearer ${token}`);
      expect(respan.status).toBe(401);
      expect(respan.body).toEqual({ detail: 'Invalid token.' });
      expect(lookupCount()).toBe(0);
    });

    it.each([
      ['an unknown user', () => ({ sub: randomUUID(), org: tenant.organizationId })],
      ['another organization', () => ({ sub: tenant.userId, org: randomUUID() })],
      ['an unknown key', () => ({ sub: tenant.userId, org: tenant.organizationId, key: randomUUID() })],
    ])('UUIDs of %s', async (_case, claims) => {
      expectGalileoRefusal(await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${sign(claims())}`));
    });

    it('while the same token with the user’s own ids is accepted', async () => {
      const token = sign({ sub: tenant.userId, org: tenant.organizationId });
      expect((await t.http.get(GALILEO_ROUTE).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    });
  });
});
