import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResponseSchemas } from '../../support/response-schemas';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type Row, directSummary, expectSummaryEquals, sql } from './score-summary-fixture';

/**
 * Every number of a summary equals a direct SQL computation over the rows the same filter lists,
 * whether the running buckets or the rows answer it, after each kind of write.
 */
/** The service's own document: every summary answer conforms to it. */
const schemas = new ResponseSchemas(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8'));

describe('score summaries', () => {
  let t: TestApp;
  let tenant: Tenant;
  let accuracy: { id: string; evaluator_slug: string };
  let flag: { id: string; evaluator_slug: string };
  let pick: { id: string; evaluator_slug: string };
  const created: Row[] = [];

  /** A summary request (GET query or POST body) and the SQL `where` that selects the same rows. */
  interface Case {
    query: string;
    body?: unknown;
    where: string;
    params?: unknown[];
    groupBy: string[];
  }
  let cases: Case[];

  const summary = async (query: string, body?: unknown) => {
    const request =
      body === undefined ? t.http.get(`/api/scores/summary/${query}`) : t.http.post(`/api/scores/summary/${query}`).send(body as object);
    const res = await request.set(tenant.bearerKey);
    expect(res.status).toBe(200);
    expect(schemas.errors('/api/scores/summary/', body === undefined ? 'get' : 'post', 200, res.body)).toEqual([]);
    return res.body.results as Row[];
  };

  async function expectAllCases(): Promise<void> {
    for (const { query, body, where, params = [], groupBy } of cases) {
      const results = await summary(query, body);
      expectSummaryEquals(results, await directSummary(t, tenant, where, params, groupBy), groupBy);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'summary');
    accuracy = await createEvaluator(t, tenant, {
      score_value_type: 'numerical',
      score_config: { min_score: 0, max_score: 10 },
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
    });
    flag = await createEvaluator(t, tenant, {
      score_value_type: 'boolean',
      passing_conditions: { primary_score: { operator: 'eq', value: true } },
    });
    pick = await createEvaluator(t, tenant, {
      score_value_type: 'multi_select',
      score_config: { choices: ['good', 'okay', 'bad'].map((name, value) => ({ name, value })) },
    });
    cases = [
      { query: '', where: 'true', groupBy: [] },
      { query: `?evaluator_id=${accuracy.id}`, where: 'evaluator_id = ?', params: [accuracy.id], groupBy: [] },
      { query: '?group_by=environment', where: 'true', groupBy: ['environment'] },
      { query: '?group_by=evaluator,prompt_version_number,day', where: 'true', groupBy: ['prompt_version_number', 'day'] },
      { query: '?environment=staging&group_by=day', where: "environment = 'staging'", groupBy: ['day'] },
      { query: '?group_by=dataset_id&scorer=alice', where: "scorer = 'alice'", groupBy: ['dataset_id'] },
      { query: `?evaluator_slug=custom_summary&group_by=scorer`, where: "evaluator_slug = 'custom_summary'", groupBy: ['scorer'] },
      // Two dimensions, ranges and non-equality operators: read from the rows.
      { query: '?environment=production&group_by=dataset_id', where: "environment = 'production'", groupBy: ['dataset_id'] },
      { query: '?group_by=environment,scorer,prompt_id', where: 'true', groupBy: ['environment', 'scorer', 'prompt_id'] },
      { query: '?numerical_value__gte=3&is_passed=true', where: 'numerical_value >= 3 and is_passed', groupBy: [] },
      {
        query: '?group_by=environment',
        body: { filters: { scorer: { operator: 'in', value: ['alice', 'bob'] }, dataset_id: { operator: 'not', value: 'ds_a' } } },
        where: "scorer in ('alice', 'bob') and dataset_id is distinct from 'ds_a'",
        groupBy: ['environment'],
      },
      {
        query: '?group_by=prompt_version_number',
        body: { filters: { evaluator_id: { operator: '', value: [accuracy.id, flag.id] } } },
        where: 'evaluator_id in (?, ?)',
        params: [accuracy.id, flag.id],
        groupBy: ['prompt_version_number'],
      },
      {
        query: '',
        body: { filters: { environment: { operator: 'icontains', value: 'STAG' } } },
        where: "environment ilike '%stag%'",
        groupBy: [],
      },
    ];
    for (let index = 0; index < 36; index++) {
      const common = {
        environment: index % 3 === 0 ? 'staging' : 'production',
        prompt_id: index % 4 === 0 ? undefined : 'prompt_main',
        prompt_version_number: [1, 2, undefined][index % 3 === 2 ? 2 : index % 2],
        dataset_id: ['ds_a', 'ds_b', undefined][index % 3],
        scorer: ['alice', 'bob'][Math.floor(index / 2) % 2],
      };
      const value = [
        { evaluator_id: accuracy.id, numerical_value: (index * 7) % 11 },
        { evaluator_id: flag.id, boolean_value: index % 5 !== 0 },
        { evaluator_id: pick.id, categorical_value: [['good'], ['okay', 'bad'], ['bad', 'good', 'okay']][index % 3] },
        { evaluator_slug: 'custom_summary', numerical_value: index / 4 },
      ][index % 4];
      const res = await postScore(t, tenant, { ...common, ...value });
      if (res.status !== 201) throw new Error(JSON.stringify([index, res.body]));
      created.push(res.body);
    }
  });
  afterAll(() => t.close());

  it('equals the rows after creates', async () => {
    await expectAllCases();
  });

  it('equals the rows after PATCH updates (taking off minimums and maximums)', async () => {
    const extremes = created.filter((score) => score.evaluator_id === accuracy.id && [0, 10].includes(score.numerical_value));
    for (const score of extremes) {
      await t.http.patch(`/api/scores/${score.id}/`).set(tenant.bearerKey).send({ numerical_value: 5.5 }).expect(200);
    }
    await t.http
      .patch(`/api/scores/${created[1].id}/`)
      .set(tenant.bearerKey)
      .send({ boolean_value: !created[1].boolean_value })
      .expect(200);
    await t.http
      .patch(`/api/scores/${created[2].id}/`)
      .set(tenant.bearerKey)
      .send({ categorical_value: ['okay'] })
      .expect(200);
    expect(extremes.length).toBeGreaterThan(0);
    await expectAllCases();
  });

  it('equals the rows after PUT replaces that move scores between evaluators and groups', async () => {
    for (const score of created.slice(4, 12)) {
      await t.http
        .put(`/api/scores/${score.id}/`)
        .set(tenant.bearerKey)
        .send({ log_id: score.log_id, evaluator_id: accuracy.id, numerical_value: 9.25, environment: 'canary', prompt_version_number: 3 })
        .expect(200);
    }
    await expectAllCases();
  });

  it('equals the rows after deletes, of extremes too, and log-scoped upserts', async () => {
    const [{ id: maximum }] = await sql<{ id: string }>(
      t,
      'select id from scores where organization_id = ? and evaluator_id = ? order by numerical_value desc limit 1',
      [tenant.organizationId, accuracy.id],
    );
    for (const id of [maximum, created[13].id, created[14].id, created[15].id]) {
      await t.http.delete(`/api/scores/${id}/`).set(tenant.bearerKey).expect(204);
    }
    await t.http
      .post('/api/logs/log-summary/scores/')
      .set(tenant.bearerKey)
      .send({ evaluator_id: accuracy.id, numerical_value: 1 })
      .expect(201);
    await t.http
      .post('/api/logs/log-summary/scores/')
      .set(tenant.bearerKey)
      .send({ evaluator_id: accuracy.id, numerical_value: 8 })
      .expect(200);
    await expectAllCases();
  });

  it('equals the rows when scores span several UTC days (a multi-row update moving them)', async () => {
    await sql(t, `update scores set created_at = created_at - (hashtext(id::text) % 4) * interval '1 day' where organization_id = ?`, [
      tenant.organizationId,
    ]);
    const days = await summary('?group_by=day');
    expect(new Set(days.map((result) => result.group.day)).size).toBeGreaterThan(1);
    await expectAllCases();
  });

  it('equals the rows after concurrent creates, updates and deletes of one evaluator', async () => {
    const kept = await sql<{ id: string }>(t, 'select id from scores where organization_id = ? and evaluator_id = ? order by id limit 6', [
      tenant.organizationId,
      accuracy.id,
    ]);
    await Promise.all([
      ...Array.from({ length: 24 }, (_unused, index) =>
        postScore(t, tenant, {
          evaluator_id: accuracy.id,
          numerical_value: index % 11,
          environment: ['production', 'staging'][index % 2],
        }).expect(201),
      ),
      ...kept
        .slice(0, 3)
        .map((score) => t.http.patch(`/api/scores/${score.id}/`).set(tenant.bearerKey).send({ numerical_value: 0 }).expect(200)),
      ...kept.slice(3).map((score) => t.http.delete(`/api/scores/${score.id}/`).set(tenant.bearerKey).expect(204)),
    ]);
    await expectAllCases();
  });

  it('leaves the percentiles out when asked, and answers the same path without the slash', async () => {
    const groupBy = ['environment'];
    const res = await t.http.get('/api/scores/summary?group_by=environment&percentiles=false').set(tenant.bearerKey).expect(200);
    expectSummaryEquals(res.body.results, await directSummary(t, tenant, 'true', [], groupBy), groupBy, false);
  });

  it('answers an empty list for an organization without scores', async () => {
    const other = await createTenant(t.app, 'summary-empty');
    const res = await t.http.get('/api/scores/summary/?group_by=day').set(other.bearerKey).expect(200);
    expect(res.body).toEqual({ results: [] });
  });
});
