import { MikroORM } from '@mikro-orm/core';
import { createEvaluator } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { sql } from './score-summary-fixture';

/**
 * Deep pages sorted by `created_at` seek the day of their first row from the summary buckets' day counts
 * (src/scores/list/day-seek.ts): each must hold exactly the rows the plain offset reads.
 */
describe('deep list pages', () => {
  let t: TestApp;
  let tenant: Tenant;
  let evaluatorId: string;
  let statements: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'deep-pages');
    evaluatorId = (await createEvaluator(t, tenant, { score_value_type: 'numerical' })).id;
    // 12,000 scores over 12 UTC days, some sharing an instant, some exactly at midnight.
    await sql(
      t,
      `insert into scores (organization_id, id, evaluator_id, evaluator_slug, type, log_id, environment, scorer, numerical_value, is_passed, inputs, revision, created_at, updated_at)
       select ?, gen_random_uuid(), case when n % 3 = 0 then ?::uuid end, case when n % 3 = 0 then 'seeded' else 'custom_' || (n % 2) end, 'llm',
              'log-' || n, case when n % 4 = 0 then 'staging' else 'production' end, 'scorer-' || (n % 5), n % 10, n % 7 < 3, '{}', 1,
              date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - (n / 1000) * interval '1 day' + case when n % 1000 = 0 then interval '0' else (n % 97) * interval '7 minutes' end,
              now()
       from generate_series(1, 12000) n`,
      [tenant.organizationId, evaluatorId],
    );
    const config = t.app.get(MikroORM).config;
    config.set('debug', ['query']);
    const logger = config.getLogger() as unknown as { log: (namespace: string, message: string) => void; isEnabled: () => boolean };
    logger.isEnabled = () => true;
    logger.log = (namespace, message) => {
      if (namespace === 'query') statements.push(message);
    };
  });
  afterAll(() => t.close());

  const FILTERS: [string, string, unknown[]][] = [
    ['', 'true', []],
    ['environment=staging', 'environment = ?', ['staging']],
    ['is_passed=true', 'is_passed', []],
    ['is_passed=false', 'not is_passed', []],
    ['evaluator_slug=custom_1', 'evaluator_slug = ?', ['custom_1']],
    ['scorer=scorer-2', 'scorer = ?', ['scorer-2']],
    ['evaluator_id=<evaluator>', 'evaluator_id = ?::uuid', ['<evaluator>']],
  ];

  it.each(FILTERS.flatMap(([query, where, params]) => ['-created_at', 'created_at'].map((sort) => [query, sort, where, params] as const)))(
    '?%s sorted by %s: every page past the seek threshold is the offset page',
    async (filter, sort, where, filterParams) => {
      const query = filter.replace('<evaluator>', evaluatorId);
      const params = filterParams.map((param) => (param === '<evaluator>' ? evaluatorId : param));
      const [{ n }] = await sql<{ n: string }>(t, `select count(*) as n from scores where organization_id = ? and ${where}`, [
        tenant.organizationId,
        ...params,
      ]);
      const direction = sort.startsWith('-') ? 'desc' : 'asc';
      const pageSize = 97;
      const pages = Math.ceil(Number(n) / pageSize);
      const deepPages = [Math.ceil(2_000 / pageSize) + 1, Math.ceil(pages / 2) + 1, pages].filter((page) => (page - 1) * pageSize >= 2_000);
      expect(deepPages.length).toBeGreaterThan(0);
      for (const page of deepPages) {
        statements = [];
        const res = await t.http
          .get(`/api/scores/?${query}&sort_by=${sort}&page=${page}&page_size=${pageSize}`)
          .set(tenant.bearerKey)
          .expect(200);
        expect(statements.some((statement) => statement.includes('from score_summary_buckets'))).toBe(true);
        const expected = await sql<{ id: string }>(
          t,
          `select id from scores where organization_id = ? and ${where} order by created_at ${direction}, id ${direction} offset ? limit ?`,
          [tenant.organizationId, ...params, (page - 1) * pageSize, pageSize],
        );
        expect(res.body.results.map((score: { id: string }) => score.id)).toEqual(expected.map((row) => row.id));
      }
    },
  );

  const midnight = (daysAgo: number) => {
    const today = new Date();
    return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysAgo));
  };
  const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000);

  it.each([
    [
      'start_time',
      { created_at: { operator: 'gte', value: hoursAfter(midnight(6), 5).toISOString() } },
      'created_at >= ?',
      [hoursAfter(midnight(6), 5)],
    ],
    [
      'end_time',
      { created_at: { operator: 'lte', value: hoursAfter(midnight(3), 7).toISOString() } },
      'created_at <= ?',
      [hoursAfter(midnight(3), 7)],
    ],
    [
      'both, on midnights (rows at midnight on each edge)',
      {
        created_at: [
          { operator: 'gte', value: midnight(8).toISOString() },
          { operator: 'lte', value: midnight(2).toISOString() },
        ],
      },
      'created_at >= ? and created_at <= ?',
      [midnight(8), midnight(2)],
    ],
    [
      'gt and lt on midnights',
      {
        created_at: [
          { operator: 'gt', value: midnight(8).toISOString() },
          { operator: 'lt', value: midnight(2).toISOString() },
        ],
      },
      'created_at > ? and created_at < ?',
      [midnight(8), midnight(2)],
    ],
  ])('counts a created_at range (%s) from whole days and its edges, as the rows', async (_name, filters, where, params) => {
    statements = [];
    const res = await t.http.post('/api/scores/list/').set(tenant.bearerKey).send({ filters }).expect(200);
    expect(statements.some((statement) => statement.includes('from score_summary_buckets'))).toBe(true);
    const [{ n }] = await sql<{ n: string }>(t, `select count(*) as n from scores where organization_id = ? and ${where}`, [
      tenant.organizationId,
      ...params,
    ]);
    expect(res.body.count).toBe(Number(n));
    expect(Number(n)).toBeGreaterThan(1000);
  });
});
