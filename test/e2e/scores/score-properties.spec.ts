import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createEvaluator } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import {
  type Body,
  inputs,
  junk,
  key,
  number,
  optional,
  text,
  TEXT_FIELDS,
  timestamp,
  VALUE_FIELDS,
  valueFields,
} from './score-arbitraries';

const SEED = Number(process.env.SCORES_PROPERTY_SEED ?? 20261122);
const RUNS = Number(process.env.SCORES_PROPERTY_RUNS ?? 120);

/** Drops the `undefined` fields and what JSON cannot carry, as the request will. */
const sent = (body: Body): Body => JSON.parse(JSON.stringify(body));

describe('score writes, property-based', () => {
  let t: TestApp;
  let tenant: Tenant;
  let references: Body[];
  const choices = ['good', 'okay', 'bad'];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'properties');
    const config = { score_config: { choices: choices.map((name, index) => ({ name, value: index })) } };
    const evaluators = await Promise.all([
      createEvaluator(t, tenant, {
        score_value_type: 'numerical',
        score_config: { min_score: 0, max_score: 10 },
        passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
      }),
      createEvaluator(t, tenant, { score_value_type: 'percentage' }),
      createEvaluator(t, tenant, { score_value_type: 'boolean', passing_conditions: { primary_score: { operator: 'eq', value: true } } }),
      createEvaluator(t, tenant, {
        score_value_type: 'single_select',
        ...config,
        passing_conditions: { primary_score: { operator: 'in', value: [0, 1] } },
      }),
      createEvaluator(t, tenant, { score_value_type: 'multi_select', ...config }),
      createEvaluator(t, tenant, { score_value_type: 'text' }),
      createEvaluator(t, tenant, { score_value_type: 'json' }),
    ]);
    references = [
      ...evaluators.map((evaluator) => ({ evaluator_id: evaluator.id })),
      { evaluator_slug: evaluators[0].evaluator_slug },
      { evaluator_slug: 'custom_property' },
      { evaluator_id: 'not-an-evaluator' },
      {},
    ];
    process.stdout.write(`score property test: fast-check seed ${SEED}, ${RUNS} runs (set SCORES_PROPERTY_SEED to replay)\n`);
  });
  afterAll(() => t.close());

  const validText = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  /** A body each of whose fields is valid for the evaluator it names (most of these are accepted). */
  const validReplaceBody = () =>
    fc
      .tuple(
        fc.integer({ min: 0, max: references.length - 1 }),
        fc.record(
          {
            timestamp: optional(
              fc
                .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
                .map((date) => date.toISOString()),
            ),
            prompt_version_number: optional(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
            ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, optional(validText(255))])),
            string_value: optional(fc.oneof(validText(200), fc.constant(null))),
            boolean_value: optional(fc.oneof(fc.boolean(), fc.constant(null))),
            json_value: optional(fc.oneof(fc.json({ maxDepth: 3 }), fc.constant(null))),
            categorical_value: optional(fc.oneof(fc.subarray(choices, { minLength: 1, maxLength: 1 }), fc.constant(null))),
            numerical_value: optional(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(null))),
          },
          { requiredKeys: [] },
        ),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.boolean(),
        fc.subarray(choices),
        validText(100),
        fc.json(),
      )
      .map(([index, body, percentage, flag, subset, words, json]) => {
        const primary: Body[] = [
          {},
          { numerical_value: percentage },
          { boolean_value: flag },
          {},
          { categorical_value: subset },
          { string_value: words },
          { json_value: json },
        ];
        return { ...body, ...(primary[index] ?? {}), ...references[index], log_id: `log-${randomUUID()}` } as Body;
      });

  /** A body of arbitrary, mostly invalid, values. */
  const wildReplaceBody = () =>
    fc
      .record(
        {
          reference: fc.constantFrom(...references),
          evaluator_slug: optional(fc.oneof(text, junk)),
          timestamp: optional(timestamp),
          prompt_version_number: optional(fc.oneof(fc.integer(), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.double(), junk)),
          ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, optional(fc.oneof(text, junk))])),
          ...valueFields(choices),
        },
        { requiredKeys: ['reference'] },
      )
      .map(({ reference, ...body }) => ({ ...body, ...(reference as Body), log_id: `log-${randomUUID()}` }) as Body);

  const replaceBody = () => fc.oneof({ arbitrary: validReplaceBody(), weight: 4 }, { arbitrary: wildReplaceBody(), weight: 1 });

  const createBody = () =>
    fc
      .tuple(
        replaceBody(),
        fc.oneof(
          {
            arbitrary: fc.record(
              {
                cost: optional(finite),
                status: optional(validText(255)),
                error_message: optional(validText(500)),
                inputs: optional(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }))),
              },
              { requiredKeys: [] },
            ),
            weight: 4,
          },
          {
            arbitrary: fc.record(
              {
                cost: optional(fc.oneof(number, junk)),
                status: optional(fc.oneof(text, junk)),
                error_message: optional(fc.oneof(text, junk)),
                inputs: optional(inputs),
              },
              { requiredKeys: [] },
            ),
            weight: 1,
          },
        ),
      )
      .map(([body, producer]) => ({ ...body, ...producer }));

  const updateBody = () =>
    fc.oneof(
      {
        arbitrary: fc.record(
          {
            numerical_value: optional(fc.double({ min: 0, max: 10, noNaN: true })),
            string_value: optional(fc.oneof(validText(100), fc.constant(null))),
            boolean_value: optional(fc.boolean()),
            categorical_value: optional(fc.subarray(choices, { minLength: 1, maxLength: 1 })),
            json_value: optional(fc.json({ maxDepth: 2 })),
          },
          { requiredKeys: [] },
        ),
        weight: 3,
      },
      { arbitrary: fc.record(valueFields(choices), { requiredKeys: [] }), weight: 1 },
    );

  /** What the score must read back as after a write of `body` (the fields the request schema declares). */
  function expectReadBack(score: Body, body: Body, declared: string[], defaults: Body) {
    for (const field of declared.filter((name) => name in score)) {
      expect({ [field]: score[field] }).toEqual({ [field]: field in body ? body[field] : (defaults[field] ?? null) });
    }
  }

  it('never answers 5xx, and what it accepts reads back exactly as sent', async () => {
    const outcomes = new Map<string, number>();
    const tally = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const writable = ['log_id', 'prompt_version_number', ...TEXT_FIELDS, ...VALUE_FIELDS];
    await fc.assert(
      fc.asyncProperty(createBody(), replaceBody(), updateBody(), async (createRequest, replaceRequest, updateRequest) => {
        const created = await t.http.post('/api/scores/').set(tenant.bearerKey).send(createRequest);
        expect(created.status).toBeLessThan(500);
        tally(`create ${created.status}`);
        if (created.status !== 201) return;
        const createSent = sent(createRequest);
        expectReadBack(created.body, createSent, [...writable, 'cost', 'status', 'error_message', 'inputs'], {
          environment: 'production',
          inputs: {},
        });
        const id = created.body.id;
        const read = await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey);
        expect(read.body).toEqual(created.body);
        const [revision] = (await t.http.get(`/api/scores/${id}/history/`).set(tenant.bearerKey)).body.results;
        if (typeof createSent.timestamp === 'string')
          expect(Date.parse(revision.values.timestamp)).toBe(
            Date.parse(createSent.timestamp.length === 10 ? createSent.timestamp : createSent.timestamp),
          );

        const replaced = await t.http.put(`/api/scores/${id}/`).set(tenant.bearerKey).send(replaceRequest);
        expect(replaced.status).toBeLessThan(500);
        tally(`replace ${replaced.status}`);
        let current = read.body;
        if (replaced.status === 200) {
          expectReadBack(replaced.body, sent(replaceRequest), writable, { environment: 'production' });
          expect({ cost: replaced.body.cost, inputs: replaced.body.inputs }).toEqual({ cost: current.cost, inputs: current.inputs });
          current = (await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey)).body;
          expect(current).toEqual(replaced.body);
        } else {
          expect((await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey)).body).toEqual(current);
        }

        const updated = await t.http.patch(`/api/scores/${id}/`).set(tenant.bearerKey).send(updateRequest);
        expect(updated.status).toBeLessThan(500);
        tally(`update ${updated.status}`);
        const after = (await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey)).body;
        if (updated.status === 200) {
          const updateSent = sent(updateRequest);
          const { is_passed: _passed, ...kept } = current;
          const { is_passed: _now, ...now } = after;
          expect(now).toEqual({ ...kept, ...updateSent });
          expect(after).toEqual(updated.body);
        } else {
          expect(after).toEqual(current);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    process.stdout.write(`score property test outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}\n`);
    for (const accepted of ['create 201', 'replace 200', 'update 200'])
      expect(outcomes.get(accepted) ?? 0).toBeGreaterThanOrEqual(RUNS / 10);
  });
});
