import { randomUUID } from 'node:crypto';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type ListFixture, type Score, idsOf, seedListScores } from './score-list-fixture';

/** `GET /api/scores/`: query filters, sorting and DRF paging (contract §4). */
describe('score lists', () => {
  let t: TestApp;
  let fixture: ListFixture;
  let tenant: Tenant;
  let scores: Score[];

  const list = (query = '') => t.http.get(`/api/scores/${query}`).set(tenant.bearerKey);
  const expectIds = (results: Score[], predicate: (score: Score) => boolean) =>
    expect(idsOf(results).sort()).toEqual(idsOf(scores.filter(predicate)).sort());

  beforeAll(async () => {
    t = await startTestApp();
    fixture = await seedListScores(t);
    ({ tenant, scores } = fixture);
  });
  afterAll(() => t.close());

  it("lists the organization's scores, newest first by default, in DRF pages", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 12, next: null, previous: null });
    expect(idsOf(res.body.results)).toEqual(idsOf([...scores].reverse()));
    expect(res.body.results[0]).toEqual(scores[11]);
  });

  it('pages with page and page_size: absolute next/previous links, 404 past the end, 400 beyond 100', async () => {
    const second = await list('?page=2&page_size=5');
    expect(second.body.count).toBe(12);
    expect(idsOf(second.body.results)).toEqual(idsOf([...scores].reverse().slice(5, 10)));
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
      expectIds(
        (await list(`?evaluator_id=${fixture.accuracy.id}&page_size=100`)).body.results,
        (score) => score.evaluator_id === fixture.accuracy.id,
      );
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
      expect(idsOf(res.body.results)).toEqual(idsOf(expected));
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
      expect(idsOf(descending)).toEqual(idsOf([...ascending].reverse()));
    });
  });

  it("never shows another organization's scores", async () => {
    const res = await t.http.get('/api/scores/?page_size=100').set(fixture.other.bearerKey);
    expect(res.body.count).toBe(1);
    expect(idsOf(res.body.results)).not.toEqual(expect.arrayContaining([scores[0].id]));
    expect((await t.http.get(`/api/scores/?evaluator_id=${randomUUID()}`).set(tenant.bearerKey)).body.count).toBe(0);
  });
});
