import { randomUUID } from 'node:crypto';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import { createEvaluator, postScore } from '../support/scores';
import { type Tenant, createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';
import { CODE, type Owned } from './tenancy-routes';
import { ROUTES } from './tenancy-table';

describe('tenancy: nobody sees another organization’s data', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let owned: Owned;
  let fingerprints: string[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createTenant(t.app, 'org-a');
    b = await createTenant(t.app, 'org-b');
    const tag = `secret-tag-${randomUUID().slice(0, 8)}`;
    const scorer = await t.http
      .post('/v2/scorers')
      .set(a.galileoKey)
      .send({ name: 'A private scorer', scorer_type: 'llm', tags: [tag] });
    await t.http.post(`/v2/scorers/${scorer.body.id}/version/preset`).set(a.galileoKey).send({});
    const datasetId = randomUUID();
    await t.http
      .post(`/v2/scorers/${scorer.body.id}/versions/1/health-scores`)
      .set(a.galileoKey)
      .send({ dataset_id: datasetId, health_score_type: 'f1', score: 0.5 });
    const evaluator = await createEvaluator(t, a, {
      score_value_type: 'numerical',
      evaluator_slug: `a_private_${randomUUID().slice(0, 6)}`,
    });
    const projectName = `A private project ${randomUUID().slice(0, 8)}`;
    const project = await t.http.post('/projects').set(a.galileoKey).send({ name: projectName });
    const stream = await t.http.post(`/projects/${project.body.id}/log_streams`).set(a.galileoKey).send({ name: 'A stream' });
    const enabled = await t.http
      .post(`/projects/${project.body.id}/runs/${stream.body.id}/scorer-settings`)
      .set(a.galileoKey)
      .send({ run_id: stream.body.id, scorers: [{ id: scorer.body.id, scorer_type: 'llm' }] });
    expect(enabled.status).toBe(200);
    const task = await t.http.post('/scorers/code/validate').set(a.galileoKey).attach('file', Buffer.from(CODE), 'scorer.py');
    expect(task.status).toBe(200);
    const logId = `log-a-${randomUUID()}`;
    const score = await postScore(t, a, { evaluator_id: evaluator.id, log_id: logId, numerical_value: 3, inputs: { secret: 'A only' } });
    expect(score.status).toBe(201);
    owned = {
      scorerId: scorer.body.id,
      evaluatorId: evaluator.id,
      evaluatorSlug: evaluator.evaluator_slug,
      scoreId: score.body.id,
      logId,
      datasetId,
      tag,
      userId: a.userId,
      apiKeyId: a.apiKeyId,
      projectId: project.body.id,
      projectName,
      logStreamId: stream.body.id,
      taskId: task.body.task_id,
    };
    fingerprints = [
      owned.scorerId,
      owned.evaluatorId,
      owned.scoreId,
      owned.userId,
      owned.apiKeyId,
      owned.projectId,
      owned.logStreamId,
      owned.taskId,
      tag,
      'A private scorer',
      'A only',
      a.email,
    ];
  });
  afterAll(() => t.close());

  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.template}`, route] as const))('%s', async (_name, route) => {
    for (const credentials of [b.galileoKey, b.bearerKey]) {
      if (route.template.startsWith('/api/') && credentials === b.galileoKey) continue;
      let request = t.http[route.method](route.path(owned)).set(credentials);
      if (route.body) request = request.send(route.body(owned) as object);
      if (route.form) {
        for (const [name, value] of Object.entries(route.form.fields)) request = request.field(name, value);
        request = request.attach('file', Buffer.from(route.form.file), 'scorer.py');
      }
      const res = await request;
      if (route.expect === 'collection') expect(res.status).toBeLessThan(300);
      else expect(res.status).toBe(route.expect);
      // B may read back what it sent itself (a 400 naming the id it gave), nothing else of A's.
      const sent = route.path(owned) + JSON.stringify(route.body?.(owned) ?? '');
      const text = JSON.stringify(res.body) + (res.text ?? '');
      for (const fingerprint of fingerprints.filter((value) => !sent.includes(value))) expect(text).not.toContain(fingerprint);
    }
  });

  it("leaves organization A's resources as they were", async () => {
    const scorer = await t.http.get(`/v2/scorers/${owned.scorerId}`).set(a.galileoKey);
    expect(scorer.body).toMatchObject({ name: 'A private scorer', latest_version: { version: 1 } });
    const evaluator = await t.http.get(`/api/evaluators/${owned.evaluatorId}/`).set(a.bearerKey);
    expect(evaluator.status).toBe(200);
    const score = await t.http.get(`/api/scores/${owned.scoreId}/`).set(a.bearerKey);
    expect(score.body).toMatchObject({ numerical_value: 3, inputs: { secret: 'A only' } });
    const health = await t.http.get(`/v2/scorers/${owned.scorerId}/health-scores?dataset_id=${owned.datasetId}`).set(a.galileoKey);
    expect(health.body.scores).toHaveLength(1);
    const keys = await t.http.get(`/v2/users/${a.userId}/api_keys`).set(a.galileoKey);
    expect(keys.body.api_keys.map((key: { id: string }) => key.id)).toContain(owned.apiKeyId);
    const streams = await t.http.get(`/v2/projects/${owned.projectId}/log_streams`).set(a.galileoKey);
    expect(streams.body.map((stream: { name: string }) => stream.name)).toEqual(['A stream']);
    const enabled = await t.http.get(`/v2/projects/${owned.projectId}/runs/${owned.logStreamId}/scorer-settings`).set(a.galileoKey);
    expect(enabled.body.scorers.map((scorer: { id: string }) => scorer.id)).toEqual([owned.scorerId]);
    const task = await t.http.get(`/v2/scorers/code/validate/${owned.taskId}`).set(a.galileoKey);
    expect(task.body.status).toBe('completed');
  });

  it("refuses B's settings that name A's scorer, in B's own project (404, nothing stored)", async () => {
    const project = await t.http.post('/v2/projects').set(b.galileoKey).send({ name: 'B settings project' });
    const run = randomUUID();
    const res = await t.http
      .post(`/v2/projects/${project.body.id}/runs/${run}/scorer-settings`)
      .set(b.galileoKey)
      .send({ run_id: run, scorers: [{ id: owned.scorerId, scorer_type: 'llm' }] });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `Scorer ${owned.scorerId} not found` });
    const read = await t.http.get(`/v2/projects/${project.body.id}/runs/${run}/scorer-settings`).set(b.galileoKey);
    expect(read.body).toEqual({ scorers: [], segment_filters: null, run_id: run });
  });

  it('covers every authenticated operation of the OpenAPI document', async () => {
    const document = await generateOpenApiDocument();
    const authenticated = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown[] }>)
        .filter(([, operation]) => (operation.security ?? []).length > 0 && !path.startsWith('/login'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(ROUTES.map((route) => `${route.method.toUpperCase()} ${route.template}`).sort()).toEqual(authenticated.sort());
  });
});
