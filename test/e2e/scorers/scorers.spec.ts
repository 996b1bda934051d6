import { randomUUID } from 'node:crypto';
import { type GalileoClient, galileoClient } from '../../support/galileo-client';
import { conforming } from '../../support/galileo-harness';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const V1_UUID = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('Galileo scorers', () => {
  let t: TestApp;
  let tenant: Tenant;
  let client: GalileoClient;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'scorers');
    client = galileoClient(t.baseUrl, tenant.galileoKey);
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>) =>
    conforming(await client.POST('/v2/scorers', { body: { scorer_type: 'llm', ...body } as never }), '/v2/scorers', 'post');

  it('creates a scorer with every response key present and unmodelled ones empty', async () => {
    const scorer = await create({
      name: 'Answer relevance',
      tags: ['rag', 'quality'],
      output_type: 'discrete',
      model_type: 'llm',
      description: 'How relevant',
    });
    expect(scorer).toMatchObject({
      name: 'Answer relevance',
      scorer_type: 'llm',
      tags: ['rag', 'quality'],
      output_type: 'discrete',
      model_type: 'llm',
      description: 'How relevant',
      latest_version: null,
      default_version: null,
      permissions: [],
      included_fields: [],
      scope_projects: [],
      is_global: false,
      roll_up_config: null,
      created_by: tenant.userId,
      metric_name: 'answer_relevance',
    });
    expect(Object.keys(scorer)).toHaveLength(32);
  });

  it('gets, updates and deletes a scorer; a deleted scorer is gone from every listing', async () => {
    const { id } = await create({ name: 'Temporary', tags: ['tmp-tag'] });
    const path = '/v2/scorers/{scorer_id}';
    const params = { params: { path: { scorer_id: id } } };
    expect(conforming(await client.GET(path, params), path, 'get')).toMatchObject({ id, name: 'Temporary' });
    const updated = conforming(
      await client.PATCH(path, { ...params, body: { name: 'Renamed', tags: ['x'], ground_truth: true } }),
      path,
      'patch',
    );
    expect(updated).toMatchObject({ id, name: 'Renamed', tags: ['x'], ground_truth: true });
    expect(conforming(await client.DELETE(path, params), path, 'delete')).toEqual({ message: `Scorer ${id} deleted` });

    const gone = await client.GET(path, params);
    expect(gone.response.status).toBe(404);
    expect(gone.error).toEqual({ detail: 'Scorer not found' });
    const listed = conforming(
      await client.POST('/v2/scorers/list', { body: { filters: [{ name: 'id', operator: 'eq', value: id }] } }),
      '/v2/scorers/list',
      'post',
    );
    expect(listed.scorers).toEqual([]);
    expect(conforming(await client.GET('/v2/scorers/tags'), '/v2/scorers/tags', 'get')).not.toContain('x');
    expect((await client.DELETE(path, params)).response.status).toBe(404);
  });

  it('accepts a client-chosen id, once', async () => {
    const id = randomUUID();
    expect((await create({ id, name: 'Chosen id' })).id).toBe(id);
    const again = await client.POST('/v2/scorers', { body: { id, name: 'Again', scorer_type: 'llm' } });
    expect(again.response.status).toBe(409);
  });

  it('answers under the unprefixed and /public/v2 aliases', async () => {
    const { id } = await create({ name: 'Aliased' });
    for (const prefix of ['', '/public/v2', '/v2']) {
      const res = await t.http.get(`${prefix}/scorers/${id}`).set(tenant.galileoKey);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(id);
    }
  });

  it('lists tags in use, sorted and distinct', async () => {
    await create({ name: 'Tagged one', tags: ['zeta', 'alpha'] });
    await create({ name: 'Tagged two', tags: ['alpha', 'mid'] });
    const tags = conforming(await client.GET('/v2/scorers/tags'), '/v2/scorers/tags', 'get');
    expect(tags).toEqual([...new Set(tags)].sort());
    expect(tags).toEqual(expect.arrayContaining(['alpha', 'mid', 'zeta']));
  });

  describe('input validation (FastAPI 422 items)', () => {
    it('enforces UUID version 4 and UUID syntax on path ids', async () => {
      const v1 = await client.GET('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: V1_UUID } } });
      expect(conforming(v1, '/v2/scorers/{scorer_id}', 'get', 422)).toEqual({
        detail: [
          {
            type: 'uuid_version',
            loc: ['path', 'scorer_id'],
            msg: 'UUID version 4 expected',
            input: V1_UUID,
            ctx: { expected_version: 4 },
          },
        ],
      });
      const junk = await client.GET('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: 'not-a-uuid' } } });
      expect(junk.error).toMatchObject({ detail: [{ type: 'uuid_parsing', loc: ['path', 'scorer_id'], input: 'not-a-uuid' }] });
    });

    it('names every missing body field', async () => {
      const res = await client.POST('/v2/scorers', { body: {} as never });
      expect(conforming(res, '/v2/scorers', 'post', 422)).toEqual({
        detail: [
          { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} },
          { type: 'missing', loc: ['body', 'scorer_type'], msg: 'Field required', input: {} },
        ],
      });
    });

    it('refuses values outside an enum', async () => {
      const res = await client.POST('/v2/scorers', { body: { name: 'x', scorer_type: 'human' } as never });
      expect(res.error).toMatchObject({
        detail: [{ type: 'enum', loc: ['body', 'scorer_type'], msg: "Input should be 'llm', 'code', 'luna' or 'preset'" }],
      });
    });

    it('refuses a default_version_id that is not a version of the scorer', async () => {
      const res = await client.POST('/v2/scorers', { body: { name: 'x', scorer_type: 'llm', default_version_id: randomUUID() } });
      expect(res.error).toMatchObject({ detail: [{ type: 'value_error', loc: ['body', 'default_version_id'] }] });
    });
  });

  it("cannot see another organization's scorer", async () => {
    const { id } = await create({ name: 'Private' });
    const stranger = await createTenant(t.app, 'stranger');
    const theirs = galileoClient(t.baseUrl, stranger.galileoKey);
    for (const answer of [
      await theirs.GET('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: id } } }),
      await theirs.PATCH('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: id } }, body: { name: 'hijacked' } }),
      await theirs.DELETE('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: id } } }),
    ]) {
      expect(answer.response.status).toBe(404);
      expect(answer.error).toEqual({ detail: 'Scorer not found' });
    }
    const listed = await theirs.POST('/v2/scorers/list', { body: {} });
    expect(listed.data!.scorers!.map((scorer) => scorer.id)).not.toContain(id);
    expect(
      conforming(await client.GET('/v2/scorers/{scorer_id}', { params: { path: { scorer_id: id } } }), '/v2/scorers/{scorer_id}', 'get')
        .name,
    ).toBe('Private');
  });

  it('shows a Galileo scorer as a Respan evaluator with derived fields', async () => {
    const { id } = await create({ name: 'Categorical judge', output_type: 'categorical', scorer_type: 'luna' });
    const evaluator = await t.http.get(`/api/evaluators/${id}/`).set(tenant.bearerKey);
    expect(evaluator.status).toBe(200);
    expect(evaluator.body).toMatchObject({ id, evaluator_slug: 'categorical_judge', type: 'llm', score_value_type: 'single_select' });
  });
});
