import { randomUUID } from 'node:crypto';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

type Score = Record<string, any>;

/** Lists: query filters, the filter body, sorting and DRF paging (contract §4). */
describe('score lists', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let accuracy: { id: string; evaluator_slug: string };
  let tone: { id: string; evaluator_slug: string };
  const scores: Score[] = [];

  const ids = (results: Score[]) => results.map((score) => score.id);
  const list = (query = '') => t.http.get(`/api/scores/${query}`).set(tenant.bearerKey);
  const filter = (filters: unknown, query = '') => t.http.post(`/api/scores/list/${query}`).set(tenant.bearerKey).send({ filters });
  const expectIds = (results: Score[], predicate: (score: Score) => boolean) =>
    expect(ids(results).sort()).toEqual(ids(scores.filter(predicate)).sort());

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'lists');
    other = await createTenant(t.app, 'lists-other');
    accuracy = await createEvaluator(t, tenant, {
      evaluator_slug: 'accuracy',
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
    });
    tone = await createEvaluator(t, tenant, { evaluator_slug: 'tone_check', type: 'human', score_value_type: 'text' });
    for (let index = 0; index < 12; index++) {
      const body =
        index % 3 === 2
          ? { evaluator_id: tone.id, string_value: `note ${index}` }
          : {
              evaluator_id: accuracy.id,
              numerical_value: index === 4 ? null : index,
              ...(index === 4 ? { evaluator_id: undefined, evaluator_slug: 'Custom_50%' } : {}),
            };
      const res = await postScore(t, tenant, {
        ...body,
        log_id: `log-${index % 4}`,
        scorer: ['alice', 'bob', 'carol'][Math.floor(index / 4)],
        environment: index < 6 ? 'production' : 'staging',
        ...(index % 5 === 0 ? { dataset_id: `ds_${index}` } : {}),
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      scores.push(res.body);
    }
    await postScore(t, other, { evaluator_slug: 'accuracy', numerical_value: 1 });
  });
  afterAll(() => t.close());

  it("lists the organization's scores, newest first by default, in DRF pages", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 12, next: null, previous: null });
    expect(ids(res.body.results)).toEqual(ids([...scores].reverse()));
    expect(res.body.results[0]).toEqual(scores[11]);
  });

  it('pages with page and page_size: absolute next/previous links, 404 past the end, 400 beyond 100', async () => {
    const second = await list('?page=2&page_size=5');
    expect(second.body.count).toBe(12);
    expect(ids(second.body.results)).toEqual(ids([...scores].reverse().slice(5, 10)));
    expect(second.body.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/scores\/\?page=3&page_size=5$/);
    expect(second.body.previous).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/scores\/\?page_size=5$/);
    const last = await list('?page=3&page_size=5');
    expect(last.body).toMatchObject({ next: null, results: expect.any(Array) });
    expect(last.body.results).toHaveLength(2);
    const past = await list('?page=4&page_size=5');
    expect({ status: past.status, body: past.body }).toEqual({ status: 404, body: { detail: 'Invalid page.' } });
    const tooBig = await list('?page_size=101');
    expect({ status: tooBig.status, body: tooBig.body }).toEqual({
      status: 400,
      body: { page_size: ['Ensure this value is less than or equal to 100.'] },
    });
    expect((await list('?page=0')).status).toBe(400);
    expect((await list('?page=abc')).body).toEqual({ page: ['A valid integer is required.'] });
    const empty = await t.http.get('/api/scores/').set((await createTenant(t.app, 'empty')).bearerKey);
    expect(empty.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  describe('query filters', () => {
    it.each<[string, (score: Score) => boolean]>([
      ['evaluator_slug=tone_check', (score) => score.evaluator_slug === 'tone_check'],
      ['log_id=log-1', (score) => score.log_id === 'log-1'],
      ['dataset_id=ds_5', (score) => score.dataset_id === 'ds_5'],
      ['environment=staging', (score) => score.environment === 'staging'],
      ['scorer=alice', (score) => score.scorer === 'alice'],
      ['type=human', (score) => score.type === 'human'],
      ['is_passed=true', (score) => score.is_passed === true],
      ['is_passed=false', (score) => score.is_passed === false],
      [
        'numerical_value__gte=3&numerical_value__lte=7',
        (score) => score.numerical_value !== null && score.numerical_value >= 3 && score.numerical_value <= 7,
      ],
      ['environment=production&scorer=bob', (score) => score.environment === 'production' && score.scorer === 'bob'],
    ])('%s', async (query, predicate) => {
      const res = await list(`?${query}&page_size=100`);
      expect(res.status).toBe(200);
      expectIds(res.body.results, predicate);
      expect(res.body.count).toBe(scores.filter(predicate).length);
    });

    it('evaluator_id (a UUID) and the created_at range', async () => {
      expectIds((await list(`?evaluator_id=${accuracy.id}&page_size=100`)).body.results, (score) => score.evaluator_id === accuracy.id);
      expect((await list('?evaluator_id=nope')).body).toEqual({ evaluator_id: ['Must be a valid UUID.'] });
      const start = scores[3].created_at;
      const end = scores[8].created_at;
      const ranged = await list(`?start_time=${encodeURIComponent(start)}&end_time=${encodeURIComponent(end)}&page_size=100`);
      expectIds(ranged.body.results, (score) => score.created_at >= start && score.created_at <= end);
      expect((await list('?start_time=yesterday')).status).toBe(400);
      expect((await list('?end_time=2999-01-01&page_size=100')).body.count).toBe(12);
    });

    it('refuses unknown parameters and sort keys, naming them', async () => {
      expect((await list('?colour=red&evaluator=x')).body).toEqual({
        colour: ['Unknown query parameter.'],
        evaluator: ['Unknown query parameter.'],
      });
      const sort = await list('?sort_by=cost');
      expect({ status: sort.status, body: sort.body }).toEqual({ status: 400, body: { sort_by: ['"cost" is not a valid choice.'] } });
      expect((await list('?is_passed=maybe')).body).toEqual({ is_passed: ['Must be a valid boolean.'] });
    });
  });

  describe('sorting', () => {
    it.each(['created_at', '-created_at', 'updated_at', '-updated_at'])('sort_by=%s', async (sortBy) => {
      const res = await list(`?sort_by=${sortBy}&page_size=100`);
      const expected = sortBy.startsWith('-') ? [...scores].reverse() : scores;
      expect(ids(res.body.results)).toEqual(ids(expected));
    });

    it('sort_by=numerical_value puts nulls last ascending and first descending, id breaking ties', async () => {
      const ascending = (await list('?sort_by=numerical_value&page_size=100')).body.results as Score[];
      const values = ascending.map((score) => score.numerical_value);
      const numbers = values.filter((value) => value !== null);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(values.slice(numbers.length).every((value) => value === null)).toBe(true);
      const nullIds = ascending.filter((score) => score.numerical_value === null).map((score) => score.id);
      expect(nullIds).toEqual([...nullIds].sort());
      const descending = (await list('?sort_by=-numerical_value&page_size=100')).body.results as Score[];
      expect(ids(descending)).toEqual(ids([...ascending].reverse()));
    });
  });

  describe('POST /api/scores/list/', () => {
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
      [
        'exact, any of a list',
        { log_id: { operator: '', value: ['log-2', 'log-3'] } },
        (score) => ['log-2', 'log-3'].includes(score.log_id),
      ],
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
      ['evaluator_id', () => ({ evaluator_id: { value: [accuracy.id] } }), (score) => score.evaluator_id === accuracy.id],
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

  it("never shows another organization's scores", async () => {
    const res = await t.http.get('/api/scores/?page_size=100').set(other.bearerKey);
    expect(res.body.count).toBe(1);
    expect(ids(res.body.results)).not.toEqual(expect.arrayContaining([scores[0].id]));
    expect((await t.http.get(`/api/scores/?evaluator_id=${randomUUID()}`).set(tenant.bearerKey)).body.count).toBe(0);
  });
});
