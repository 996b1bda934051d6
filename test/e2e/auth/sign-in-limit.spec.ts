import { randomBytes } from 'node:crypto';
import * as passwords from '../../../src/auth/passwords';
import { IdentityCredentialStore } from '../../../src/identity/identity-credential-store';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const LIMIT = 10;
const BURST = 60;
const GALILEO_ROUTE = '/v2/scorers/tags';

/** A client address of its own (the app trusts X-Forwarded-For here), so tests never share a counter. */
const newAddress = () => ({ 'X-Forwarded-For': `10.${randomBytes(3).join('.')}` });

/**
 * One limit of RATE_LIMIT_LOGIN_PER_MINUTE attempts a minute per client address, shared by /login,
 * /login/api_key and HTTP Basic, reserved before the password or key is checked: a parallel burst
 * checks at most the limit's number of them, whatever the route.
 */
describe(`the sign-in limit (${LIMIT} a minute) under parallel bursts of ${BURST}`, () => {
  let t: TestApp;
  let tenant: Tenant;
  const passwordChecks = jest.spyOn(passwords, 'verifyPassword');
  const keyLookups = jest.spyOn(IdentityCredentialStore.prototype, 'apiKeysWithPrefix');

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' } });
    tenant = await createTenant(t.app, 'burst');
  });
  afterAll(async () => {
    passwordChecks.mockRestore();
    keyLookups.mockRestore();
    await t.close();
  });
  beforeEach(() => {
    passwordChecks.mockClear();
    keyLookups.mockClear();
  });

  const login = (address: Record<string, string>, password = 'wrong') =>
    t.http.post('/login').set(address).type('form').send({ username: tenant.email, password });
  const keyLogin = (address: Record<string, string>, apiKey = `sk-${randomBytes(24).toString('hex')}`) =>
    t.http.post('/login/api_key').set(address).send({ api_key: apiKey });
  const basicCall = (address: Record<string, string>, password = 'wrong') =>
    t.http
      .get(GALILEO_ROUTE)
      .set(address)
      .set('Authorization', `Basic ${Buffer.from(`${tenant.email}:${password}`).toString('base64')}`);

  type Answer = { status: number; body: unknown; headers: Record<string, string> };
  function expectBurstHeld(answers: Answer[]): void {
    const refused = answers.filter((res) => res.status === 401);
    const throttled = answers.filter((res) => res.status === 429);
    expect(refused).toHaveLength(LIMIT);
    expect(throttled).toHaveLength(BURST - LIMIT);
    for (const res of throttled) {
      expect(res.body).toEqual({ detail: 'Too Many Requests' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
  }

  it('/login: at most the limit of password checks', async () => {
    const address = newAddress();
    expectBurstHeld(await Promise.all(Array.from({ length: BURST }, () => login(address))));
    expect(passwordChecks.mock.calls.length).toBe(LIMIT);
  });

  it('/login/api_key: at most the limit of key checks', async () => {
    const address = newAddress();
    expectBurstHeld(await Promise.all(Array.from({ length: BURST }, () => keyLogin(address))));
    expect(keyLookups.mock.calls.length).toBe(LIMIT);
  });

  it('HTTP Basic: at most the limit of password checks, 429 in the Galileo dialect', async () => {
    const address = newAddress();
    expectBurstHeld(await Promise.all(Array.from({ length: BURST }, () => basicCall(address))));
    expect(passwordChecks.mock.calls.length).toBe(LIMIT);
  });

  it('one limit for the three: failures on two of them exhaust the third', async () => {
    const address = newAddress();
    await Promise.all([...Array.from({ length: 4 }, () => login(address)), ...Array.from({ length: 6 }, () => basicCall(address))]);
    const answers = await Promise.all([
      keyLogin(address, tenant.apiKey),
      login(address, tenant.password),
      basicCall(address, tenant.password),
    ]);
    expect(answers.map((res) => res.status)).toEqual([429, 429, 429]);
    expect(passwordChecks.mock.calls.length).toBe(LIMIT);
  });

  it('gives back the attempts that succeed: a correct client is never limited by its own successes', async () => {
    const address = newAddress();
    for (let i = 0; i < LIMIT - 1; i++) expect((await login(address)).status).toBe(401);
    const answers = await Promise.all(Array.from({ length: 3 * LIMIT }, (_, i) => (i % 2 ? basicCall : login)(address, tenant.password)));
    // The reservations of the successes are in flight together: one slot is left, so they pass one by one or are told to retry.
    const served = answers.filter((res) => res.status === 200);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((res) => res.status === 200 || res.status === 429)).toBe(true);
    for (let i = 0; i < 3 * LIMIT; i++) expect((await (i % 2 ? basicCall : login)(address, tenant.password)).status).toBe(200);
    expect((await login(address)).status).toBe(401);
    expect((await login(address)).status).toBe(429);
  });

  it('is off with RATE_LIMIT_LOGIN_PER_MINUTE=0 (every attempt checked)', async () => {
    const unlimited = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '0' } });
    try {
      const other = await createTenant(unlimited.app, 'unlimited');
      const answers = await Promise.all(
        Array.from({ length: 2 * LIMIT }, () => unlimited.http.post('/login').type('form').send({ username: other.email, password: 'no' })),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(2 * LIMIT).fill(401));
      expect(passwordChecks.mock.calls.length).toBe(2 * LIMIT);
    } finally {
      await unlimited.close();
    }
  });
});
