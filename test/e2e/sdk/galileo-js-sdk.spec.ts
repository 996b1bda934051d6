import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GalileoConfig,
  Scorers,
  createCustomCodeMetric,
  createCustomLlmMetric,
  createMetricConfigs,
  deleteMetric,
  disableLogging,
  enableMetrics,
  getScorerVersion,
  getScorers,
} from 'galileo';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/**
 * Galileo's JavaScript SDK (npm `galileo` 1.33.1, pinned), used as its README shows: the environment
 * says where the server is and who calls, then the top-level functions do the rest (each starts by
 * looking up — or creating — project "default" and its log stream "default").
 */
describe('Galileo JavaScript SDK 1.33.1, configured by its environment variables', () => {
  let t: TestApp;
  let tenant: Tenant;
  let codeDir: string;
  const saved = { ...process.env };
  const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

  const useEnvironment = (variables: Record<string, string>) => {
    for (const name of ['GALILEO_API_KEY', 'GALILEO_USERNAME', 'GALILEO_PASSWORD', 'GALILEO_PROJECT', 'GALILEO_LOG_STREAM'])
      delete process.env[name];
    Object.assign(process.env, { GALILEO_API_URL: t.baseUrl, ...variables });
    GalileoConfig.reset();
  };

  beforeAll(async () => {
    disableLogging();
    t = await startTestApp();
    tenant = await createTenant(t.app, 'js-sdk');
    codeDir = mkdtempSync(join(tmpdir(), 'scorekeeper-code-'));
  });
  afterAll(async () => {
    process.env = saved;
    GalileoConfig.reset();
    rmSync(codeDir, { recursive: true, force: true });
    await t.close();
  });
  beforeEach(() => useEnvironment({ GALILEO_API_KEY: tenant.apiKey }));

  it('createCustomLlmMetric stores the scorer and a version whose prompt reads back', async () => {
    const name = unique('Politeness');
    const userPrompt = 'Is the answer polite? {output}';
    const created = await createCustomLlmMetric({ name, userPrompt, modelName: 'gpt-4.1-mini', numJudges: 5, tags: ['tone'] });
    expect(created).toMatchObject({ version: 1, modelName: 'gpt-4.1-mini', numJudges: 5, cotEnabled: true });
    expect(created.generatedScorer).toMatchObject({ name, userPrompt, chainPollTemplate: { template: '' } });

    const [scorer] = await getScorers({ names: [name] });
    expect(scorer).toMatchObject({ id: created.scorerId, name, scorerType: 'llm', tags: ['tone'], outputType: 'boolean' });
    expect(scorer.latestVersion).toMatchObject({ version: 1, generatedScorer: { userPrompt } });
    const read = await getScorerVersion(created.scorerId, 1);
    expect(read).toMatchObject({ id: created.id, generatedScorer: { userPrompt, name } });

    // Their start-up made project "default" and its log stream "default", once.
    const projects = await t.http.get('/projects?project_name=default&type=gen_ai').set(tenant.galileoKey);
    expect(projects.body).toHaveLength(1);
    const streams = await t.http.get(`/projects/${projects.body[0].id}/log_streams`).set(tenant.galileoKey);
    expect(streams.body.map((stream: { name: string }) => stream.name)).toEqual(['default']);
  });

  it('Scorers lists by name and type; deleteMetric removes a metric by name', async () => {
    const name = unique('Brevity');
    const created = await createCustomLlmMetric({ name, userPrompt: 'Short? {output}' });
    const scorers = new Scorers();
    expect((await scorers.list({ name })).map((scorer) => scorer.id)).toEqual([created.scorerId]);
    expect((await scorers.list({ name, types: ['code' as never] })).length).toBe(0);
    expect((await scorers.getScorerVersion(created.scorerId, 1)).version).toBe(1);
    const direct = await scorers.create({
      name: `${name} direct`,
      scorerType: 'llm' as never,
      defaults: { model_name: 'gpt-4o' } as never,
    });
    const version = await scorers.createLlmScorerVersion({ scorerId: direct.id, instructions: 'Be brief', userPrompt: 'Short? {output}' });
    expect(version.generatedScorer).toMatchObject({ instructions: 'Be brief', userPrompt: 'Short? {output}' });
    await scorers.delete(direct.id);
    expect(await scorers.list({ name: `${name} direct` })).toEqual([]);

    await deleteMetric({ name });
    expect(await getScorers({ names: [name] })).toEqual([]);
    await expect(deleteMetric({ name })).rejects.toThrow(`Scorer with name ${name} not found.`);
  });

  it('createCustomCodeMetric validates the file (never running it) and stores it with a version', async () => {
    const name = unique('Length');
    const code = 'def scorer_fn(step_object, **kwargs) -> float:\n    return float(len(step_object.output or ""))\n';
    const path = join(codeDir, 'length.py');
    writeFileSync(path, code);
    const version = await createCustomCodeMetric({ name, codePath: path, nodeLevel: 'llm' as never, pollIntervalMs: 50 });
    expect(version).toMatchObject({ version: 1 });

    const [scorer] = await getScorers({ names: [name] });
    expect(scorer).toMatchObject({ id: version.scorerId, scorerType: 'code' });
    const stored = await t.http.get(`/scorers/${version.scorerId}/version/code`).set(tenant.galileoKey);
    expect(stored.status).toBe(200);
    expect(stored.body).toBe(code);

    const broken = join(codeDir, 'broken.py');
    writeFileSync(broken, 'def score(x):\n    return 1\n');
    await expect(
      createCustomCodeMetric({ name: unique('Broken'), codePath: broken, nodeLevel: 'llm' as never, pollIntervalMs: 50 }),
    ).rejects.toThrow(/Code metric validation failed: .*scorer_fn/);
  });

  it('enableMetrics and createMetricConfigs enable metrics on a log stream, pinned versions included', async () => {
    const name = unique('Helpfulness');
    await createCustomLlmMetric({ name, userPrompt: 'Helpful? {output}' });
    await createCustomLlmMetric({ name: `${name} v`, userPrompt: 'Helpful, version pinned? {output}' });
    const projectName = unique('Support bot');
    useEnvironment({ GALILEO_API_KEY: tenant.apiKey, GALILEO_PROJECT: projectName, GALILEO_LOG_STREAM: 'production' });

    const local = await enableMetrics({ metrics: [name, { name: `${name} v`, version: 1 }] });
    expect(local).toEqual([]);

    const project = (await t.http.get(`/projects?project_name=${encodeURIComponent(projectName)}&type=gen_ai`).set(tenant.galileoKey))
      .body[0];
    const stream = (await t.http.get(`/projects/${project.id}/log_streams`).set(tenant.galileoKey)).body.find(
      (s: { name: string }) => s.name === 'production',
    );
    const settings = await t.http.get(`/projects/${project.id}/runs/${stream.id}/scorer-settings`).set(tenant.galileoKey);
    expect(settings.status).toBe(200);
    expect(settings.body.scorers.map((s: { name: string }) => s.name)).toEqual([name, `${name} v`]);
    expect(settings.body.scorers[0].scorer_version).toBeNull();
    expect(settings.body.scorers[1].scorer_version).toMatchObject({
      version: 1,
      generated_scorer: { user_prompt: 'Helpful, version pinned? {output}' },
    });

    const [configs] = await createMetricConfigs(project.id, stream.id, [`${name} v`]);
    expect(configs.map((config) => config.name)).toEqual([`${name} v`]);
    const after = await t.http.get(`/projects/${project.id}/runs/${stream.id}/scorer-settings`).set(tenant.galileoKey);
    expect(after.body.scorers.map((s: { name: string }) => s.name)).toEqual([`${name} v`]);

    await expect(enableMetrics({ metrics: ['no such metric'] })).rejects.toThrow(
      "One or more non-existent metrics are specified: 'no such metric'",
    );
  });

  it('signs in with GALILEO_USERNAME and GALILEO_PASSWORD too', async () => {
    useEnvironment({ GALILEO_USERNAME: tenant.email, GALILEO_PASSWORD: tenant.password });
    const name = unique('By password');
    const created = await createCustomLlmMetric({ name, userPrompt: 'p' });
    expect((await getScorers({ names: [name] }))[0].id).toBe(created.scorerId);
  });
});
