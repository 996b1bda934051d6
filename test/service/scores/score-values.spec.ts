import type { Principal } from '../../../src/auth/principal';
import type { CreateScoreRequest } from '../../../src/scores/dto/score.dto';
import { ScoresService } from '../../../src/scores/scores.service';
import { makeEvaluator, makeScore, refusal } from '../support/factories';
import { type ServiceContext, serviceContext, tenantOf } from '../support/service-context';

const CHOICES = {
  choices: [
    { name: 'good', value: 2 },
    { name: 'okay', value: 1 },
    { name: 'bad', value: 0 },
  ],
};

type Values = Partial<CreateScoreRequest>;

/** The typed-value rules of each score_value_type and the is_passed operators (contract §4), through ScoresService. */
describe('ScoresService: typed values and is_passed', () => {
  let context: ServiceContext;
  let caller: Principal;

  beforeAll(async () => {
    context = await serviceContext();
    caller = await tenantOf(context);
  });
  afterAll(() => context.close());

  const evaluatorOf = (score_value_type: string, extra: Record<string, unknown> = {}) =>
    makeEvaluator(context, caller, { score_value_type, ...extra });

  describe.each<[string, Record<string, unknown>, Values[], [Values, string][]]>([
    [
      'numerical',
      { score_config: { min_score: 1, max_score: 5 } },
      [{ numerical_value: 3.5 }, { numerical_value: 1 }, { numerical_value: 5 }],
      [
        [{ numerical_value: 6 }, "numerical_value: Expected a value of at most 5 (the evaluator's max_score)."],
        [{ numerical_value: 0.5 }, "numerical_value: Expected a value of at least 1 (the evaluator's min_score)."],
        [{ numerical_value: null }, 'numerical_value: This field is required for a numerical evaluator.'],
        [{}, 'numerical_value: This field is required for a numerical evaluator.'],
        [{ numerical_value: 3, json_value: '[1,' }, 'json_value: Expected a JSON document encoded as a string.'],
      ],
    ],
    [
      'percentage',
      {},
      [{ numerical_value: 100 }, { numerical_value: 0 }],
      [
        [{ numerical_value: 100.5 }, 'numerical_value: Expected a percentage between 0 and 100.'],
        [{ numerical_value: -1 }, 'numerical_value: Expected a percentage between 0 and 100.'],
      ],
    ],
    [
      'boolean',
      {},
      [{ boolean_value: false }],
      [[{ numerical_value: 1 }, 'boolean_value: This field is required for a boolean evaluator.']],
    ],
    [
      'single_select',
      { score_config: CHOICES },
      [{ categorical_value: ['okay'] }],
      [
        [{ categorical_value: ['good', 'bad'] }, 'categorical_value: Expected exactly one choice of good, okay, bad.'],
        [{ categorical_value: [] }, 'categorical_value: Expected exactly one choice of good, okay, bad.'],
        [{ categorical_value: ['great'] }, 'categorical_value: Unknown choice "great"; expected one of good, okay, bad.'],
      ],
    ],
    [
      'multi_select',
      { score_config: CHOICES },
      [{ categorical_value: ['good', 'bad'] }, { categorical_value: [] }],
      [
        [{ categorical_value: ['good', 'great'] }, 'categorical_value: Unknown choice "great"; expected one of good, okay, bad.'],
        [{ categorical_value: ['good', 'good'] }, 'categorical_value: Each choice may be chosen once.'],
      ],
    ],
    [
      'categorical',
      {},
      [{ categorical_value: ['anything'] }],
      [[{ string_value: 'x' }, 'categorical_value: This field is required for a categorical evaluator.']],
    ],
    [
      'text',
      {},
      [{ string_value: 'well argued' }],
      [[{ json_value: '{"a": 1}' }, 'string_value: This field is required for a text evaluator.']],
    ],
    ['comment', {}, [{ string_value: 'a remark' }], [[{}, 'string_value: This field is required for a comment evaluator.']]],
    [
      'json',
      {},
      [{ json_value: '{"verdict": [1, 2, {"ok": true}]}' }],
      [
        [{ json_value: '{not json' }, 'json_value: Expected a JSON document encoded as a string.'],
        [{ json_value: null }, 'json_value: This field is required for a json evaluator.'],
      ],
    ],
  ])('a %s evaluator', (type, extra, valid, invalid) => {
    let evaluatorId: string;
    beforeAll(async () => {
      evaluatorId = (await evaluatorOf(type, extra)).id;
    });

    it.each(valid)('accepts %j and stores it as sent', async (values) => {
      const { score } = await makeScore(context, caller, { evaluator_id: evaluatorId, ...values });
      const read = await context.run(() => context.get(ScoresService).get({ organizationId: caller.organizationId, id: score.id }));
      for (const [field, value] of Object.entries(values)) expect(read.score).toMatchObject({ [camel(field)]: value });
    });

    it.each(invalid)('refuses %j on create and on replace, naming %s', async (values, message) => {
      expect(await refusal(() => makeScore(context, caller, { evaluator_id: evaluatorId, ...values }))).toEqual([message]);
      const { score } = await makeScore(context, caller, { evaluator_id: evaluatorId, ...valid[0] });
      const locator = { organizationId: caller.organizationId, id: score.id };
      const replace = () =>
        context.run(() =>
          context.get(ScoresService).replace(caller, locator, { evaluator_id: evaluatorId, log_id: score.logId!, ...values }),
        );
      expect(await refusal(replace)).toEqual([message]);
      const unchanged = await context.run(() => context.get(ScoresService).get(locator));
      expect(unchanged.score.revision).toBe(1);
    });
  });

  it('a custom evaluator (unknown slug) requires no value, but json_value must still parse', async () => {
    expect((await makeScore(context, caller, { evaluator_slug: 'custom_values' })).score.type).toBe('human');
    expect(await refusal(() => makeScore(context, caller, { evaluator_slug: 'custom_json', json_value: 'nope' }))).toEqual([
      'json_value: Expected a JSON document encoded as a string.',
    ]);
  });

  describe('is_passed', () => {
    const passes = async (type: string, config: Record<string, unknown>, operator: string, value: unknown, values: Values) => {
      const evaluator = await evaluatorOf(type, { ...config, passing_conditions: { primary_score: { operator, value } } });
      return (await makeScore(context, caller, { evaluator_id: evaluator.id, ...values })).score.isPassed;
    };

    it.each([
      ['eq', 3, 3, true],
      ['eq', 3, 3.5, false],
      ['neq', 3, 4, true],
      ['neq', 3, 3, false],
      ['gt', 3, 3.1, true],
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
    ])('numerical %s %j with %j → %s', async (operator, condition, value, expected) => {
      expect(await passes('numerical', {}, operator, condition, { numerical_value: value as number })).toBe(expected);
    });

    it.each([
      ['percentage', 'gte', 80, { numerical_value: 80 }, true],
      ['percentage', 'gte', 80, { numerical_value: 79.9 }, false],
      ['boolean', 'eq', true, { boolean_value: true }, true],
      ['boolean', 'eq', true, { boolean_value: false }, false],
      ['boolean', 'neq', false, { boolean_value: true }, true],
      ['boolean', 'neq', true, { boolean_value: true }, false],
    ] as const)('%s %s %j with %j → %s', async (type, operator, condition, values, expected) => {
      expect(await passes(type, {}, operator, condition, values)).toBe(expected);
    });

    it("select evaluators compare the chosen choice's value, or its name when it has none; multi_select needs every choice", async () => {
      expect(await passes('single_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['okay'] })).toBe(true);
      expect(await passes('single_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['bad'] })).toBe(false);
      const named = { score_config: { choices: [{ name: 'yes' }, { name: 'no' }] } };
      expect(await passes('single_select', named, 'eq', 'yes', { categorical_value: ['yes'] })).toBe(true);
      expect(await passes('single_select', named, 'in', ['yes'], { categorical_value: ['no'] })).toBe(false);
      expect(await passes('multi_select', { score_config: CHOICES }, 'in', [1, 2], { categorical_value: ['good', 'okay'] })).toBe(true);
      expect(await passes('multi_select', { score_config: CHOICES }, 'gte', 1, { categorical_value: ['good', 'bad'] })).toBe(false);
      expect(await passes('multi_select', { score_config: CHOICES }, 'not_in', [0], { categorical_value: [] })).toBe(false);
    });

    it('is false without conditions, without a platform evaluator, and for text evaluators', async () => {
      const plain = await evaluatorOf('numerical');
      expect((await makeScore(context, caller, { evaluator_id: plain.id, numerical_value: 5 })).score.isPassed).toBe(false);
      expect((await makeScore(context, caller, { evaluator_slug: 'custom_passing', numerical_value: 5 })).score.isPassed).toBe(false);
      const text = await evaluatorOf('text');
      expect((await makeScore(context, caller, { evaluator_id: text.id, string_value: 'x' })).score.isPassed).toBe(false);
    });
  });
});

/** `numerical_value` → `numericalValue`. */
const camel = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
