import type { Tenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type ListFixture, type Score, idsOf, seedListScores } from './score-list-fixture';

/** `POST /api/scores/list/`: the filter body, its operators and refusals, `current_filters` (contract §4). */
describe('score filter bodies', () => {
  let t: TestApp;
  let fixture: ListFixture;
  let tenant: Tenant;
  let scores: Score[];

  const filter = (filters: unknown, query = '') => t.http.post(`/api/scores/list/${query}`).set(tenant.bearerKey).send({ filters });
  const expectIds = (results: Score[], predicate: (score: Score) => boolean) =>
    expect(idsOf(results).sort()).toEqual(idsOf(scores.filter(predicate)).sort());

  beforeAll(async () => {
    t = await startTestApp();
    fixture = await seedListScores(t);
    ({ tenant, scores } = fixture);
  });
  afterAll(() => t.close());

  it('filters with {"filters": {field: {"operator", "value"}}} and echoes them as current_filters', async () => {
    const res = await filter({ environment: { value: 'staging' }, scorer: { operator: 'in', value: ['alice'] } }, '?page_size=100');
    expect(res.status).toBe(200);
    expectIds(res.body.results, (score) => score.environment === 'staging' && score.scorer === 'alice');
    expect(res.body.current_filters).toEqual({
      environment: { operator: '', value: 'staging' },
      scorer: { operator: 'in', value: ['alice'] },
    });
    expect(Object.keys(res.body)).toEqual(['count', 'next', 'previous', 'results', 'current_filters']);
  });

  it('lists everything without a body or without filters', async () => {
    const none = await t.http.post('/api/scores/list/').set(tenant.bearerKey);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ count: 12, current_filters: {} });
    expect((await t.http.post('/api/scores/list').set(tenant.bearerKey).send({})).body.count).toBe(12);
  });

  it.each<[string, unknown, (score: Score) => boolean]>([
    ['exact', { log_id: { operator: '', value: 'log-2' } }, (score) => score.log_id === 'log-2'],
    ['exact, any of a list', { log_id: { operator: '', value: ['log-2', 'log-3'] } }, (score) => ['log-2', 'log-3'].includes(score.log_id)],
    [
      'in',
      { evaluator_slug: { operator: 'in', value: ['tone_check', 'Custom_50%'] } },
      (score) => ['tone_check', 'Custom_50%'].includes(score.evaluator_slug),
    ],
    ['not (keeps nulls)', { dataset_id: { operator: 'not', value: 'ds_0' } }, (score) => score.dataset_id !== 'ds_0'],
    [
      'icontains (case-insensitive, % literal)',
      { evaluator_slug: { operator: 'icontains', value: 'M_50%' } },
      (score) => score.evaluator_slug === 'Custom_50%',
    ],
    ['startswith', { evaluator_slug: { operator: 'startswith', value: 'acc' } }, (score) => score.evaluator_slug === 'accuracy'],
    [
      'startswith (_ literal)',
      { evaluator_slug: { operator: 'startswith', value: 'tone_' } },
      (score) => score.evaluator_slug === 'tone_check',
    ],
    ['gt', { numerical_value: { operator: 'gt', value: 6 } }, (score) => score.numerical_value !== null && score.numerical_value > 6],
    ['lt', { numerical_value: { operator: 'lt', value: 3 } }, (score) => score.numerical_value !== null && score.numerical_value < 3],
    [
      'gte and lte as a list of conditions',
      {
        numerical_value: [
          { operator: 'gte', value: 3 },
          { operator: 'lte', value: 7 },
        ],
      },
      (score) => score.numerical_value >= 3 && score.numerical_value <= 7 && score.numerical_value !== null,
    ],
    ['empty', { dataset_id: { operator: 'empty' } }, (score) => score.dataset_id === null],
    ['not_empty', { dataset_id: { operator: 'not_empty' } }, (score) => score.dataset_id !== null],
    ['empty numerical_value', { numerical_value: { operator: 'empty' } }, (score) => score.numerical_value === null],
    ['is_passed', { is_passed: { value: true } }, (score) => score.is_passed],
    ['not is_passed', { is_passed: { operator: 'not', value: true } }, (score) => !score.is_passed],
    ['evaluator_id', () => ({ evaluator_id: { value: [fixture.accuracy.id] } }), (score) => score.evaluator_id === fixture.accuracy.id],
    ['evaluator_id empty', { evaluator_id: { operator: 'empty' } }, (score) => score.evaluator_id === null],
    ['type not', { type: { operator: 'not', value: 'human' } }, (score) => score.type !== 'human'],
  ])('%s', async (_name, filters, predicate) => {
    const res = await filter(typeof filters === 'function' ? filters() : filters, '?page_size=100');
    expect(res.status).toBe(200);
    expectIds(res.body.results, predicate);
  });

  it('filters created_at with range operators', async () => {
    const from = scores[6].created_at;
    const res = await filter(
      {
        created_at: [
          { operator: 'gt', value: from },
          { operator: 'lte', value: '2999-01-01T00:00:00Z' },
        ],
      },
      '?page_size=100',
    );
    expectIds(res.body.results, (score) => score.created_at > from);
  });

  it('sorts and pages from the query string', async () => {
    const res = await filter({ evaluator_slug: { value: 'accuracy' } }, '?sort_by=-numerical_value&page=2&page_size=2');
    expect(res.body.count).toBe(scores.filter((score) => score.evaluator_slug === 'accuracy').length);
    const descending = scores
      .filter((score) => score.evaluator_slug === 'accuracy')
      .map((score) => score.numerical_value)
      .sort((a, b) => b - a);
    expect(res.body.results.map((score: Score) => score.numerical_value)).toEqual(descending.slice(2, 4));
    expect(res.body.next).toContain('page=3');
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    ['an unknown field', { colour: { value: 'red' } }, { filters: { colour: [expect.stringContaining('Unknown filter field')] } }],
    [
      'an unknown operator',
      { log_id: { operator: 'like', value: 'x' } },
      { filters: { log_id: { operator: [expect.stringContaining('Unknown operator "like"')] } } },
    ],
    [
      'an operator that does not apply',
      { is_passed: { operator: 'gt', value: true } },
      { filters: { is_passed: { operator: [expect.stringContaining('does not apply to is_passed')] } } },
    ],
    [
      'a value of the wrong type',
      { numerical_value: { operator: 'gte', value: 'high' } },
      { filters: { numerical_value: { value: ['A valid number is required.'] } } },
    ],
    ['a non-UUID evaluator_id', { evaluator_id: { value: 'x' } }, { filters: { evaluator_id: { value: ['Must be a valid UUID.'] } } }],
    [
      'a bad datetime',
      { created_at: { operator: 'gte', value: 'soon' } },
      { filters: { created_at: { value: [expect.stringContaining('Datetime has wrong format')] } } },
    ],
    ['a missing value', { log_id: { operator: 'in' } }, { filters: { log_id: { value: ['The "in" operator needs a value.'] } } }],
    [
      'a range with several values',
      { numerical_value: { operator: 'gt', value: [1, 2] } },
      { filters: { numerical_value: { value: ['The "gt" operator compares with one value.'] } } },
    ],
    ['filters that are not an object', ['log_id'], { filters: ['Expected a dictionary of filters.'] }],
  ])('refuses %s with a 400 naming it', async (_name, filters, body) => {
    const res = await filter(filters);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(body);
  });

  it('refuses an unknown query parameter or sort key, and a page past the end is 404', async () => {
    expect((await filter({}, '?log_id=x')).body).toEqual({ log_id: ['Unknown query parameter.'] });
    expect((await filter({}, '?sort_by=name')).status).toBe(400);
    expect((await filter({ log_id: { value: 'nothing' } }, '?page=2')).body).toEqual({ detail: 'Invalid page.' });
  });
});
