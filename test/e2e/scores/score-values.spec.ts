import { randomUUID } from 'node:crypto';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/**
 * Typed values and is_passed over HTTP: the type of each value field (the request schema), and how a
 * rule of the evaluator is answered. The rules per score_value_type and the is_passed operators are
 * tabled in the service tier (test/service/scores/score-values.spec.ts).
 */
describe('score values over HTTP', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'values');
  });
  afterAll(() => t.close());

  const evaluatorOf = (score_value_type: string, extra: Record<string, unknown> = {}) =>
    createEvaluator(t, tenant, { evaluator_slug: `${score_value_type}_${randomUUID().slice(0, 8)}`, score_value_type, ...extra });

  it.each<[Record<string, unknown>, Record<string, unknown>]>([
    [{ numerical_value: '3' }, { numerical_value: ['A valid number is required.'] }],
    [{ numerical_value: true }, { numerical_value: ['A valid number is required.'] }],
    [{ string_value: 7 }, { string_value: ['Not a valid string.'] }],
    [{ boolean_value: 'yes' }, { boolean_value: ['Must be a valid boolean.'] }],
    [{ boolean_value: 1 }, { boolean_value: ['Must be a valid boolean.'] }],
    [{ categorical_value: 'good' }, { categorical_value: ['Expected a list of items but got type "str".'] }],
    [{ categorical_value: [1] }, { categorical_value: { 0: ['Not a valid string.'] } }],
    [{ json_value: { verdict: 1 } }, { json_value: ['Not a valid string.'] }],
  ])('refuses %j whatever the evaluator: 400 naming the field', async (values, errors) => {
    const res = await postScore(t, tenant, { evaluator_slug: 'custom_types', ...values });
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: errors });
  });

  it('answers a rule of the evaluator with a 400 naming the field, on create, PUT and PATCH, and changes nothing', async () => {
    const evaluator = await evaluatorOf('numerical', { score_config: { min_score: 1, max_score: 5 } });
    const tooHigh = { numerical_value: ["Expected a value of at most 5 (the evaluator's max_score)."] };
    const create = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 6 });
    expect({ status: create.status, body: create.body }).toEqual({ status: 400, body: tooHigh });
    const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
    const url = `/api/scores/${created.body.id}/`;
    const put = await t.http
      .put(url)
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, log_id: created.body.log_id, numerical_value: 9 });
    expect({ status: put.status, body: put.body }).toEqual({ status: 400, body: tooHigh });
    const patch = await t.http.patch(url).set(tenant.bearerKey).send({ numerical_value: 9 });
    expect({ status: patch.status, body: patch.body }).toEqual({ status: 400, body: tooHigh });
    const cleared = await t.http.patch(url).set(tenant.bearerKey).send({ numerical_value: null });
    expect(cleared.body).toEqual({ numerical_value: ['This field is required for a numerical evaluator.'] });
    expect((await t.http.get(url).set(tenant.bearerKey)).body).toEqual(created.body);
  });

  it('reads back each value field as sent', async () => {
    const select = await evaluatorOf('multi_select', { score_config: { choices: [{ name: 'a' }, { name: 'b' }] } });
    const values = {
      categorical_value: ['b', 'a'],
      string_value: 'why',
      boolean_value: false,
      json_value: '{"k": [1, null]}',
      numerical_value: 0.25,
    };
    const created = await postScore(t, tenant, { evaluator_id: select.id, ...values });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(values);
    expect((await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey)).body).toMatchObject(values);
  });

  it('computes is_passed on every write and ignores one the client sends', async () => {
    const evaluator = await evaluatorOf('numerical', { passing_conditions: { primary_score: { operator: 'gt', value: 2 } } });
    const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3, is_passed: false });
    expect(created.body.is_passed).toBe(true);
    const url = `/api/scores/${created.body.id}/`;
    const patched = await t.http.patch(url).set(tenant.bearerKey).send({ numerical_value: 1, is_passed: true });
    expect(patched.body.is_passed).toBe(false);
    const replaced = await t.http
      .put(url)
      .set(tenant.bearerKey)
      .send({ evaluator_id: evaluator.id, log_id: created.body.log_id, numerical_value: 5 });
    expect(replaced.body.is_passed).toBe(true);
    const custom = await postScore(t, tenant, { evaluator_slug: 'custom_passing', numerical_value: 5, is_passed: true });
    expect(custom.body.is_passed).toBe(false);
  });
});
