import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import { EvaluatorsService } from '../../src/scorers/evaluators.service';
import { makeEvaluator, refusal, uniqueSlug } from './support/factories';
import { type ServiceContext, serviceContext, tenantOf } from './support/service-context';

/** EvaluatorsService as the score path uses it: the evaluator-definition rules and the live lookups. */
describe('EvaluatorsService', () => {
  let context: ServiceContext;
  let caller: Principal;
  let evaluators: EvaluatorsService;

  beforeAll(async () => {
    context = await serviceContext();
    caller = await tenantOf(context);
    evaluators = context.get(EvaluatorsService);
  });
  afterAll(() => context.close());

  describe('definition rules', () => {
    it.each(['text', 'comment', 'json'])('a %s evaluator takes no passing conditions', async (score_value_type) => {
      const conditions = { primary_score: { operator: 'eq', value: 'x' } };
      expect(await refusal(() => makeEvaluator(context, caller, { score_value_type, passing_conditions: conditions }))).toEqual([
        `passing_conditions: A ${score_value_type} evaluator takes no passing conditions.`,
      ]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['numerical', { score_config: { min_score: 5, max_score: 1 } }, 'score_config.max_score: max_score must not be less than min_score.'],
      ['percentage', { score_config: { max_score: 150 } }, 'score_config.max_score: A percentage bound must be between 0 and 100.'],
      ['single_select', {}, 'score_config: A single_select evaluator needs score_config.choices.'],
      [
        'multi_select',
        { score_config: { choices: [{ name: 'a' }, { name: 'a' }] } },
        'score_config.choices.1.name: Duplicate choice name "a".',
      ],
      [
        'boolean',
        { passing_conditions: { primary_score: { operator: 'gt', value: true } } },
        'passing_conditions.primary_score.operator: A boolean evaluator takes eq or neq only.',
      ],
      [
        'percentage',
        { passing_conditions: { primary_score: { operator: 'gte', value: 'high' } } },
        'passing_conditions.primary_score.value: A percentage evaluator compares numbers.',
      ],
    ])('a %s evaluator with %j is refused', async (score_value_type, fields, message) => {
      expect(await refusal(() => makeEvaluator(context, caller, { score_value_type, ...fields }))).toEqual([message]);
    });

    it('a slug is unique among live evaluators of the organization', async () => {
      const slug = uniqueSlug();
      await makeEvaluator(context, caller, { evaluator_slug: slug });
      expect(await refusal(() => makeEvaluator(context, caller, { evaluator_slug: slug }))).toEqual([
        'evaluator_slug: evaluator with this evaluator slug already exists.',
      ]);
      expect((await makeEvaluator(context, await tenantOf(context), { evaluator_slug: slug })).slug).toBe(slug);
    });
  });

  describe('lookups of scores', () => {
    it('find live evaluators of the organization by id or slug, as plain data', async () => {
      const evaluator = await makeEvaluator(context, caller, { score_value_type: 'numerical' });
      const byId = await context.run(() => evaluators.findLive(caller.organizationId, evaluator.id));
      expect(byId).toMatchObject({ id: evaluator.id, slug: evaluator.slug, scoreValueType: 'numerical' });
      expect(await context.run(() => evaluators.findLiveBySlug(caller.organizationId, evaluator.slug))).toMatchObject({ id: evaluator.id });
      const other = await tenantOf(context);
      expect(await context.run(() => evaluators.findLive(other.organizationId, evaluator.id))).toBeNull();
      expect(await context.run(() => evaluators.findLiveBySlug(other.organizationId, evaluator.slug))).toBeNull();
      expect(await context.run(() => evaluators.findLive(caller.organizationId, 'not-a-uuid'))).toBeNull();
      expect(await context.run(() => evaluators.findLive(caller.organizationId, randomUUID()))).toBeNull();
    });

    it('see a deleted evaluator no more, one by one or a page at once', async () => {
      const kept = await makeEvaluator(context, caller);
      const deleted = await makeEvaluator(context, caller);
      await context.run(() => evaluators.delete(caller.organizationId, deleted.id));
      expect(await context.run(() => evaluators.findLive(caller.organizationId, deleted.id))).toBeNull();
      expect(await context.run(() => evaluators.findLiveBySlug(caller.organizationId, deleted.slug))).toBeNull();
      const page = await context.run(() => evaluators.liveByIds(caller.organizationId, [kept.id, deleted.id, randomUUID()]));
      expect([...page.keys()]).toEqual([kept.id]);
      expect(await context.run(() => evaluators.liveByIds(caller.organizationId, []))).toEqual(new Map());
    });
  });
});
