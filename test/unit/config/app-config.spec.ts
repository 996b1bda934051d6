import { ConfigError, loadConfig } from '../../../src/config/app-config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 8088', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8088);
    expect(config.database.kind).toBe('pglite');
    expect(config.corsOrigins).toEqual([]);
    expect(config.rateLimit).toEqual({ perKeyPerMinute: 0, perIpPerMinute: 0, loginPerMinute: 10 });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/sk', DATABASE_POOL_MAX: '4' });
    expect(config.database).toMatchObject({ kind: 'postgresql', url: 'postgres://u:p@db:5432/sk', poolMax: 4 });
  });

  it('reads DATABASE_REPLICA_URLS as a list of replicas of the PostgreSQL server', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/sk',
      DATABASE_REPLICA_URLS: 'postgres://u:p@replica-a:5432/sk, postgresql://u:p@replica-b/sk',
      DATABASE_REPLICA_MAX_WAIT_MS: '250',
    });
    expect(config.database).toMatchObject({
      kind: 'postgresql',
      replicas: { urls: ['postgres://u:p@replica-a:5432/sk', 'postgresql://u:p@replica-b/sk'], maxWaitMs: 250 },
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/sk' }).database).toMatchObject({ replicas: { urls: [], maxWaitMs: 100 } });
  });

  it('refuses replicas without DATABASE_URL, and replica URLs that are not postgres:// ones (without echoing them)', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://replica/sk' })).toThrow(/DATABASE_REPLICA_URLS needs DATABASE_URL/);
    // A fake password: the test checks it is never echoed.
    // secretlint-disable-next-line
    const bad = { DATABASE_URL: 'postgres://db/sk', DATABASE_REPLICA_URLS: 'postgres://u:s3cret@replica/sk,http://u:s3cret@x/y' };
    expect(() => loadConfig(bad)).toThrow(/^Invalid configuration: DATABASE_REPLICA_URLS must be a comma-separated list of postgres:/);
    expect(() => loadConfig(bad)).not.toThrow(/s3cret/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/sk', DATABASE_REPLICA_MAX_WAIT_MS: '-1' })).toThrow(
      /DATABASE_REPLICA_MAX_WAIT_MS/,
    );
  });

  it('puts the embedded database under SCOREKEEPER_DATA_DIR', () => {
    const config = loadConfig({ SCOREKEEPER_DATA_DIR: '/var/lib/sk' });
    expect(config.database).toMatchObject({ kind: 'pglite', dataDir: '/var/lib/sk/pglite' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 0 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535 (got "70000")'],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX must be an integer between 1 and 200'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [
      { SCOREKEEPER_ADMIN_EMAIL: 'not-an-email', SCOREKEEPER_ADMIN_PASSWORD: 'long enough' },
      'SCOREKEEPER_ADMIN_EMAIL must be an e-mail address',
    ],
    [{ SCOREKEEPER_ADMIN_EMAIL: 'a@b.example' }, 'SCOREKEEPER_ADMIN_PASSWORD is required when SCOREKEEPER_ADMIN_EMAIL is set'],
    [{ SCOREKEEPER_JWT_SECRET: 'short' }, 'SCOREKEEPER_JWT_SECRET must be at least 32 characters long'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('does not echo secrets it refuses', () => {
    expect(() => loadConfig({ DATABASE_URL: 'http://user:s3cret@host/db' })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a postgres/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'http://user:s3cret@host/db' })).not.toThrow(/s3cret/);
  });

  it('lists every bad variable on one line', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/^Invalid configuration: PORT .*; LOG_LEVEL .*$/);
  });

  it('requires SCOREKEEPER_JWT_SECRET in production on PostgreSQL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sk' })).toThrow(/SCOREKEEPER_JWT_SECRET is required/);
    expect(loadConfig({ NODE_ENV: 'production' }).database.kind).toBe('pglite');
  });
});
