import { randomUUID } from 'node:crypto';
import { type GalileoClient, galileoClient } from '../../support/galileo-client';
import { conforming } from '../../support/galileo-harness';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const LLM = '/v2/scorers/{scorer_id}/version/llm';
const PRESET = '/v2/scorers/{scorer_id}/version/preset';
const ONE = '/v2/scorers/{scorer_id}/version';
const LIST = '/v2/scorers/{scorer_id}/versions';
const RESTORE = '/v2/scorers/{scorer_id}/versions/{version_number}/restore';

describe('Galileo scorer versions', () => {
  let t: TestApp;
  let tenant: Tenant;
  let client: GalileoClient;
  let scorerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'versions');
    client = galileoClient(t.baseUrl, tenant.bearerKey);
    const created = await client.POST('/v2/scorers', {
      body: { name: 'Versioned', scorer_type: 'llm', defaults: { model_name: 'gpt-4o-mini', num_judges: 3, cot_enabled: true } },
    });
    scorerId = created.data!.id;
  });
  afterAll(() => t.close());

  const path = { scorer_id: '' };
  const at = () => ({ params: { path: { ...path, scorer_id: scorerId } } });

  it('numbers versions 1, 2, … and fills settings from the scorer defaults', async () => {
    const template = {
      template: 'Rate {input}',
      metric_few_shot_examples: [{ generation_prompt_and_response: 'q/a', evaluating_response: 'yes' }],
    };
    const first = conforming(
      await client.POST(LLM, { ...at(), body: { instructions: 'Be strict', chain_poll_template: template, output_type: 'boolean' } }),
      LLM,
      'post',
    );
    expect(first).toMatchObject({
      version: 1,
      scorer_id: scorerId,
      model_name: 'gpt-4o-mini',
      num_judges: 3,
      cot_enabled: true,
      output_type: 'boolean',
      created_by: tenant.userId,
      chain_poll_template: { template: 'Rate {input}', value_field_name: 'rating', explanation_field_name: 'explanation' },
      generated_scorer: {
        id: first.id,
        name: 'Versioned',
        instructions: 'Be strict',
        user_prompt: null,
        chain_poll_template: { template: 'Rate {input}' },
        created_by: tenant.userId,
        scoreable_node_types: null,
        scorer_configuration: { model_alias: 'gpt-4o-mini', num_judges: 3, cot_enabled: true, output_type: 'boolean' },
      },
      allowed_model: null,
    });
    const second = conforming(await client.POST(PRESET, { ...at(), body: { model_name: 'luna-2', num_judges: 1 } }), PRESET, 'post');
    expect(second).toMatchObject({
      version: 2,
      model_name: 'luna-2',
      num_judges: 1,
      cot_enabled: true,
      chain_poll_template: null,
      generated_scorer: null,
    });
  });

  it('gets a version by number, or the latest', async () => {
    expect(
      conforming(await client.GET(ONE, { params: { path: { scorer_id: scorerId }, query: { version: 1 } } }), ONE, 'get').version,
    ).toBe(1);
    expect(conforming(await client.GET(ONE, at()), ONE, 'get').version).toBe(2);
    const missing = await client.GET(ONE, { params: { path: { scorer_id: scorerId }, query: { version: 99 } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toEqual({ detail: `Version 99 of scorer ${scorerId} not found` });
  });

  it('restores an old version as a new one with its settings', async () => {
    const restored = conforming(
      await client.POST(RESTORE, { params: { path: { scorer_id: scorerId, version_number: 1 } } }),
      RESTORE,
      'post',
    );
    expect(restored).toMatchObject({
      version: 3,
      model_name: 'gpt-4o-mini',
      output_type: 'boolean',
      chain_poll_template: { template: 'Rate {input}' },
    });
    const missing = await client.POST(RESTORE, { params: { path: { scorer_id: scorerId, version_number: 42 } } });
    expect(missing.response.status).toBe(404);
  });

  it('lists versions in order, paged', async () => {
    const page = conforming(
      await client.GET(LIST, { params: { path: { scorer_id: scorerId }, query: { starting_token: 0, limit: 2 } } }),
      LIST,
      'get',
    );
    expect(page).toMatchObject({ starting_token: 0, limit: 2, paginated: true, next_starting_token: 2 });
    expect(page.versions!.map((version) => version.version)).toEqual([1, 2]);
    const last = conforming(
      await client.GET(LIST, { params: { path: { scorer_id: scorerId }, query: { starting_token: 2 } } }),
      LIST,
      'get',
    );
    expect(last).toMatchObject({ next_starting_token: null, limit: 100 });
    expect(last.versions!.map((version) => version.version)).toEqual([3]);
  });

  it('embeds the latest and the default version in the scorer', async () => {
    const versionTwo = (await client.GET(ONE, { params: { path: { scorer_id: scorerId }, query: { version: 2 } } })).data!;
    const updated = await client.PATCH('/v2/scorers/{scorer_id}', { ...at(), body: { default_version_id: versionTwo.id } });
    expect(updated.data).toMatchObject({
      default_version_id: versionTwo.id,
      default_version: { id: versionTwo.id, version: 2 },
      latest_version: { version: 3 },
    });
    const foreign = await client.PATCH('/v2/scorers/{scorer_id}', { ...at(), body: { default_version_id: randomUUID() } });
    expect(foreign.response.status).toBe(422);
  });

  it('never gives two versions the same number under concurrent creates', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, () => client.POST(PRESET, { ...at(), body: {} })));
    const numbers = created.map((answer) => answer.data!.version).sort((a, b) => a - b);
    expect(numbers).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('validates path and query parameters as FastAPI does', async () => {
    const notInt = await t.http.post(`/v2/scorers/${scorerId}/versions/abc/restore`).set(tenant.bearerKey);
    expect(notInt.status).toBe(422);
    expect(notInt.body.detail).toEqual([
      {
        type: 'int_parsing',
        loc: ['path', 'version_number'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'abc',
      },
    ]);
    const badQuery = await t.http.get(`/v2/scorers/${scorerId}/version?version=1.5`).set(tenant.bearerKey);
    expect(badQuery.body.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['query', 'version'] });
    const badLimit = await t.http.get(`/v2/scorers/${scorerId}/versions?limit=0`).set(tenant.bearerKey);
    expect(badLimit.body.detail[0]).toMatchObject({ type: 'greater_than_equal', loc: ['query', 'limit'] });
  });

  it('answers 404 for versions of an unknown or foreign scorer', async () => {
    const stranger = await createTenant(t.app, 'stranger');
    const theirs = galileoClient(t.baseUrl, stranger.galileoKey);
    for (const answer of [
      await theirs.POST(LLM, { ...at(), body: {} }),
      await theirs.GET(ONE, at()),
      await theirs.GET(LIST, at()),
      await theirs.POST(RESTORE, { params: { path: { scorer_id: scorerId, version_number: 1 } } }),
    ]) {
      expect(answer.response.status).toBe(404);
      expect(answer.error).toEqual({ detail: 'Scorer not found' });
    }
  });
});
