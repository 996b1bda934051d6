import { MikroORM } from '@mikro-orm/core';
import { GALILEO_API_VERSION, PACKAGE_VERSION } from '../../../src/common/version';
import { type TestApp, startTestApp } from '../../support/test-app';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("GET /healthcheck answers in Galileo's shape without credentials, under every alias", async () => {
    for (const path of ['/healthcheck', '/v2/healthcheck', '/public/v2/healthcheck']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ api_version: GALILEO_API_VERSION, message: 'ok', version: PACKAGE_VERSION });
    }
  });

  it('/health/live and /health/ready are up while the database answers', async () => {
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.database.status).toBe('up');
  });

  it('/health/ready is 503 while the database fails or does not answer, and recovers with it', async () => {
    const connection = t.app.get(MikroORM).em.getConnection();
    const failing = jest.spyOn(connection, 'execute').mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const refused = await t.http.get('/health/ready');
    expect(refused.status).toBe(503);
    expect(refused.body.details.database).toEqual({ status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect((await t.http.get('/health/live')).status).toBe(200);

    failing.mockReturnValue(new Promise(() => undefined));
    const hanging = await t.http.get('/health/ready');
    expect(hanging.status).toBe(503);
    expect(hanging.body.details.database.message).toMatch(/no answer within/);

    failing.mockRestore();
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});
