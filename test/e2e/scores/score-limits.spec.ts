import { createEvaluator } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/**
 * Requests that ask for unbounded work are refused before it is done, in DRF's 400 naming the field
 * (issue 11, amplification): the body-wide bound on list length first, then each route's own limit.
 * Bodies are sent as prepared JSON text. How long the refusals take is measured by the reliability
 * suite's amplification bounds, not here.
 */
describe('score request limits', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'limits');
  });
  afterAll(() => t.close());

  async function post(path: string, body: string): Promise<{ status: number; body: unknown }> {
    const res = await t.http.post(path).set(tenant.bearerKey).set('Content-Type', 'application/json').send(body);
    return { status: res.status, body: res.body as unknown };
  }

  const conditions = (count: number) => Array.from({ length: count }, (_, index) => ({ operator: 'in', value: [`log-${index}`] }));

  it('refuses a filter of 20,000 conditions on one field, naming the field', async () => {
    const answer = await post('/api/scores/list/', JSON.stringify({ filters: { log_id: conditions(20_000) } }));
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { filters: { log_id: ['JSON lists and objects are limited to 10000 entries.'] } },
    });
    const fewer = await post('/api/scores/list/', JSON.stringify({ filters: { log_id: conditions(5_000) } }));
    expect(fewer.body).toEqual({ filters: { log_id: ['Expected at most 50 conditions.'] } });
  });

  it('takes 50 conditions in all and refuses one more; takes 100 values in a condition and refuses one more', async () => {
    const filter = (filters: unknown) => t.http.post('/api/scores/list/').set(tenant.bearerKey).send({ filters });
    expect((await filter({ log_id: conditions(30), dataset_id: conditions(20) })).status).toBe(200);
    const tooMany = await filter({ log_id: conditions(30), dataset_id: conditions(21) });
    expect({ status: tooMany.status, body: tooMany.body }).toEqual({
      status: 400,
      body: { filters: ['Expected at most 50 conditions in all.'] },
    });
    const values = (count: number) => Array.from({ length: count }, (_, index) => `v${index}`);
    expect((await filter({ scorer: { operator: 'in', value: values(100) } })).status).toBe(200);
    const tooLong = await filter({ scorer: { operator: 'in', value: values(101) } });
    expect(tooLong.body).toEqual({ filters: { scorer: { value: ['Expected between 1 and 100 values.'] } } });
  });

  // The refusals below are immediate once the body is validated (test/unit/scores/score-value-rules.spec.ts).
  it('refuses an evaluator of 60,000 choices, naming score_config.choices', async () => {
    const choices = Array.from({ length: 60_000 }, (_, index) => ({ name: String(index) }));
    const body = {
      name: 'Many choices',
      evaluator_slug: 'many_choices',
      type: 'llm',
      score_value_type: 'multi_select',
      score_config: { choices },
    };
    const answer = await post('/api/evaluators/', JSON.stringify(body));
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { score_config: { choices: ['JSON lists and objects are limited to 10000 entries.'] } },
    });
    const fewer = await post('/api/evaluators/', JSON.stringify({ ...body, score_config: { choices: choices.slice(0, 5_000) } }));
    expect(fewer.body).toEqual({ score_config: { choices: ['Expected at most 1000 choices.'] } });
  });

  it('refuses a multi_select score of 60,000 values, naming categorical_value', async () => {
    const choices = Array.from({ length: 1000 }, (_, index) => ({ name: String(index) }));
    const evaluator = await createEvaluator(t, tenant, { score_value_type: 'multi_select', score_config: { choices } });
    const chosen = Array.from({ length: 60_000 }, (_, index) => String(index));
    const answer = await post(
      '/api/scores/',
      JSON.stringify({ evaluator_id: evaluator.id, log_id: 'log-many', categorical_value: chosen }),
    );
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { categorical_value: ['Expected at most 1000 values.'] },
    });
    const all = await t.http
      .post('/api/scores/')
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, log_id: 'log-all', categorical_value: chosen.slice(0, 1000) });
    expect(all.status).toBe(201);
  });
});
