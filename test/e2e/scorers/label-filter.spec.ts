import { type GalileoClient, galileoClient } from '../../support/galileo-client';
import { conforming } from '../../support/galileo-harness';
import { createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** The `label` filter of `POST /v2/scorers/list` (Galileo's Python SDK finds scorers by label, or by name). */
describe('Galileo scorers: the label filter', () => {
  let t: TestApp;
  let client: GalileoClient;

  beforeAll(async () => {
    t = await startTestApp();
    client = galileoClient(t.baseUrl, (await createTenant(t.app, 'labels')).galileoKey);
    const specs = [
      { name: 'Faithfulness', label: 'faith_label' },
      { name: 'faithfulness check' },
      { name: 'Toxicity', label: 'Toxic' },
      { name: 'Tone' },
    ];
    for (const body of specs)
      conforming(await client.POST('/v2/scorers', { body: { scorer_type: 'llm', ...body } as never }), '/v2/scorers', 'post');
  });
  afterAll(() => t.close());

  const namesOf = async (filter: Record<string, unknown>) =>
    conforming(
      await client.POST('/v2/scorers/list', { body: { filters: [filter], sort: { name: 'name', ascending: true } } as never }),
      '/v2/scorers/list',
      'post',
    ).scorers!.map((scorer) => scorer.name);

  it.each([
    [{ operator: 'eq', value: 'Toxic' }, ['Toxicity']],
    [{ operator: 'eq', value: 'toxic' }, []],
    [{ operator: 'eq', value: 'toxic', case_sensitive: false }, ['Toxicity']],
    [{ operator: 'eq', value: 'Tone' }, []],
    [{ operator: 'eq', value: 'Tone', strict: false }, ['Tone']],
    [{ operator: 'eq', value: 'Faithfulness', strict: false }, []],
    [{ operator: 'contains', value: 'FAITH', strict: false, case_sensitive: false }, ['Faithfulness', 'faithfulness check']],
    [{ operator: 'one_of', value: ['Toxic', 'Tone'], strict: false }, ['Tone', 'Toxicity']],
    [{ operator: 'not_in', value: ['Toxic'] }, ['Faithfulness']],
    [{ operator: 'ne', value: 'Toxic', strict: false }, ['Faithfulness', 'faithfulness check', 'Tone']],
  ])('%j', async (filter, expected) => {
    expect(await namesOf({ name: 'label', ...filter })).toEqual(expected);
  });

  it('compares eq, ne and contains with one string', async () => {
    const res = await t.http
      .post('/v2/scorers/list')
      .set((await createTenant(t.app, 'labels-refused')).galileoKey)
      .send({ filters: [{ name: 'label', operator: 'eq', value: ['a', 'b'] }] });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'filters', 0, 'label', 'value'] });
  });
});
