import type { Principal } from '../../../src/auth/principal';
import { compileWhere } from '../../../src/common/query/filter.compiler';
import { Scorer } from '../../../src/scorers/entities/scorer.entity';
import { Score } from '../../../src/scores/entities/score.entity';
import { FILTER_LIMITS } from '../../../src/scores/filters/score-filter.fields';
import { parseFilterBody } from '../../../src/scores/filters/score-filter.parser';
import { MAX_CHOSEN_VALUES } from '../../../src/scores/rules/score-value.rules';
import { ScoresService } from '../../../src/scores/scores.service';
import { makeEvaluator, makeScore, refusal } from '../support/factories';
import { type ServiceContext, serviceContext, tenantOf } from '../support/service-context';

const TEXT_FIELDS = ['log_id', 'evaluator_slug', 'dataset_id', 'environment', 'scorer'];

/** The largest filter body a request may hold: every text field with its share of conditions, each with the most values. */
function largestFilter(operator: string): Record<string, unknown> {
  const perField = FILTER_LIMITS.conditions / TEXT_FIELDS.length;
  const values = (field: string, condition: number) =>
    Array.from({ length: FILTER_LIMITS.valuesPerCondition }, (_, index) => `${field}_${condition}_${index}%_"\\`);
  return Object.fromEntries(
    TEXT_FIELDS.map((field) => [
      field,
      Array.from({ length: perField }, (_, condition) => ({ operator, value: values(field, condition) })),
    ]),
  );
}

/** What `work` returns and the CPU time the process spent on it (the database included, for PGlite), in ms. */
const elapsed = async <T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> => {
  const started = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
};

/** What bounds the work a single request can ask for (issue 11, amplification), through ScoresService. */
describe('ScoresService: limits', () => {
  let context: ServiceContext;
  let caller: Principal;

  beforeAll(async () => {
    context = await serviceContext();
    caller = await tenantOf(context);
    for (let index = 0; index < 60; index++)
      await makeScore(context, caller, { evaluator_slug: `limits_${index % 3}`, dataset_id: `ds_${index}` });
  });
  afterAll(() => context.close());

  it.each(['', 'not', 'icontains', 'startswith'])(
    'the largest filter (operator "%s") is one parameter per condition and is answered quickly',
    async (operator) => {
      const { conditions } = parseFilterBody({ filters: largestFilter(operator) });
      expect(conditions).toHaveLength(FILTER_LIMITS.conditions);
      const query = context.run(async () =>
        context
          .em()
          .createQueryBuilder(Score)
          .where(compileWhere<Score>({ organizationId: caller.organizationId }, conditions) as never),
      );
      expect((await query).getParams().length).toBe(1 + FILTER_LIMITS.conditions);
      const { result, ms } = await elapsed(() =>
        context.run(() => context.get(ScoresService).list(caller.organizationId, conditions, '-created_at', { page: 1, page_size: 50 })),
      );
      expect(result.count).toBe(operator === 'not' ? 60 : 0);
      expect(ms).toBeLessThan(1000);
    },
  );

  it('a multi_select evaluator defined with 60,000 choices (before the choice limit) still takes 1,000 chosen values, and refuses more at once', async () => {
    const evaluator = await makeEvaluator(context, caller, {
      score_value_type: 'multi_select',
      score_config: { choices: [{ name: 'c0' }] },
      passing_conditions: { primary_score: { operator: 'not_in', value: ['never'] } },
    });
    const choices = Array.from({ length: 60_000 }, (_, index) => ({ name: `c${index}` }));
    await context.run(() =>
      context.em().nativeUpdate(Scorer, { organizationId: caller.organizationId, id: evaluator.id }, { scoreConfig: { choices } }),
    );
    const chosen = choices.slice(-MAX_CHOSEN_VALUES).map((choice) => choice.name);
    const accepted = await elapsed(() => makeScore(context, caller, { evaluator_id: evaluator.id, categorical_value: chosen }));
    expect(accepted.result.score.isPassed).toBe(true);
    expect(accepted.ms).toBeLessThan(1000);
    const tooMany = await elapsed(() =>
      refusal(() => makeScore(context, caller, { evaluator_id: evaluator.id, categorical_value: [...chosen, 'c0'] })),
    );
    expect(tooMany.result).toEqual([`categorical_value: Expected at most ${MAX_CHOSEN_VALUES} values.`]);
    expect(tooMany.ms).toBeLessThan(200);
  });

  it('an evaluator may offer at most 1,000 choices and list at most 1,000 values in an in/not_in condition', async () => {
    const choices = Array.from({ length: 1001 }, (_, index) => ({ name: `c${index}` }));
    expect(await refusal(() => makeEvaluator(context, caller, { score_value_type: 'multi_select', score_config: { choices } }))).toEqual([
      'score_config.choices: Expected at most 1000 choices.',
    ]);
    const value = Array.from({ length: 1001 }, (_, index) => index);
    const conditions = { primary_score: { operator: 'in', value } };
    expect(await refusal(() => makeEvaluator(context, caller, { score_value_type: 'numerical', passing_conditions: conditions }))).toEqual([
      'passing_conditions.primary_score.value: "in" takes at most 1000 values.',
    ]);
  });
});
