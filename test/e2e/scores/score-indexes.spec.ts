import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { postScore } from '../../support/scores';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** Every list filter and sort is served by an index led by organization_id (plans read with sequential scans disabled). */
describe('score list indexes', () => {
  let t: TestApp;
  let tenant: Tenant;
  let statements: string[] = [];
  let evaluatorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'indexes');
    await postScore(t, tenant, { evaluator_slug: 'x', log_id: 'x', dataset_id: 'x', environment: 'x', scorer: 'x', numerical_value: 1.5 });
    // Realistic statistics, so that the planner's choice means something.
    await withServices(t.app, async () => {
      const connection = t.app.get(MikroORM).em.getConnection();
      await connection.execute(
        `insert into scores (organization_id, id, evaluator_id, evaluator_slug, type, log_id, environment, dataset_id, scorer, numerical_value, is_passed, inputs, revision, created_at, updated_at)
         select ?, gen_random_uuid(), case when n % 3 = 0 then gen_random_uuid() end, 'slug_' || (n % 50), (array['llm', 'human', 'code'])[1 + n % 3], 'log_' || n,
                'env_' || (n % 7), 'ds_' || (n % 200), 'scorer_' || (n % 40), (n % 1000) / 10.0, n % 2 = 0, '{}', 1,
                now() - n * interval '1 minute', now() - n * interval '1 minute'
         from generate_series(1, 5000) as n`,
        [tenant.organizationId],
      );
      await connection.execute('analyze scores');
      const [row] = await connection.execute<{ evaluator_id: string }[]>(
        'select evaluator_id from scores where organization_id = ? and evaluator_id is not null limit 1',
        [tenant.organizationId],
      );
      evaluatorId = row.evaluator_id;
    });
    const config = t.app.get(MikroORM).config;
    config.set('debug', ['query']);
    const logger = config.getLogger() as unknown as { log: (namespace: string, message: string) => void; isEnabled: () => boolean };
    logger.isEnabled = () => true;
    logger.log = (namespace, message) => {
      if (namespace === 'query') statements.push(message.split('\u001b')[0].trim());
    };
  });
  afterAll(() => t.close());

  async function plansOf(query: string): Promise<string[]> {
    statements = [];
    const res = await t.http.get(`/api/scores/${query}`).set(tenant.bearerKey);
    expect(res.status).toBe(200);
    // The count reads the kept counts (per evaluator, per filter value) when the filter allows it, the rows otherwise.
    const selects = statements.filter((sql) => /^select .* from ("scores"|score_counts)|^select \(select coalesce\(sum\(count\)/.test(sql));
    expect(selects).toHaveLength(2);
    return withServices(t.app, () =>
      t.app.get(EntityManager).transactional(async (em) => {
        await em.execute('set local enable_seqscan = off');
        const plans: string[] = [];
        for (const sql of selects) {
          const rows = await em.execute<{ 'QUERY PLAN': string }[]>(`explain ${sql}`);
          plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
        }
        return plans;
      }),
    );
  }

  const hoursAgo = (hours: number) => encodeURIComponent(new Date(Date.now() - hours * 3_600_000).toISOString());

  it.each([
    ['', 'scores_created_index'],
    ['?evaluator_id=<evaluator>', 'scores_evaluator_id_index'],
    ['?evaluator_slug=x', 'scores_evaluator_slug_index'],
    ['?log_id=x', 'scores_log_evaluator_scorer_unique'],
    ['?dataset_id=x', 'scores_dataset_index'],
    ['?environment=x', 'scores_environment_index'],
    ['?scorer=x', 'scores_scorer_index'],
    ['?type=human', 'scores_type_index'],
    ['?is_passed=true', 'scores_passed_index'],
    [`?start_time=${hoursAgo(30)}&end_time=${hoursAgo(20)}`, 'scores_created_index'],
    ['?numerical_value__gte=1&numerical_value__lte=2', 'scores_numerical_index'],
    ['?sort_by=-updated_at', 'scores_updated_index'],
    ['?sort_by=numerical_value', 'scores_numerical_index'],
  ])('GET /api/scores/%s pages with %s', async (query, index) => {
    const [count, page] = await plansOf(query.replace('<evaluator>', evaluatorId));
    expect(count).not.toContain('Seq Scan');
    expect(page).not.toContain('Seq Scan');
    expect(page).toContain(index);
  });
});
