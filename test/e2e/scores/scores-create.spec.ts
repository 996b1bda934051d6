import { randomUUID } from 'node:crypto';
import { newLogId, postScore } from '../../support/scores';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { HELPFULNESS } from '../../support/score-bodies';
import { type ScoreSuite, startScoreSuite } from './score-suite';

const SCORE_KEYS = [
  'id',
  'created_at',
  'type',
  'environment',
  'numerical_value',
  'string_value',
  'boolean_value',
  'categorical_value',
  'json_value',
  'is_passed',
  'cost',
  'evaluator_id',
  'evaluator_slug',
  'evaluator_name',
  'scorer',
  'log_id',
  'prompt_id',
  'prompt_version_number',
  'dataset_id',
  'automation_id',
  'status',
  'error_message',
  'inputs',
  'evaluator',
].sort();

/** `POST /api/scores/`: the created score as the seeds show it, and what a create refuses. */
describe('Respan score creates', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let evaluator: ScoreSuite['evaluator'];

  beforeAll(async () => {
    ({ t, tenant, other, evaluator } = await startScoreSuite('scores', HELPFULNESS));
  });
  afterAll(() => t.close());

  describe('POST /api/scores/', () => {
    it('creates a score: 201 with every Score field, the evaluator object and a server-computed is_passed', async () => {
      const logId = newLogId();
      const res = await postScore(t, tenant, {
        evaluator_id: evaluator.id,
        log_id: logId,
        numerical_value: 4,
        is_passed: false,
        timestamp: '2026-01-02T03:04:05Z',
        environment: 'staging',
        prompt_id: 'p1',
        prompt_version_number: 3,
        dataset_id: 'd1',
        automation_id: 'a1',
        scorer: 'nightly-job',
        cost: 0.0125,
        status: 'success',
        error_message: null,
        inputs: { input: 'hi', output: 'hello', nested: { list: [1, 'two', null, true] } },
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(SCORE_KEYS);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        type: 'llm',
        environment: 'staging',
        numerical_value: 4,
        is_passed: true,
        evaluator_id: evaluator.id,
        evaluator_slug: evaluator.evaluator_slug,
        evaluator_name: 'Helpfulness',
        log_id: logId,
        scorer: 'nightly-job',
        prompt_id: 'p1',
        prompt_version_number: 3,
        dataset_id: 'd1',
        automation_id: 'a1',
        cost: 0.0125,
        status: 'success',
        error_message: null,
        inputs: { input: 'hi', output: 'hello', nested: { list: [1, 'two', null, true] } },
      });
      expect(res.body.evaluator).toMatchObject({
        id: evaluator.id,
        evaluator_slug: evaluator.evaluator_slug,
        score_value_type: 'numerical',
      });
      expect(new Date(res.body.created_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('defaults environment to "production", inputs to {} and the rest to null', async () => {
      const res = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 2 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        environment: 'production',
        inputs: {},
        is_passed: false,
        scorer: null,
        cost: null,
        dataset_id: null,
        string_value: null,
      });
    });

    it('keeps inputs exactly, keys named like Object.prototype members included', async () => {
      const inputs = { constructor: 1, valueOf: { toString: 'x', hasOwnProperty: [null] }, '': '' };
      const res = await postScore(t, tenant, { evaluator_slug: 'inputs', inputs });
      expect(res.body.inputs).toEqual(inputs);
    });

    it('requires log_id', async () => {
      const res = await t.http.post('/api/scores/').set(tenant.bearerKey).send({ evaluator_id: evaluator.id, numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ log_id: ['This field is required.'] });
    });

    it('requires evaluator_id or evaluator_slug', async () => {
      const res = await postScore(t, tenant, { numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'Provide either evaluator_id or evaluator_slug.' });
    });

    it('refuses an evaluator_id of no evaluator of the organization, naming the field', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const res = await postScore(t, tenant, { evaluator_id: id, numerical_value: 4 });
        expect(res.status).toBe(400);
        expect(Object.keys(res.body)).toEqual(['evaluator_id']);
      }
      const foreign = await postScore(t, other, { evaluator_id: evaluator.id, numerical_value: 4 });
      expect(foreign.status).toBe(400);
      expect(Object.keys(foreign.body)).toEqual(['evaluator_id']);
    });

    it('refuses an evaluator_id and an evaluator_slug that disagree', async () => {
      const res = await postScore(t, tenant, { evaluator_id: evaluator.id, evaluator_slug: 'something_else', numerical_value: 4 });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('different evaluators');
    });

    it('links a known slug and treats an unknown slug as a custom (human) evaluator', async () => {
      const known = await postScore(t, tenant, { evaluator_slug: evaluator.evaluator_slug, numerical_value: 5 });
      expect(known.status).toBe(201);
      expect(known.body).toMatchObject({ evaluator_id: evaluator.id, type: 'llm', is_passed: true });
      const custom = await postScore(t, tenant, { evaluator_slug: `custom_${randomUUID()}`, numerical_value: 99, string_value: 'free' });
      expect(custom.status).toBe(201);
      expect(custom.body).toMatchObject({
        evaluator_id: null,
        evaluator_name: null,
        type: 'human',
        is_passed: false,
        evaluator: null,
        numerical_value: 99,
      });
    });

    it('answers 400 non_field_errors for a second score of the same (log, evaluator, scorer)', async () => {
      const logId = newLogId();
      expect((await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 4 })).status).toBe(201);
      const twice = await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 5 });
      expect(twice.status).toBe(400);
      expect(twice.body).toEqual({ non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] });
      const otherScorer = await postScore(t, tenant, { log_id: logId, evaluator_id: evaluator.id, numerical_value: 5, scorer: 'someone' });
      expect(otherScorer.status).toBe(201);
    });

    it('refuses inputs nested deeper than 32 levels, or holding text jsonb cannot store', async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { level: nest(depth - 1) });
      expect((await postScore(t, tenant, { evaluator_slug: 'deep', inputs: nest(32) })).status).toBe(201);
      const deep = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: nest(33) });
      expect(deep.status).toBe(400);
      expect(deep.body).toEqual({ inputs: ['JSON nested deeper than 32 levels is not supported.'] });
      const veryDeep = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .set('content-type', 'application/json')
        .send(`{"evaluator_slug": "deep", "log_id": "${newLogId()}", "inputs": ${'{"level": '.repeat(5000)}"leaf"${'}'.repeat(5000)}}`);
      expect(veryDeep.status).toBe(400);
      expect(Object.keys(veryDeep.body)).toEqual(['inputs']);
      const nul = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: { text: 'a\u0000b' } });
      expect(nul.status).toBe(400);
      expect(Object.keys(nul.body)).toEqual(['inputs']);
      const notObject = await postScore(t, tenant, { evaluator_slug: 'deep', inputs: [1, 2] });
      expect(notObject.status).toBe(400);
      expect(notObject.body).toEqual({ inputs: ['Expected a dictionary of items but got type "list".'] });
    });

    it('refuses identifiers longer than their index allows and strings with NUL characters', async () => {
      const long = await postScore(t, tenant, { evaluator_slug: 's', log_id: 'x'.repeat(256) });
      expect(long.status).toBe(400);
      expect(long.body).toEqual({ log_id: ['Ensure this field has no more than 255 characters.'] });
      const nul = await postScore(t, tenant, { evaluator_slug: 's', string_value: 'a\u0000' });
      expect(nul.status).toBe(400);
      expect(Object.keys(nul.body)).toEqual(['string_value']);
    });

    it('answers malformed JSON and a non-object body in DRF style', async () => {
      const malformed = await t.http.post('/api/scores/').set(tenant.bearerKey).set('content-type', 'application/json').send('{"log_id": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/^JSON parse error - /);
      const list = await t.http.post('/api/scores/').set(tenant.bearerKey).send([1]);
      expect(list.status).toBe(400);
      expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    });
  });
});
