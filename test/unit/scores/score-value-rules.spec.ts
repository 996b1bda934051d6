import { MAX_CHOSEN_VALUES, type ScoreValues, checkScoreValues, computeIsPassed } from '../../../src/scores/rules/score-value.rules';

/** `array`, counting in `reads` every element read from it. */
function readCounted<T>(array: T[], reads: { count: number }): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const values = (categorical_value: string[]): ScoreValues => ({
  numerical_value: null,
  string_value: null,
  boolean_value: null,
  categorical_value,
  json_value: null,
});

/**
 * The value rules stay linear in the choices and values (issue 11: 60,000 of each blocked the event loop
 * for seconds). Counted in elements read, not timed: the time of the request is measured in the
 * reliability suite's hostile inputs.
 */
describe('score value rules on large selects', () => {
  const choices = Array.from({ length: 60_000 }, (_, index) => ({ name: `c${index}`, value: index }));
  const rules = {
    scoreValueType: 'multi_select' as const,
    scoreConfig: { choices },
    passingConditions: { primary_score: { operator: 'not_in' as const, value: Array.from({ length: 1000 }, (_, index) => -index - 1) } },
  };

  it('checks and judges the most values a score may hold against 60,000 choices, reading each choice a bounded number of times', () => {
    const reads = { count: 0 };
    const counted = { ...rules, scoreConfig: { choices: readCounted(choices, reads) } };
    const chosen = values(choices.slice(-MAX_CHOSEN_VALUES).map((choice) => choice.name));
    expect(checkScoreValues(counted, chosen, true)).toEqual([]);
    expect(computeIsPassed(counted, chosen)).toBe(true);
    expect(reads.count).toBeLessThanOrEqual(4 * choices.length);
  });

  it('refuses 60,000 values at once, naming the field, without reading them', () => {
    const reads = { count: 0 };
    const issues = checkScoreValues(
      rules,
      values(
        readCounted(
          choices.map((choice) => choice.name),
          reads,
        ),
      ),
      true,
    );
    expect(issues.map((issue) => [issue.loc, issue.drfMsg])).toEqual([
      [['body', 'categorical_value'], `Expected at most ${MAX_CHOSEN_VALUES} values.`],
    ]);
    expect(reads.count).toBeLessThanOrEqual(MAX_CHOSEN_VALUES + 1);
  });

  it('names at most ten unknown choices and ten known ones', () => {
    const unknown = Array.from({ length: 12 }, (_, index) => `x${index}`);
    const [issue] = checkScoreValues(rules, values(unknown), true);
    expect(issue.drfMsg).toBe(
      'Unknown choice "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9" and 2 more; expected one of c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 59990 more.',
    );
  });
});
