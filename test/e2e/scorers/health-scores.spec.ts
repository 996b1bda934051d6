import { randomUUID } from 'node:crypto';
import { type GalileoClient, galileoClient } from '../../support/galileo-client';
import { conforming } from '../../support/galileo-harness';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const WRITE = '/v2/scorers/{scorer_id}/versions/{version_number}/health-scores';
const READ = '/v2/scorers/{scorer_id}/health-scores';

describe('Galileo health scores', () => {
  let t: TestApp;
  let tenant: Tenant;
  let client: GalileoClient;
  let scorerId: string;
  const dataset = randomUUID();

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'health');
    client = galileoClient(t.baseUrl, tenant.galileoKey);
    scorerId = (await client.POST('/v2/scorers', { body: { name: 'Healthy', scorer_type: 'llm' } })).data!.id;
    for (let i = 0; i < 3; i++)
      await client.POST('/v2/scorers/{scorer_id}/version/preset', { params: { path: { scorer_id: scorerId } }, body: {} });
  });
  afterAll(() => t.close());

  const write = (version: number, body: Record<string, unknown>) =>
    client.POST(WRITE, { params: { path: { scorer_id: scorerId, version_number: version } }, body: body as never });

  it('writes an entry (the seed operation)', async () => {
    const entry = conforming(
      await write(2, { dataset_id: dataset, health_score_type: 'f1', score: 0.81, secondary: { precision: 0.9, recall: null } }),
      WRITE,
      'post',
    );
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scorer_version_id: expect.any(String),
      scorer_version_number: 2,
      dataset_id: dataset,
      health_score_type: 'f1',
      score: 0.81,
      secondary: { precision: 0.9, recall: null },
      computed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('replaces score, secondary and computed_at on a second write, keeping the id', async () => {
    const first = (await write(1, { dataset_id: dataset, health_score_type: 'accuracy', score: 0.5, secondary: { a: 1 } })).data!;
    const second = conforming(await write(1, { dataset_id: dataset, health_score_type: 'accuracy', score: 0.75 }), WRITE, 'post');
    expect(second).toMatchObject({ id: first.id, score: 0.75, secondary: null });
    expect(Date.parse(second.computed_at)).toBeGreaterThan(Date.parse(first.computed_at));
  });

  it('reads the entries of a dataset ordered by version ascending', async () => {
    await write(3, { dataset_id: dataset, health_score_type: 'f1', score: 0.9 });
    await write(1, { dataset_id: randomUUID(), health_score_type: 'f1', score: 0.1 });
    const body = conforming(
      await client.GET(READ, { params: { path: { scorer_id: scorerId }, query: { dataset_id: dataset } } }),
      READ,
      'get',
    );
    expect(body.scores.map((entry) => [entry.scorer_version_number, entry.health_score_type, entry.score])).toEqual([
      [1, 'accuracy', 0.75],
      [2, 'f1', 0.81],
      [3, 'f1', 0.9],
    ]);
    const none = conforming(
      await client.GET(READ, { params: { path: { scorer_id: scorerId }, query: { dataset_id: randomUUID() } } }),
      READ,
      'get',
    );
    expect(none).toEqual({ scores: [] });
  });

  it('keeps one entry per key under 20 concurrent writes', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => write(2, { dataset_id: key, health_score_type: 'race', score: i })),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.data!.id)).size).toBe(1);
    const stored = (await client.GET(READ, { params: { path: { scorer_id: scorerId }, query: { dataset_id: key } } })).data!.scores;
    expect(stored).toHaveLength(1);
    expect(answers.map((answer) => answer.data!.score)).toContain(stored[0].score);
  });

  it.each([
    [
      { health_score_type: 'f1', score: 1 },
      { type: 'missing', loc: ['body', 'dataset_id'], msg: 'Field required' },
    ],
    [
      { dataset_id: 'x', health_score_type: 'f1', score: 1 },
      { type: 'uuid_parsing', loc: ['body', 'dataset_id'] },
    ],
    [
      { dataset_id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8', health_score_type: 'f1', score: 1 },
      { type: 'uuid_version', loc: ['body', 'dataset_id'] },
    ],
    [
      { dataset_id: randomUUID(), score: 1 },
      { type: 'missing', loc: ['body', 'health_score_type'] },
    ],
    [
      { dataset_id: randomUUID(), health_score_type: 'f1' },
      { type: 'missing', loc: ['body', 'score'] },
    ],
    [
      { dataset_id: randomUUID(), health_score_type: 'f1', score: 'high' },
      { type: 'float_parsing', loc: ['body', 'score'], msg: 'Input should be a valid number, unable to parse string as a number' },
    ],
    [
      { dataset_id: randomUUID(), health_score_type: 'f1', score: 1, secondary: { p: 'x' } },
      { type: 'float_parsing', loc: ['body', 'secondary', 'p'], input: 'x' },
    ],
    [
      { dataset_id: randomUUID(), health_score_type: 'f1', score: 1, secondary: [1] },
      { type: 'dict_type', loc: ['body', 'secondary'] },
    ],
  ])('refuses %j', async (body, item) => {
    const answer = await write(1, body);
    expect(conforming(answer, WRITE, 'post', 422)).toMatchObject({ detail: [item] });
  });

  it('refuses non-finite numbers', async () => {
    for (const raw of [
      `{"dataset_id": "${randomUUID()}", "health_score_type": "f1", "score": 1e999}`,
      `{"dataset_id": "${randomUUID()}", "health_score_type": "f1", "score": 1, "secondary": {"p": -1e999}}`,
    ]) {
      const res = await t.http
        .post(`/v2/scorers/${scorerId}/versions/1/health-scores`)
        .set(tenant.galileoKey)
        .set('content-type', 'application/json')
        .send(raw);
      expect(res.status).toBe(422);
      expect(res.body.detail[0].type).toBe('finite_number');
    }
  });

  it('answers 404 naming the missing scorer or version, also for another organization', async () => {
    const noVersion = await write(9, { dataset_id: dataset, health_score_type: 'f1', score: 1 });
    expect(noVersion.error).toEqual({ detail: `Version 9 of scorer ${scorerId} not found` });
    const noScorer = await client.POST(WRITE, {
      params: { path: { scorer_id: randomUUID(), version_number: 1 } },
      body: { dataset_id: dataset, health_score_type: 'f1', score: 1 },
    });
    expect(noScorer.response.status).toBe(404);
    expect(noScorer.error).toEqual({ detail: 'Scorer not found' });
    const stranger = galileoClient(t.baseUrl, (await createTenant(t.app, 'other')).galileoKey);
    const foreignWrite = await stranger.POST(WRITE, {
      params: { path: { scorer_id: scorerId, version_number: 1 } },
      body: { dataset_id: dataset, health_score_type: 'f1', score: 0 },
    });
    expect(foreignWrite.response.status).toBe(404);
    const foreignRead = await stranger.GET(READ, { params: { path: { scorer_id: scorerId }, query: { dataset_id: dataset } } });
    expect(foreignRead.response.status).toBe(404);
    expect(
      (await client.GET(READ, { params: { path: { scorer_id: scorerId }, query: { dataset_id: dataset } } })).data!.scores[0].score,
    ).toBe(0.75);
  });

  it('requires dataset_id to read', async () => {
    const res = await t.http.get(`/v2/scorers/${scorerId}/health-scores`).set(tenant.galileoKey);
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ type: 'missing', loc: ['query', 'dataset_id'], msg: 'Field required', input: {} }]);
  });
});
