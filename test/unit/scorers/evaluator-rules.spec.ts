import { checkPassingConditions, checkScoreConfig } from '../../../src/scorers/value-rules/evaluator-rules';
import { type ScoreValues, type ValueRules, checkScoreValues, computeIsPassed } from '../../../src/scores/rules/score-value.rules';

const values = (set: Partial<ScoreValues>): ScoreValues => ({
  numerical_value: null,
  string_value: null,
  boolean_value: null,
  categorical_value: null,
  json_value: null,
  ...set,
});

const rules = (rule: Partial<ValueRules>): ValueRules => ({ scoreValueType: null, scoreConfig: null, passingConditions: null, ...rule });
const messages = (issues: { loc: (string | number)[]; drfMsg?: string }[]) =>
  issues.map((issue) => `${issue.loc.slice(1).join('.')}: ${issue.drfMsg}`);

describe('checkScoreValues', () => {
  it.each([
    ['numerical', 'numerical_value'],
    ['percentage', 'numerical_value'],
    ['boolean', 'boolean_value'],
    ['single_select', 'categorical_value'],
    ['multi_select', 'categorical_value'],
    ['categorical', 'categorical_value'],
    ['text', 'string_value'],
    ['comment', 'string_value'],
    ['json', 'json_value'],
  ] as const)('a %s evaluator requires %s', (scoreValueType, field) => {
    expect(messages(checkScoreValues(rules({ scoreValueType }), values({}), true))).toEqual([
      `${field}: This field is required for a ${scoreValueType} evaluator.`,
    ]);
    expect(checkScoreValues(rules({ scoreValueType }), values({}), false)).toEqual([]);
  });

  it('bounds percentages to 0–100 and numericals to min_score/max_score', () => {
    expect(messages(checkScoreValues(rules({ scoreValueType: 'percentage' }), values({ numerical_value: 100.5 }), true))).toEqual([
      'numerical_value: Expected a percentage between 0 and 100.',
    ]);
    expect(checkScoreValues(rules({ scoreValueType: 'percentage' }), values({ numerical_value: 0 }), true)).toEqual([]);
    const bounded = rules({ scoreValueType: 'numerical', scoreConfig: { min_score: 1, max_score: 5 } });
    expect(messages(checkScoreValues(bounded, values({ numerical_value: 0.5 }), true))).toEqual([
      "numerical_value: Expected a value of at least 1 (the evaluator's min_score).",
    ]);
    expect(messages(checkScoreValues(bounded, values({ numerical_value: 6 }), true))).toEqual([
      "numerical_value: Expected a value of at most 5 (the evaluator's max_score).",
    ]);
    expect(checkScoreValues(bounded, values({ numerical_value: 5 }), true)).toEqual([]);
    expect(checkScoreValues(rules({ scoreValueType: 'numerical' }), values({ numerical_value: -1e9 }), true)).toEqual([]);
  });

  const choices = { choices: [{ name: 'good', value: 1 }, { name: 'bad', value: 0 }, { name: 'unsure' }] };

  it('single_select takes exactly one known choice', () => {
    const single = rules({ scoreValueType: 'single_select', scoreConfig: choices });
    expect(checkScoreValues(single, values({ categorical_value: ['good'] }), true)).toEqual([]);
    expect(messages(checkScoreValues(single, values({ categorical_value: ['good', 'bad'] }), true))).toEqual([
      'categorical_value: Expected exactly one choice of good, bad, unsure.',
    ]);
    expect(messages(checkScoreValues(single, values({ categorical_value: ['great'] }), true))).toEqual([
      'categorical_value: Unknown choice "great"; expected one of good, bad, unsure.',
    ]);
  });

  it('multi_select takes a subset of the choices, each once', () => {
    const multi = rules({ scoreValueType: 'multi_select', scoreConfig: choices });
    expect(checkScoreValues(multi, values({ categorical_value: ['good', 'unsure'] }), true)).toEqual([]);
    expect(checkScoreValues(multi, values({ categorical_value: [] }), true)).toEqual([]);
    expect(messages(checkScoreValues(multi, values({ categorical_value: ['good', 'good'] }), true))).toEqual([
      'categorical_value: Each choice may be chosen once.',
    ]);
  });

  it('json_value must parse, whatever the evaluator', () => {
    expect(messages(checkScoreValues(null, values({ json_value: '{nope' }), true))).toEqual([
      'json_value: Expected a JSON document encoded as a string.',
    ]);
    expect(checkScoreValues(rules({ scoreValueType: 'json' }), values({ json_value: '{"a": [1, null]}' }), true)).toEqual([]);
  });

  it('a custom evaluator requires nothing', () => {
    expect(checkScoreValues(null, values({}), true)).toEqual([]);
  });
});

describe('computeIsPassed', () => {
  const numerical = (operator: string, value: unknown) =>
    rules({ scoreValueType: 'numerical', passingConditions: { primary_score: { operator, value } as never } });

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
    ['in', [1, 2], 2, true],
    ['in', [1, 2], 3, false],
    ['not_in', [1, 2], 3, true],
    ['not_in', [1, 2], 1, false],
  ])('numerical: %s %j with %j → %s', (operator, condition, value, expected) => {
    expect(computeIsPassed(numerical(operator, condition), values({ numerical_value: value as number }))).toBe(expected);
  });

  it('boolean evaluators compare boolean_value', () => {
    const mustBeTrue = rules({ scoreValueType: 'boolean', passingConditions: { primary_score: { operator: 'eq', value: true } } });
    expect(computeIsPassed(mustBeTrue, values({ boolean_value: true }))).toBe(true);
    expect(computeIsPassed(mustBeTrue, values({ boolean_value: false }))).toBe(false);
    const notFalse = rules({ scoreValueType: 'boolean', passingConditions: { primary_score: { operator: 'neq', value: false } } });
    expect(computeIsPassed(notFalse, values({ boolean_value: true }))).toBe(true);
  });

  it("select evaluators compare the chosen choice's value, or its name; multi_select needs every choice to pass", () => {
    const scoreConfig = { choices: [{ name: 'good', value: 2 }, { name: 'ok', value: 1 }, { name: 'named' }] };
    const single = rules({
      scoreValueType: 'single_select',
      scoreConfig,
      passingConditions: { primary_score: { operator: 'gte', value: 1 } },
    });
    expect(computeIsPassed(single, values({ categorical_value: ['ok'] }))).toBe(true);
    expect(computeIsPassed(single, values({ categorical_value: ['named'] }))).toBe(false);
    const byName = rules({
      scoreValueType: 'single_select',
      scoreConfig,
      passingConditions: { primary_score: { operator: 'eq', value: 'named' } },
    });
    expect(computeIsPassed(byName, values({ categorical_value: ['named'] }))).toBe(true);
    const multi = rules({
      scoreValueType: 'multi_select',
      scoreConfig,
      passingConditions: { primary_score: { operator: 'in', value: [1, 2] } },
    });
    expect(computeIsPassed(multi, values({ categorical_value: ['good', 'ok'] }))).toBe(true);
    expect(computeIsPassed(multi, values({ categorical_value: ['good', 'named'] }))).toBe(false);
    expect(computeIsPassed(multi, values({ categorical_value: [] }))).toBe(false);
  });

  it('is false without an evaluator, without conditions, or for text and json', () => {
    expect(computeIsPassed(null, values({ numerical_value: 5 }))).toBe(false);
    expect(computeIsPassed(rules({ scoreValueType: 'numerical' }), values({ numerical_value: 5 }))).toBe(false);
    expect(computeIsPassed(rules({ scoreValueType: 'text' }), values({ string_value: 'x' }))).toBe(false);
  });
});

describe('evaluator rules', () => {
  it('refuses passing conditions on text and json evaluators', () => {
    for (const type of ['text', 'comment', 'json'] as const) {
      expect(messages(checkPassingConditions(type, { primary_score: { operator: 'eq', value: 'x' } }))).toEqual([
        `passing_conditions: A ${type} evaluator takes no passing conditions.`,
      ]);
    }
  });

  it('checks operator and value shape', () => {
    expect(checkPassingConditions('numerical', { primary_score: { operator: 'gte', value: 3 } })).toEqual([]);
    expect(messages(checkPassingConditions('numerical', { primary_score: { operator: 'between', value: 3 } }))).toEqual([
      'passing_conditions.primary_score.operator: Expected one of eq, neq, gt, gte, lt, lte, in, not_in.',
    ]);
    expect(messages(checkPassingConditions('numerical', { primary_score: { operator: 'in', value: 3 } }))).toEqual([
      'passing_conditions.primary_score.value: "in" needs a non-empty list of values.',
    ]);
    expect(messages(checkPassingConditions('percentage', { primary_score: { operator: 'gte', value: 'high' } }))).toEqual([
      'passing_conditions.primary_score.value: A percentage evaluator compares numbers.',
    ]);
    expect(messages(checkPassingConditions('boolean', { primary_score: { operator: 'gt', value: true } }))).toEqual([
      'passing_conditions.primary_score.operator: A boolean evaluator takes eq or neq only.',
    ]);
    expect(messages(checkPassingConditions('numerical', { other: 1 }))).toEqual([
      'passing_conditions: Expected {"primary_score": {"operator": ..., "value": ...}}.',
    ]);
  });

  it('checks score_config', () => {
    expect(checkScoreConfig('numerical', { min_score: 1, max_score: 5 })).toEqual([]);
    expect(messages(checkScoreConfig('numerical', { min_score: 5, max_score: 1 }))).toEqual([
      'score_config.max_score: max_score must not be less than min_score.',
    ]);
    expect(messages(checkScoreConfig('single_select', null))).toEqual([
      'score_config: A single_select evaluator needs score_config.choices.',
    ]);
    expect(messages(checkScoreConfig('multi_select', { choices: [{ name: 'a' }, { name: 'a' }] }))).toEqual([
      'score_config.choices.1.name: Duplicate choice name "a".',
    ]);
    expect(messages(checkScoreConfig('numerical', { maximum: 3 }))).toEqual([
      'score_config.maximum: Unknown key; expected min_score, max_score or choices.',
    ]);
    expect(messages(checkScoreConfig('percentage', { max_score: 150 }))).toEqual([
      'score_config.max_score: A percentage bound must be between 0 and 100.',
    ]);
  });
});
