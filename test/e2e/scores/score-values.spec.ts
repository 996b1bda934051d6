import { randomUUID } from 'node:crypto';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const CHOICES = {
  choices: [
    { name: 'good', value: 2 },
    { name: 'okay', value: 1 },
    { name: 'bad', value: 0 },
  ],
};

/** Typed values and is_passed (contract §4). */
describe('score values', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'values');
  });
  afterAll(() => t.close());

  const evaluatorOf = (score_value_type: string, extra: Record<string, unknown> = {}) =>
    createEvaluator(t, tenant, { evaluator_slug: `${score_value_type}_${randomUUID().slice(0, 8)}`, score_value_type, ...extra });

  describe.each<
    [string, Record<string, unknown>, Record<string, unknown>, [Record<string, unknown>, string, string | Record<string, string[]>][]]
  >([
    [
      'numerical',
      { score_config: { min_score: 1, max_score: 5 } },
      { numerical_value: 3.5 },
      [
        [{ numerical_value: 6 }, 'numerical_value', "Expected a value of at most 5 (the evaluator's max_score)."],
        [{ numerical_value: 0.5 }, 'numerical_value', "Expected a value of at least 1 (the evaluator's min_score)."],
        [{ numerical_value: '3' }, 'numerical_value', 'A valid number is required.'],
        [{ numerical_value: null }, 'numerical_value', 'This field is required for a numerical evaluator.'],
        [{}, 'numerical_value', 'This field is required for a numerical evaluator.'],
        [{ numerical_value: 3, string_value: 7 }, 'string_value', 'Not a valid string.'],
      ],
    ],
    [
      'percentage',
      {},
      { numerical_value: 100 },
      [
        [{ numerical_value: 100.5 }, 'numerical_value', 'Expected a percentage between 0 and 100.'],
        [{ numerical_value: -1 }, 'numerical_value', 'Expected a percentage between 0 and 100.'],
        [{ numerical_value: true }, 'numerical_value', 'A valid number is required.'],
      ],
    ],
    [
      'boolean',
      {},
      { boolean_value: false },
      [
        [{ boolean_value: 'yes' }, 'boolean_value', 'Must be a valid boolean.'],
        [{ boolean_value: 1 }, 'boolean_value', 'Must be a valid boolean.'],
        [{ numerical_value: 1 }, 'boolean_value', 'This field is required for a boolean evaluator.'],
      ],
    ],
    [
      'single_select',
      { score_config: CHOICES },
      { categorical_value: ['okay'] },
      [
        [{ categorical_value: ['good', 'bad'] }, 'categorical_value', 'Expected exactly one choice of good, okay, bad.'],
        [{ categorical_value: [] }, 'categorical_value', 'Expected exactly one choice of good, okay, bad.'],
        [{ categorical_value: ['great'] }, 'categorical_value', 'Unknown choice "great"; expected one of good, okay, bad.'],
        [{ categorical_value: 'good' }, 'categorical_value', 'Expected a list of items but got type "str".'],
      ],
    ],
    [
      'multi_select',
      { score_config: CHOICES },
      { categorical_value: ['good', 'bad'] },
      [
        [{ categorical_value: ['good', 'great'] }, 'categorical_value', 'Unknown choice "great"; expected one of good, okay, bad.'],
        [{ categorical_value: ['good', 'good'] }, 'categorical_value', 'Each choice may be chosen once.'],
        [{ categorical_value: [1] }, 'categorical_value', { 0: ['Not a valid string.'] }],
      ],
    ],
    [
      'categorical',
      {},
      { categorical_value: ['anything'] },
      [[{ string_value: 'x' }, 'categorical_value', 'This field is required for a categorical evaluator.']],
    ],
    [
      'text',
      {},
      { string_value: 'well argued' },
      [
        [{ string_value: 5 }, 'string_value', 'Not a valid string.'],
        [{ json_value: '{"a": 1}' }, 'string_value', 'This field is required for a text evaluator.'],
      ],
    ],
    ['comment', {}, { string_value: 'a remark' }, [[{ string_value: ['x'] }, 'string_value', 'Not a valid string.']]],
    [
      'json',
      {},
      { json_value: '{"verdict": [1, 2, {"ok": true}]}' },
      [
        [{ json_value: '{not json' }, 'json_value', 'Expected a JSON document encoded as a string.'],
        [{ json_value: { verdict: 1 } }, 'json_value', 'Not a valid string.'],
        [{ json_value: null }, 'json_value', 'This field is required for a json evaluator.'],
      ],
    ],
  ])('a %s evaluator', (type, extra, valid, invalid) => {
    let evaluator: { id: string };
    beforeAll(async () => {
      evaluator = await evaluatorOf(type, extra);
    });

    it('accepts its value field and reads it back', async () => {
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, ...valid });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject(valid);
      const read = await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
      expect(read.body).toMatchObject(valid);
    });

    it.each(invalid)('refuses %j: 400 naming %s', async (values, field, message) => {
      const errors = { [field]: typeof message === 'string' ? [message] : message };
      const create = await postScore(t, tenant, { evaluator_id: evaluator.id, ...values });
      expect({ status: create.status, body: create.body }).toEqual({ status: 400, body: errors });
      const existing = await postScore(t, tenant, { evaluator_id: evaluator.id, ...valid });
      const replace = await t.http
        .put(`/api/scores/${existing.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, log_id: existing.body.log_id, ...values });
      expect({ status: replace.status, body: replace.body }).toEqual({ status: 400, body: errors });
      const unchanged = await t.http.get(`/api/scores/${existing.body.id}/`).set(tenant.bearerKey);
      expect(unchanged.body).toEqual(existing.body);
    });
  });

  it('checks json_value and the type of every value field whatever the evaluator', async () => {
    const numerical = await evaluatorOf('numerical');
    const res = await postScore(t, tenant, { evaluator_id: numerical.id, numerical_value: 1, json_value: '[1,', boolean_value: 'no' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ boolean_value: ['Must be a valid boolean.'] });
    const json = await postScore(t, tenant, { evaluator_id: numerical.id, numerical_value: 1, json_value: '[1,' });
    expect(json.body).toEqual({ json_value: ['Expected a JSON document encoded as a string.'] });
    const custom = await postScore(t, tenant, { evaluator_slug: 'custom_json', json_value: 'nope' });
    expect(custom.body).toEqual({ json_value: ['Expected a JSON document encoded as a string.'] });
  });

  it('re-checks the merged values on PATCH', async () => {
    const evaluator = await evaluatorOf('numerical', { score_config: { min_score: 1, max_score: 5 } });
    const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
    const bad = await t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ numerical_value: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ numerical_value: ["Expected a value of at most 5 (the evaluator's max_score)."] });
    const cleared = await t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ numerical_value: null });
    expect(cleared.body).toEqual({ numerical_value: ['This field is required for a numerical evaluator.'] });
    const wrongType = await t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ string_value: false });
    expect(wrongType.body).toEqual({ string_value: ['Not a valid string.'] });
    expect((await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey)).body).toEqual(created.body);
  });

  describe('is_passed', () => {
    const passes = async (
      type: string,
      config: Record<string, unknown>,
      operator: string,
      value: unknown,
      values: Record<string, unknown>,
    ) => {
      const evaluator = await evaluatorOf(type, { ...config, passing_conditions: { primary_score: { operator, value } } });
      const res = await postScore(t, tenant, { evaluator_id: evaluator.id, ...values, is_passed: 'ignored' });
      expect(res.status).toBe(201);
      return res.body.is_passed as boolean;
    };

    it.each([
      ['eq', 3, 3, true],
      ['eq', 3, 4, false],
      ['neq', 3, 4, true],
      ['neq', 3, 3, false],
      ['gt', 3, 3.5, true],
      ['gt', 3, 3, false],
      ['gte', 3, 3, true],
      ['gte', 3, 2.9, false],
      ['lt', 3, 2, true],
      ['lt', 3, 3, false],
      ['lte', 3, 3, true],
      ['lte', 3, 4, false],
      ['in', [1, 3], 3, true],
      ['in', [1, 3], 2, false],
      ['not_in', [1, 3], 2, true],
      ['not_in', [1, 3], 1, false],
    ])('numerical %s %j with %j → %s', async (operator, value, score, expected) => {
      expect(await passes('numerical', {}, operator, value, { numerical_value: score })).toBe(expected);
    });

    it('percentage compares numerical_value', async () => {
      expect(await passes('percentage', {}, 'gte', 80, { numerical_value: 80 })).toBe(true);
      expect(await passes('percentage', {}, 'gte', 80, { numerical_value: 79.9 })).toBe(false);
    });

    it.each([
      ['eq', true, true, true],
      ['eq', true, false, false],
      ['neq', true, false, true],
      ['neq', true, true, false],
    ])('boolean %s %j with %j → %s', async (operator, value, score, expected) => {
      expect(await passes('boolean', {}, operator, value, { boolean_value: score })).toBe(expected);
    });

    it('single_select compares the chosen choice value (or its name when it has none)', async () => {
      expect(await passes('single_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['okay'] })).toBe(true);
      expect(await passes('single_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['bad'] })).toBe(false);
      const named = { score_config: { choices: [{ name: 'yes' }, { name: 'no' }] } };
      expect(await passes('single_select', named, 'eq', 'yes', { categorical_value: ['yes'] })).toBe(true);
      expect(await passes('single_select', named, 'in', ['yes'], { categorical_value: ['no'] })).toBe(false);
    });

    it('multi_select passes when the condition holds for every chosen choice', async () => {
      expect(await passes('multi_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['good', 'okay'] })).toBe(true);
      expect(await passes('multi_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['good', 'bad'] })).toBe(false);
      expect(await passes('multi_select', { score_config: CHOICES }, 'not_in', [0], { categorical_value: [] })).toBe(false);
    });

    it('is false without conditions, without a platform evaluator, and cannot be set by the client', async () => {
      const plain = await evaluatorOf('numerical');
      const res = await postScore(t, tenant, { evaluator_id: plain.id, numerical_value: 5, is_passed: true });
      expect(res.body.is_passed).toBe(false);
      const custom = await postScore(t, tenant, { evaluator_slug: 'custom_passing', numerical_value: 5, is_passed: true });
      expect(custom.body.is_passed).toBe(false);
      const patched = await t.http.patch(`/api/scores/${custom.body.id}/`).set(tenant.bearerKey).send({ is_passed: true });
      expect(patched.body.is_passed).toBe(false);
    });

    it('is recomputed on every write', async () => {
      const evaluator = await evaluatorOf('numerical', { passing_conditions: { primary_score: { operator: 'gt', value: 2 } } });
      const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 3 });
      expect(created.body.is_passed).toBe(true);
      const patched = await t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ numerical_value: 1 });
      expect(patched.body.is_passed).toBe(false);
      const replaced = await t.http
        .put(`/api/scores/${created.body.id}/`)
        .set(tenant.bearerKey)
        .send({ evaluator_id: evaluator.id, log_id: created.body.log_id, numerical_value: 5 });
      expect(replaced.body.is_passed).toBe(true);
    });
  });
});
