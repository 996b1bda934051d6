import { checkPassingConditions, checkScoreConfig } from '../../../src/scorers/value-rules/evaluator-rules';

const messages = (issues: { loc: (string | number)[]; drfMsg?: string }[]) =>
  issues.map((issue) => `${issue.loc.slice(1).join('.')}: ${issue.drfMsg}`);

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
