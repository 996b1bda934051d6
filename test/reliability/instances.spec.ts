import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerProcess } from '../support/server-process';
import { BUDGET } from './support/budget';
import { recordFigures } from './support/figures';
import { type HttpResult, keepAlive, send } from './support/http';
import { ADMIN, createLoadFixture, newApiKey, serverEnv, spawnServer, stopServer } from './support/server-fixture';
import { type OwnDatabase, createDatabase, query } from './support/services';
import type { LoadFixture } from './support/write-load';

const agent = keepAlive(16);
afterAll(() => agent.destroy());

describe('two instances on one PostgreSQL database', () => {
  let database: OwnDatabase;
  let apiKey: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let fixture: LoadFixture;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    database = await createDatabase('instances');
    apiKey = newApiKey();
    // Both start at once on an empty database: migrations and the administrator bootstrap race.
    const started = await Promise.allSettled([spawnServer(serverEnv(database.url, apiKey)), spawnServer(serverEnv(database.url, apiKey))]);
    [a, b] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as ServerProcess[];
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    fixture = await createLoadFixture(a, apiKey);
  });
  afterAll(async () => {
    for (const server of [a, b]) if (server) await stopServer(server);
    await database?.drop();
    recordFigures('instances', 'two instances, one database', figures);
  });

  const bearer = () => ({ Authorization: `Bearer ${apiKey}` });
  const call = (server: ServerProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = bearer()) =>
    send(server.baseUrl, { method, path, body, headers, agent, timeoutMs: 30_000 });

  it('both started on the empty database, and both serve', async () => {
    for (const server of [a, b]) expect((await call(server, 'GET', '/health/ready')).status).toBe(200);
    const [{ users }] = await query<{ users: number }>(database.url, 'select count(*)::int as users from users where email = $1', [
      ADMIN.email,
    ]);
    expect(users).toBe(1);
  });

  it('keeps both of two concurrent PATCHes of different fields, one on each instance', async () => {
    for (let round = 0; round < BUDGET.instanceRounds; round++) {
      const created = await call(a, 'POST', '/api/scores/', {
        evaluator_slug: 'two_instances',
        log_id: `patch-${randomUUID()}`,
        string_value: 'start',
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const [left, right] = await Promise.all([
        call(a, 'PATCH', `/api/scores/${id}/`, { string_value: `a-${round}` }),
        call(b, 'PATCH', `/api/scores/${id}/`, { boolean_value: round % 2 === 0 }),
      ]);
      expect([left.status, right.status]).toEqual([200, 200]);
      const stored = await call(b, 'GET', `/api/scores/${id}/`);
      expect(stored.body).toMatchObject({ string_value: `a-${round}`, boolean_value: round % 2 === 0 });
      expect(stored.headers.etag).toBe('"3"');
    }
    figures.concurrentPatchPairs = BUDGET.instanceRounds;
  });

  it('upserts one health score per (version, dataset, type) when both instances write it at once', async () => {
    const writes = 6;
    for (let round = 0; round < BUDGET.instanceRounds; round++) {
      const datasetId = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: writes }, (_, i) =>
          call(
            i % 2 ? a : b,
            'POST',
            `/v2/scorers/${fixture.scorerId}/versions/1/health-scores`,
            { dataset_id: datasetId, health_score_type: 'f1', score: i / 10 },
            { 'Galileo-API-Key': apiKey },
          ),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(writes).fill(200));
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      const rows = await query<{ id: string; score: number }>(database.url, 'select id, score from health_scores where dataset_id = $1', [
        datasetId,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe(answers[0].body.id);
      expect(answers.map((res) => res.body.score)).toContain(rows[0].score);
    }
    figures.concurrentHealthUpserts = BUDGET.instanceRounds * writes;
  });

  it('replays an Idempotency-Key sent to both instances at once: one score, one answer', async () => {
    const replays = 4;
    for (let round = 0; round < BUDGET.instanceRounds; round++) {
      const key = randomUUID();
      const logId = `idem-${key}`;
      const body = { evaluator_slug: fixture.evaluatorSlug, log_id: logId, numerical_value: round };
      const answers: HttpResult[] = await Promise.all(
        Array.from({ length: replays }, (_, i) =>
          call(i % 2 ? a : b, 'POST', '/api/scores/', body, { ...bearer(), 'Idempotency-Key': key }),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(replays).fill(201));
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      const [{ n }] = await query<{ n: number }>(database.url, 'select count(*)::int as n from scores where log_id = $1', [logId]);
      expect(n).toBe(1);
    }
    figures.concurrentIdempotentReplays = BUDGET.instanceRounds * replays;
  });

  it('keeps one score per (log, evaluator, caller) when both instances upsert it at once', async () => {
    const writes = 4;
    for (let round = 0; round < BUDGET.instanceRounds; round++) {
      const logId = `upsert-${randomUUID()}`;
      const answers = await Promise.all(
        Array.from({ length: writes }, (_, i) =>
          call(i % 2 ? a : b, 'POST', `/api/logs/${logId}/scores/`, { evaluator_slug: fixture.evaluatorSlug, numerical_value: i }),
        ),
      );
      expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
      const revisions = await query<{ revision: number }>(
        database.url,
        'select r.revision from score_revisions r join scores s on s.organization_id = r.organization_id and s.id = r.score_id where s.log_id = $1 order by 1',
        [logId],
      );
      expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
    }
    figures.concurrentLogUpserts = BUDGET.instanceRounds * writes;
  });
});

describe('instances starting at once on a fresh database', () => {
  it.each(Array.from({ length: BUDGET.startRaces }, (_, i) => i + 1))('round %i: both migrate, bootstrap and serve', async () => {
    const database = await createDatabase('start');
    const apiKey = newApiKey();
    const started = await Promise.allSettled([spawnServer(serverEnv(database.url, apiKey)), spawnServer(serverEnv(database.url, apiKey))]);
    try {
      expect(started.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const [{ keys }] = await query<{ keys: number }>(database.url, 'select count(*)::int as keys from api_keys');
      expect(keys).toBe(1);
    } finally {
      for (const result of started) if (result.status === 'fulfilled') await stopServer(result.value);
      await database.drop();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

(redisUrl ? describe : describe.skip)('two instances sharing rate-limit counters on Redis (REDIS_URL)', () => {
  let database: OwnDatabase;
  let apiKey: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createDatabase('redis');
    apiKey = newApiKey();
    const env = serverEnv(database.url, apiKey, {
      REDIS_URL: redisUrl as string,
      RATE_LIMIT_PER_KEY_PER_MINUTE: '10',
      RATE_LIMIT_LOGIN_PER_MINUTE: '4',
      TRUST_PROXY: 'true',
    });
    a = await spawnServer(env);
    b = await spawnServer(env);
  });
  afterAll(async () => {
    for (const server of [a, b]) if (server) await stopServer(server);
    await database?.drop();
  });

  it('lets a key make 10 requests a minute in all, whichever instance serves them', async () => {
    // A key of its own: counters outlive a run by up to a minute.
    const created = await send(a.baseUrl, { method: 'POST', path: '/login/api_key', body: { api_key: apiKey } });
    const jwt = created.body.access_token;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await send((i % 2 ? a : b).baseUrl, {
        method: 'GET',
        path: '/v2/scorers/tags',
        headers: { Authorization: `Bearer ${jwt}` },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    recordFigures('instances', 'per-key limit shared on Redis', { limit: 10, requests: 20, served: 10, throttled: 10 });
  });

  it('counts failed sign-ins of an address across instances', async () => {
    const address = { 'X-Forwarded-For': `10.${randomBytes(3).join('.')}` };
    const login = (server: ServerProcess, password: string) =>
      send(server.baseUrl, {
        method: 'POST',
        path: '/login',
        headers: { ...address, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: ADMIN.email, password }).toString(),
      });
    for (let i = 0; i < 4; i++) expect((await login(i % 2 ? a : b, 'wrong')).status).toBe(401);
    expect((await login(a, ADMIN.password)).status).toBe(429);
    expect((await login(b, ADMIN.password)).status).toBe(429);
  });

  it('lets a parallel burst of guesses across both instances check at most the limit (4) of passwords', async () => {
    const address = { 'X-Forwarded-For': `10.${randomBytes(3).join('.')}` };
    const basic = { Authorization: `Basic ${Buffer.from(`${ADMIN.email}:wrong`).toString('base64')}` };
    const guesses = Array.from({ length: 40 }, (_, i) => {
      const server = i % 2 ? a : b;
      return i % 4 < 2
        ? send(server.baseUrl, {
            method: 'POST',
            path: '/login',
            headers: { ...address, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ username: ADMIN.email, password: `wrong-${i}` }).toString(),
          })
        : send(server.baseUrl, { method: 'GET', path: '/v2/scorers/tags', headers: { ...address, ...basic } });
    });
    const statuses = (await Promise.all(guesses)).map((res) => res.status);
    // Every 401 is a password checked and refused; a 429 checked nothing.
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(36);
    recordFigures('instances', 'sign-in burst shared on Redis', { limit: 4, guesses: 40, passwordsChecked: 4, throttled: 36 });
  });
});
