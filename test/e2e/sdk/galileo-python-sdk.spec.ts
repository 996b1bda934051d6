/**
 * Galileo's Python SDK (`galileo` 2.x) cannot be installed here, so each user-facing function's request
 * sequence is replayed as its source sends it, and every answer goes through that SDK's parsing
 * (support/sdk-parsing.ts). Replayed from rungalileo/galileo-python at a1a0821789e77b4e6ff9bd3fc8cb862fd256d2ca
 * (version 2.6.0, galileo-core ^4.5.0):
 * - start-up: src/galileo/config.py (GalileoPythonConfig.get) and galileo_core/schemas/base_config.py
 *   (GalileoConfig.set_api_url, get_jwt_token, set_validated_api_client), galileo_core/constants/routes.py;
 * - custom LLM metric: src/galileo/metrics.py (Metrics.create_custom_llm_metric, delete_metric),
 *   src/galileo/metric.py (LlmMetric.create, Metric.list, Metric.get, Metric.update, Metric.refresh),
 *   src/galileo/scorers.py (Scorers.list, _list_with_filters, list_by_labels, get_scorer_version);
 * - code metric: src/galileo/metric.py (CodeMetric._validate_code, CodeMetric.create) and
 *   resources/models/body_validate_code_scorer_scorers_code_validate_post.py (to_multipart: "None" for no list);
 * - logger: src/galileo/logger/logger.py (GalileoLogger._init_project, _init_log_stream),
 *   src/galileo/projects.py (Projects.get, create), src/galileo/log_streams.py (LogStreams.get, _list_all, create);
 * - enable_metrics: src/galileo/log_streams.py (LogStreams.enable_metrics), src/galileo/utils/metrics.py
 *   (create_metric_configs), src/galileo/scorers.py (ScorerSettings.create);
 * - paths, status handling and models: src/galileo/resources/api/{data,projects,log_stream,run_scorer_settings}/*
 *   (`_get_kwargs`, `_parse_response`: 200 parsed, anything else raised) and src/galileo/resources/models/*.
 */
import { randomUUID } from 'node:crypto';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import {
  type Json,
  byName,
  createCustomLlmMetric,
  initLogger,
  listLogStreams,
  listScorers,
  validateCode,
} from './support/python-sdk-functions';
import { ReplayClient, pythonJsonDumps } from './support/replay-client';
import { anyJson, galileoCoreUser, listOf, model } from './support/sdk-parsing';

describe('Galileo Python SDK 2.6.0, replayed', () => {
  let t: TestApp;
  let tenant: Tenant;
  let sdk: ReplayClient;
  const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'python-sdk');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    sdk = new ReplayClient(t.baseUrl);
    await sdk.start({ apiKey: tenant.apiKey });
    sdk.take();
  });

  it('starts up with an API key and with a password (healthcheck, sign-in, current_user as galileo_core.User)', async () => {
    const byKey = new ReplayClient(t.baseUrl);
    await byKey.start({ apiKey: tenant.apiKey });
    expect(byKey.take()).toEqual(['GET /healthcheck', 'POST /login/api_key', 'GET /current_user']);
    const byPassword = new ReplayClient(t.baseUrl);
    await byPassword.start({ username: tenant.email, password: tenant.password });
    expect(byPassword.take()).toEqual(['GET /healthcheck', 'POST /login', 'GET /current_user']);
    const me = await byPassword.call('GET', '/current_user', {}, model('CurrentUserDB'));
    expect(me).toMatchObject({ id: tenant.userId, email: tenant.email, organization_id: tenant.organizationId, role: 'admin' });
  });

  it('custom LLM metric: create_custom_llm_metric, Metric.list, Metric.update, delete_metric', async () => {
    const name = unique('Factuality');
    const version = await createCustomLlmMetric(sdk, name, 'Is it factual? {output}');
    expect(version.generated_scorer).toMatchObject({ user_prompt: 'Is it factual? {output}', name });
    // LlmMetric.create refreshes: the whole list, then the scorer with that id.
    expect((await listScorers(sdk, [])).find((scorer) => scorer.id === version.scorer_id)).toMatchObject({ name, scorer_type: 'llm' });

    const [listed] = await listScorers(sdk, byName(name));
    expect(listed).toMatchObject({ id: version.scorer_id, defaults: { model_name: 'gpt-4.1-mini', num_judges: 3, cot_enabled: true } });
    const updated = await sdk.call(
      'PATCH',
      `/scorers/${listed.id}`,
      { json: { description: 'Checks facts', tags: ['quality'] } },
      model('ScorerResponse'),
    );
    expect(updated).toMatchObject({ name, description: 'Checks facts', tags: ['quality'] });

    for (const scorer of await listScorers(sdk, byName(name))) {
      await sdk.call('DELETE', `/scorers/${scorer.id}`, {}, model('DeleteScorerResponse'));
    }
    expect(await listScorers(sdk, byName(name))).toEqual([]);
    expect(sdk.take()).toEqual([
      'POST /scorers',
      `POST /scorers/${version.scorer_id}/version/llm`,
      'POST /scorers/list',
      'POST /scorers/list',
      `PATCH /scorers/${version.scorer_id}`,
      'POST /scorers/list',
      `DELETE /scorers/${version.scorer_id}`,
      'POST /scorers/list',
    ]);
  });

  it('code metric: CodeMetric.create validates (statically), creates the scorer, uploads the code version', async () => {
    const name = unique('Has citation');
    const code =
      'import re\n\ndef scorer_fn(step_object, **kwargs) -> bool:\n    return bool(re.search(r"\\[\\d+\\]", step_object.output))\n';
    const validation = await validateCode(sdk, code);
    expect(validation.result).toEqual({
      result: {
        result_type: 'valid',
        score_type: 'bool',
        scoreable_node_types: ['llm'],
        include_llm_credentials: false,
        chain_aggregation: null,
        test_scores: [],
      },
    });
    const scorer = await sdk.call(
      'POST',
      '/scorers',
      {
        json: {
          name,
          scorer_type: 'code',
          description: '',
          tags: [],
          scoreable_node_types: ['llm'],
          output_type: null,
          required_scorers: null,
        },
      },
      model('ScorerResponse'),
    );
    const version = await sdk.call(
      'POST',
      `/scorers/${scorer.id}/version/code`,
      {
        multipart: {
          files: { file: { name: 'scorer.py', content: code } },
          fields: { validation_result: pythonJsonDumps(validation.result) },
        },
      },
      model('BaseScorerVersionResponse'),
    );
    expect(version).toMatchObject({ scorer_id: scorer.id, version: 1, generated_scorer: null });
    expect((await listScorers(sdk, [])).some((listed) => listed.id === scorer.id)).toBe(true);
    expect(await sdk.call('GET', `/scorers/${scorer.id}/version/code`, {}, anyJson)).toBe(code);

    const invalid = await validateCode(sdk, 'def score(step):\n    return 1\n');
    expect(invalid.result.result).toEqual({
      result_type: 'invalid',
      error_message: 'Invalid code scorer: the file does not define a top-level function `scorer_fn`.',
    });
  });

  it('logger: the project and the log stream are looked up, created once, and found on the second run', async () => {
    const projectName = unique('Chatbot');
    const first = await initLogger(sdk, projectName, 'production');
    const firstCalls = sdk.take();
    expect(firstCalls).toEqual([
      'GET /projects',
      'POST /projects',
      `GET /projects/${first.projectId}/log_streams/paginated`,
      `POST /projects/${first.projectId}/log_streams`,
    ]);
    const second = await initLogger(sdk, projectName, 'production');
    expect(second).toEqual(first);
    expect(sdk.take()).toEqual(['GET /projects', `GET /projects/${first.projectId}/log_streams/paginated`]);
  });

  it('enable_metrics: scorers found by label (or name), a pinned version, the run scorer settings written', async () => {
    const plain = unique('Toxicity');
    const pinned = unique('Tone');
    await createCustomLlmMetric(sdk, plain, 'Toxic? {output}');
    await createCustomLlmMetric(sdk, pinned, 'Tone? {output}');
    const projectName = unique('Support');
    const { projectId, logStreamId } = await initLogger(sdk, projectName, 'production');
    sdk.take();

    // Projects().get_with_env_fallbacks(name=...), then LogStreams.get(name=..., project_name=...).
    const [project] = await sdk.call('GET', '/projects', { query: { project_name: projectName, type: 'gen_ai' } }, listOf('ProjectDB'));
    await sdk.call('GET', '/projects', { query: { project_name: project.name, type: 'gen_ai' } }, listOf('ProjectDB'));
    const stream = (await listLogStreams(sdk, projectId)).find((candidate) => candidate.name === 'production');
    expect(stream?.id).toBe(logStreamId);
    // create_metric_configs: one label search for the names, the pinned version, then ScorerSettings.create.
    const labelFilter = { operator: 'one_of', value: [plain, pinned], name: 'label', case_sensitive: false, strict: false };
    const found = await listScorers(sdk, [labelFilter]);
    const byScorerName = new Map(found.map((scorer) => [scorer.name, scorer]));
    const version = await sdk.call(
      'GET',
      `/scorers/${byScorerName.get(pinned)!.id}/version`,
      { query: { version: 1 } },
      model('BaseScorerVersionResponse'),
    );
    const scorers = [byScorerName.get(plain)!, { ...byScorerName.get(pinned)!, scorer_version: version }];
    const settings = await sdk.call(
      'POST',
      `/projects/${projectId}/runs/${logStreamId}/scorer-settings`,
      { json: { run_id: logStreamId, scorers } },
      model('RunScorerSettingsResponse'),
    );
    expect(settings.run_id).toBe(logStreamId);
    expect(settings.scorers.map((scorer: Json) => [scorer.name, scorer.scorer_version?.version ?? null])).toEqual([
      [plain, null],
      [pinned, 1],
    ]);
    expect(sdk.take()).toEqual([
      'GET /projects',
      'GET /projects',
      `GET /projects/${projectId}/log_streams/paginated`,
      'POST /scorers/list',
      `GET /scorers/${byScorerName.get(pinned)!.id}/version`,
      `POST /projects/${projectId}/runs/${logStreamId}/scorer-settings`,
    ]);
  });

  it('the parsing rules refuse what the generated models and galileo_core refuse', () => {
    const user = { id: tenant.userId, email: 'a@b.c' };
    const project = {
      id: randomUUID(),
      created_by: tenant.userId,
      created_by_user: user,
      runs: [],
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      type: 'gen_ai',
    };
    expect(model('ProjectDB')(project)).toEqual([]);
    expect(model('ProjectDB')({ ...project, created_by_user: undefined }).join()).toContain("required property 'created_by_user'");
    expect(model('ProjectDB')({ ...project, created_at: 'yesterday' }).join()).toContain('/created_at');
    expect(model('ProjectDB')({ ...project, type: 'other' }).join()).toContain('/type');
    expect(model('ProjectDB')({ ...project, id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }).join()).toContain('/id');
    expect(galileoCoreUser({ ...user, id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' })).toHaveLength(1);
    expect(
      model('RegisteredScorerTaskResultResponse')({
        id: randomUUID(),
        created_at: project.created_at,
        updated_at: project.created_at,
        status: 'done',
      }),
    ).not.toEqual([]);
  });
});
