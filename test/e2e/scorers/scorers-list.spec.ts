import { type GalileoClient, galileoClient } from '../../support/galileo-client';
import { conforming } from '../../support/galileo-harness';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** Galileo's scorer list: filters, sort and paging (POST /v2/scorers/list). */
describe('Galileo scorers: list', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'scorers');
  });
  afterAll(() => t.close());

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
});
