import { randomUUID } from 'node:crypto';
import { runScorerSettingsResponseFromJSON } from 'galileo-generated/models';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

describe('scorer settings of a run (contract §8): POST replaces, PATCH merges', () => {
  let t: TestApp;
  let tenant: Tenant;
  let projectId: string;
  const scorers: Record<string, { id: string; versions: { id: string; version: number }[] }> = {};

  const send = (method: 'get' | 'post' | 'patch', run: string, body?: object) => {
    const request = t.http[method](`/projects/${projectId}/runs/${run}/scorer-settings`).set(tenant.galileoKey);
    return body ? request.send(body) : request;
  };
  const names = (body: { scorers: { name: string }[] }) => body.scorers.map((scorer) => scorer.name);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'settings');
    projectId = (await t.http.post('/projects').set(tenant.galileoKey).send({ name: 'Settings' })).body.id;
    for (const name of ['Relevance', 'Safety', 'Tone']) {
      const scorer = (await t.http.post('/scorers').set(tenant.galileoKey).send({ name, scorer_type: 'llm', model_type: 'llm' })).body;
      const versions = [];
      for (const prompt of ['first', 'second']) {
        versions.push((await t.http.post(`/scorers/${scorer.id}/version/llm`).set(tenant.galileoKey).send({ user_prompt: prompt })).body);
      }
      scorers[name] = { id: scorer.id, versions };
    }
  });
  afterAll(() => t.close());

  it('starts empty, is replaced by POST, merged by PATCH, cleared by an empty POST', async () => {
    const run = randomUUID();
    expect((await send('get', run)).body).toEqual({ scorers: [], segment_filters: null, run_id: run });

    const posted = await send('post', run, {
      run_id: run,
      scorers: [
        { id: scorers.Relevance.id, scorer_type: 'llm', num_judges: 5, cot_enabled: true },
        { id: scorers.Safety.id, scorer_type: 'llm', scorer_version: scorers.Safety.versions[0] },
      ],
    });
    expect(posted.status).toBe(200);
    expect(runScorerSettingsResponseFromJSON(posted.text).ok).toBe(true);
    expect(posted.body.scorers).toEqual([
      expect.objectContaining({
        id: scorers.Relevance.id,
        name: 'Relevance',
        scorer_type: 'llm',
        model_type: 'llm',
        num_judges: 5,
        cot_enabled: true,
        scorer_version: null,
      }),
      expect.objectContaining({
        id: scorers.Safety.id,
        num_judges: null,
        scorer_version: expect.objectContaining({
          id: scorers.Safety.versions[0].id,
          version: 1,
          generated_scorer: expect.objectContaining({ user_prompt: 'first' }),
        }),
      }),
    ]);

    const patched = await send('patch', run, {
      run_id: run,
      scorers: [
        { id: scorers.Tone.id, scorer_type: 'llm' },
        { id: scorers.Relevance.id, scorer_type: 'llm', num_judges: 1 },
      ],
    });
    expect(names(patched.body)).toEqual(['Relevance', 'Safety', 'Tone']);
    expect(patched.body.scorers[0]).toMatchObject({ num_judges: 1, cot_enabled: null });
    expect(patched.body.scorers[1].scorer_version.version).toBe(1);

    expect(names((await send('patch', run, { run_id: run, scorers: null })).body)).toEqual(['Relevance', 'Safety', 'Tone']);
    expect(names((await send('patch', run, { run_id: run })).body)).toEqual(['Relevance', 'Safety', 'Tone']);
    expect((await send('get', run)).body).toEqual(patched.body);
    expect((await send('post', run, { run_id: run, scorers: [] })).body.scorers).toEqual([]);
  });

  it('keeps runs apart, and keeps one entry per scorer (the last settings given)', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    await send('post', one, { run_id: one, scorers: [{ id: scorers.Tone.id, scorer_type: 'llm' }] });
    const twice = await send('post', two, {
      run_id: two,
      scorers: [
        { id: scorers.Safety.id, scorer_type: 'llm', model_name: 'a' },
        { id: scorers.Safety.id, scorer_type: 'llm', model_name: 'b' },
      ],
    });
    expect(twice.body.scorers).toEqual([expect.objectContaining({ name: 'Safety', model_name: 'b' })]);
    expect(names((await send('get', one)).body)).toEqual(['Tone']);
  });

  it('needs scorers and pinned versions of the organization, and the run of the path', async () => {
    const run = randomUUID();
    const unknown = randomUUID();
    const missing = await send('post', run, { run_id: run, scorers: [{ id: unknown, scorer_type: 'llm' }] });
    expect({ status: missing.status, body: missing.body }).toEqual({ status: 404, body: { detail: `Scorer ${unknown} not found` } });

    const foreignVersion = { ...scorers.Tone.versions[0] };
    const wrongScorer = await send('post', run, {
      run_id: run,
      scorers: [{ id: scorers.Safety.id, scorer_type: 'llm', scorer_version: foreignVersion }],
    });
    expect(wrongScorer.status).toBe(404);
    const wrongNumber = await send('post', run, {
      run_id: run,
      scorers: [{ id: scorers.Tone.id, scorer_type: 'llm', scorer_version: { ...foreignVersion, version: 2 } }],
    });
    expect(wrongNumber.status).toBe(404);

    const otherRun = await send('post', run, { run_id: randomUUID(), scorers: [] });
    expect(otherRun.status).toBe(422);
    expect(otherRun.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'run_id'] });
    const badType = await send('post', run, { run_id: run, scorers: [{ id: scorers.Tone.id, scorer_type: 'magic' }] });
    expect(badType.body.detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'scorers', 0, 'scorer_type'] });
    expect((await send('get', run)).body.scorers).toEqual([]);
  });

  it('drops a deleted scorer from the run’s list', async () => {
    const run = randomUUID();
    const doomed = (
      await t.http
        .post('/scorers')
        .set(tenant.galileoKey)
        .send({ name: `Doomed ${run}`, scorer_type: 'llm' })
    ).body;
    await send('post', run, {
      run_id: run,
      scorers: [
        { id: doomed.id, scorer_type: 'llm' },
        { id: scorers.Tone.id, scorer_type: 'llm' },
      ],
    });
    await t.http.delete(`/scorers/${doomed.id}`).set(tenant.galileoKey);
    expect(names((await send('get', run)).body)).toEqual(['Tone']);
  });

  it('answers an unknown project with 404 at every prefix', async () => {
    const run = randomUUID();
    for (const prefix of ['', '/v2', '/public/v2']) {
      const res = await t.http.get(`${prefix}/projects/${randomUUID()}/runs/${run}/scorer-settings`).set(tenant.galileoKey);
      expect(res.status).toBe(404);
    }
  });
});
