import { newcombeDifference, welchDifference } from '../../../src/scores/summary/summary-statistics';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type Row, sql } from './score-summary-fixture';

const closeTo = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

/** `compare=` and the summary's errors. */
describe('score summary comparisons and errors', () => {
  let t: TestApp;
  let tenant: Tenant;
  let accuracy: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'summary-compare');
    accuracy = await createEvaluator(t, tenant, {
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
    });
    const flag = await createEvaluator(t, tenant, { score_value_type: 'boolean' });
    for (let index = 0; index < 40; index++) {
      const version = [1, 2, 2, 3][index % 4];
      const environment = index % 5 === 0 ? 'staging' : 'production';
      await postScore(t, tenant, {
        evaluator_id: accuracy.id,
        numerical_value: (index * 3 + version * 2) % 10,
        prompt_version_number: version,
        environment,
      }).expect(201);
    }
    await postScore(t, tenant, { evaluator_id: flag.id, boolean_value: true, prompt_version_number: 1 }).expect(201);
  });
  afterAll(() => t.close());

  /** Each side's counts and moments straight from the rows. */
  async function sides(where: string, params: unknown[], column: string, a: unknown, b: unknown): Promise<Map<string, Row>> {
    const rows = await sql<Row>(
      t,
      `select evaluator_id, ${column}::text as side, count(*)::int as count, count(*) filter (where is_passed)::int as passed,
         count(numerical_value)::int as n, avg(numerical_value) as mean, stddev_samp(numerical_value) as stddev
       from scores where organization_id = ? and (${where}) and ${column}::text in (?, ?) group by 1, 2`,
      [tenant.organizationId, ...params, String(a), String(b)],
    );
    return new Map(rows.map((row) => [`${row.evaluator_id}/${row.side}`, row]));
  }

  function expectComparison(comparison: Row, expected: Map<string, Row>, evaluatorId: string, a: unknown, b: unknown): void {
    const [sa, sb] = [a, b].map(
      (value) => expected.get(`${evaluatorId}/${value}`) ?? { count: 0, passed: 0, n: 0, mean: null, stddev: null },
    );
    for (const [side, row, value] of [
      [comparison.a, sa, a],
      [comparison.b, sb, b],
    ] as const) {
      expect(side).toMatchObject({ value, count: row.count, passed: row.passed, numerical_count: row.n });
      closeTo(side.mean, row.n ? Number(row.mean) : null);
      closeTo(side.stddev, row.n > 1 ? Number(row.stddev) : null);
    }
    const rate = (row: Row) => (row.count ? row.passed / row.count : null);
    closeTo(comparison.pass_rate_diff, sa.count && sb.count ? rate(sb)! - rate(sa)! : null);
    const interval = newcombeDifference(sa as { count: number; passed: number }, sb as { count: number; passed: number });
    [0, 1].forEach((index) => closeTo(comparison.pass_rate_diff_ci95?.[index] ?? null, interval?.[index] ?? null));
    closeTo(comparison.mean_diff, sa.n && sb.n ? Number(sb.mean) - Number(sa.mean) : null);
    const sample = (row: Row) => ({ count: row.n, mean: Number(row.mean), stddev: Number(row.stddev ?? 0) });
    const welch = welchDifference(sample(sa), sample(sb));
    [0, 1].forEach((index) => closeTo(comparison.mean_diff_ci95?.[index] ?? null, welch?.[index] ?? null));
  }

  it.each([
    ['prompt versions, from the buckets', '?compare=prompt_version_number:1,2', 'true', 'prompt_version_number', 1, 2],
    [
      'prompt versions within a filter, from the rows',
      '?environment=production&compare=prompt_version_number:1,2',
      "environment = 'production'",
      'prompt_version_number',
      1,
      2,
    ],
    ['environments', '?compare=environment:staging,production', 'true', 'environment', 'staging', 'production'],
  ])('compares %s', async (_name, query, where, column, a, b) => {
    const res = await t.http.get(`/api/scores/summary/${query}`).set(tenant.bearerKey).expect(200);
    const expected = await sides(where, [], column, a, b);
    expect(res.body.results.length).toBeGreaterThan(0);
    for (const result of res.body.results) expectComparison(result.comparison, expected, result.evaluator_id, a, b);
    const accuracyResult = res.body.results.find((result: Row) => result.evaluator_id === accuracy.id);
    expect(accuracyResult.comparison.mean_diff_ci95).toHaveLength(2);
  });

  it('compares within each group, with a filter body', async () => {
    const res = await t.http
      .post('/api/scores/summary/?compare=prompt_version_number:2,3&group_by=environment')
      .set(tenant.bearerKey)
      .send({ filters: { evaluator_id: { operator: '', value: accuracy.id } } })
      .expect(200);
    for (const environment of ['staging', 'production']) {
      const expected = await sides('evaluator_id = ? and environment = ?', [accuracy.id, environment], 'prompt_version_number', 2, 3);
      const result = res.body.results.find((item: Row) => item.group.environment === environment);
      expectComparison(result.comparison, expected, accuracy.id, 2, 3);
    }
  });

  it.each([
    ['?group_by=colour', 'group_by'],
    ['?group_by=day,day', 'group_by'],
    ['?compare=log_id:a,b', 'compare'],
    ['?compare=prompt_version_number:1', 'compare'],
    ['?compare=prompt_version_number:one,two', 'compare'],
    ['?compare=environment:x,x', 'compare'],
    ['?compare=environment:x,y&group_by=environment', 'compare'],
    ['?page=2', 'page'],
    ['?percentiles=maybe', 'percentiles'],
    ['?start_time=yesterday', 'start_time'],
  ])('refuses %s naming %s', async (query, parameter) => {
    const res = await t.http.get(`/api/scores/summary/${query}`).set(tenant.bearerKey);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual([parameter]);
    expect(res.body[parameter][0]).toEqual(expect.any(String));
  });

  it('refuses bad filter bodies and unknown fields, DRF style', async () => {
    const unknown = await t.http
      .post('/api/scores/summary/')
      .set(tenant.bearerKey)
      .send({ filters: { colour: { value: 'red' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.filters).toHaveProperty('colour');
    const grouped = await t.http.post('/api/scores/summary/?group_by=colour').set(tenant.bearerKey).send({});
    expect(grouped.status).toBe(400);
    expect(grouped.body).toHaveProperty('group_by');
  });

  it('needs credentials', async () => {
    const res = await t.http.get('/api/scores/summary/');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });
});
