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

  describe('filters and sort', () => {
    let other: GalileoClient;
    const names = ['Faithfulness', 'faithfulness check', 'Toxicity', 'Tone', 'Code lint'];

    beforeAll(async () => {
      const tenantB = await createTenant(t.app, 'filters');
      other = galileoClient(t.baseUrl, tenantB.bearerKey);
      const specs = [
        { name: names[0], scorer_type: 'llm', tags: ['Quality', 'rag'], model_type: 'llm' },
        { name: names[1], scorer_type: 'luna', tags: ['quality'], model_type: 'slm' },
        { name: names[2], scorer_type: 'preset', tags: ['safety'] },
        { name: names[3], scorer_type: 'llm', tags: ['safety', 'style'] },
        { name: names[4], scorer_type: 'code', tags: [] },
      ];
      for (const body of specs) conforming(await other.POST('/v2/scorers', { body: body as never }), '/v2/scorers', 'post');
    });

    const list = async (body: Record<string, unknown>, query: Record<string, number> = {}) =>
      conforming(await other.POST('/v2/scorers/list', { body: body as never, params: { query } }), '/v2/scorers/list', 'post');
    const namesOf = async (body: Record<string, unknown>) =>
      (await list({ sort: { name: 'name', ascending: true }, ...body })).scorers!.map((s) => s.name);

    it.each([
      [{ name: 'name', operator: 'eq', value: 'faithfulness' }, ['Faithfulness']],
      [{ name: 'name', operator: 'eq', value: 'faithfulness', case_sensitive: true }, []],
      [{ name: 'name', operator: 'contains', value: 'FAITH' }, ['Faithfulness', 'faithfulness check']],
      [{ name: 'name', operator: 'ne', value: 'tone' }, ['Code lint', 'Faithfulness', 'faithfulness check', 'Toxicity']],
      [{ name: 'name', operator: 'one_of', value: ['Tone', 'Toxicity'] }, ['Tone', 'Toxicity']],
      [{ name: 'name', operator: 'not_in', value: ['Tone', 'Toxicity', 'Code lint'] }, ['Faithfulness', 'faithfulness check']],
      [{ name: 'scorer_type', operator: 'eq', value: 'llm' }, ['Faithfulness', 'Tone']],
      [{ name: 'scorer_type', operator: 'not_in', value: ['llm', 'luna'] }, ['Code lint', 'Toxicity']],
      [{ name: 'model_type', operator: 'one_of', value: ['slm'] }, ['faithfulness check']],
      [{ name: 'tags', operator: 'eq', value: 'safety' }, ['Tone', 'Toxicity']],
      [{ name: 'tags', operator: 'eq', value: 'quality' }, ['faithfulness check']],
      [{ name: 'tags', operator: 'eq', value: 'quality', case_sensitive: false }, ['Faithfulness', 'faithfulness check']],
      [{ name: 'tags', operator: 'contains', value: 'sty' }, ['Tone']],
      [{ name: 'tags', operator: 'one_of', value: ['rag', 'style'] }, ['Faithfulness', 'Tone']],
      [{ name: 'tags', operator: 'not_in', value: ['safety', 'quality'] }, ['Code lint', 'Faithfulness']],
    ])('%j', async (filter, expected) => {
      expect(await namesOf({ filters: [filter] })).toEqual(expected);
    });

    it('combines filters with AND, and filters on id, creator and dates', async () => {
      expect(
        await namesOf({
          filters: [
            { name: 'scorer_type', operator: 'eq', value: 'llm' },
            { name: 'tags', operator: 'eq', value: 'safety' },
          ],
        }),
      ).toEqual(['Tone']);
      const all = (await list({})).scorers!;
      const tone = all.find((scorer) => scorer.name === 'Tone')!;
      expect(await namesOf({ filters: [{ name: 'id', operator: 'one_of', value: [tone.id] }] })).toEqual(['Tone']);
      expect(await namesOf({ filters: [{ name: 'creator', operator: 'eq', value: tone.created_by }] })).toHaveLength(5);
      expect(await namesOf({ filters: [{ name: 'creator', operator: 'eq', value: tenant.userId }] })).toEqual([]);
      expect(await namesOf({ filters: [{ name: 'created_at', operator: 'gt', value: '2000-01-01T00:00:00Z' }] })).toHaveLength(5);
      expect(await namesOf({ filters: [{ name: 'updated_at', operator: 'lt', value: '2000-01-01T00:00:00Z' }] })).toEqual([]);
    });

    it('sorts by name and updated_at either way; newest first by default', async () => {
      expect((await list({ sort: { name: 'name', ascending: false } })).scorers!.map((s) => s.name)).toEqual([
        'Toxicity',
        'Tone',
        'faithfulness check',
        'Faithfulness',
        'Code lint',
      ]);
      const byUpdate = (await list({ sort: { name: 'updated_at', ascending: true } })).scorers!.map((s) => s.updated_at!);
      expect([...byUpdate].sort()).toEqual(byUpdate);
      expect((await list({})).scorers!.map((s) => s.name)).toEqual([...names].reverse());
    });

    it('pages with starting_token and limit; next_starting_token is null on the last page', async () => {
      const first = await list({ sort: { name: 'name' } }, { starting_token: 0, limit: 2 });
      expect(first).toMatchObject({ starting_token: 0, limit: 2, paginated: true, next_starting_token: 2 });
      expect(first.scorers!.map((s) => s.name)).toEqual(['Code lint', 'Faithfulness']);
      const last = await list({ sort: { name: 'name' } }, { starting_token: 4, limit: 2 });
      expect(last).toMatchObject({ starting_token: 4, limit: 2, next_starting_token: null });
      expect(last.scorers!.map((s) => s.name)).toEqual(['Toxicity']);
    });

    it('refuses unknown filters, operators and sorts with the pydantic error', async () => {
      const unknown = await other.POST('/v2/scorers/list', {
        body: { filters: [{ name: 'is_global', operator: 'eq', value: true }] } as never,
      });
      expect(unknown.response.status).toBe(422);
      expect(unknown.error).toMatchObject({ detail: [{ type: 'union_tag_invalid', loc: ['body', 'filters', 0] }] });
      const badOperator = await other.POST('/v2/scorers/list', {
        body: { filters: [{ name: 'name', operator: 'like', value: 'x' }] } as never,
      });
      expect(badOperator.error).toMatchObject({ detail: [{ type: 'literal_error', loc: ['body', 'filters', 0, 'name', 'operator'] }] });
      const noTag = await other.POST('/v2/scorers/list', { body: { filters: [{ operator: 'eq', value: 'x' }] } as never });
      expect(noTag.error).toMatchObject({ detail: [{ type: 'union_tag_not_found', loc: ['body', 'filters', 0] }] });
      const badSort = await other.POST('/v2/scorers/list', { body: { sort: { name: 'enabled_in_run' } } as never });
      expect(badSort.error).toMatchObject({ detail: [{ type: 'union_tag_invalid', loc: ['body', 'sort'] }] });
      const listForEq = await other.POST('/v2/scorers/list', { body: { filters: [{ name: 'name', operator: 'eq', value: ['a'] }] } });
      expect(listForEq.response.status).toBe(422);
      expect(listForEq.error).toMatchObject({ detail: [{ loc: ['body', 'filters', 0, 'name', 'value'] }] });
    });
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
