import type { ValidationIssue } from '../../common/errors/validation-issue';
import type { ScoreValueType } from '../../scorers/scorer-kinds';
import type { ConditionValue, PassingCondition, PassingConditions, ScoreConfig } from '../../scorers/value-rules/value-rules.types';

/** The evaluator properties that decide how a score's values are checked and judged. */
export interface ValueRules {
  scoreValueType: ScoreValueType | null;
  scoreConfig: ScoreConfig | null;
  passingConditions: PassingConditions | null;
}

/** The value fields of a score, by their request names. */
export interface ScoreValues {
  numerical_value: number | null;
  string_value: string | null;
  boolean_value: boolean | null;
  categorical_value: string[] | null;
  json_value: string | null;
}

export type ValueField = keyof ScoreValues;

/** How many values a `categorical_value` may hold (a select evaluator has at most as many choices). */
export const MAX_CHOSEN_VALUES = 1000;

/** The value field each value type uses (seeds 001/002). */
export const PRIMARY_FIELD: Record<ScoreValueType, ValueField> = {
  numerical: 'numerical_value',
  percentage: 'numerical_value',
  boolean: 'boolean_value',
  single_select: 'categorical_value',
  multi_select: 'categorical_value',
  categorical: 'categorical_value',
  text: 'string_value',
  comment: 'string_value',
  json: 'json_value',
};

const issue = (field: ValueField, message: string, input: unknown): ValidationIssue => ({
  type: 'value_error',
  loc: ['body', field],
  msg: `Value error, ${message}`,
  input,
  drfMsg: message,
});

/** Each choice name with what a passing condition compares it by: its value, or its name when it has none. */
const choiceValues = new WeakMap<ScoreConfig, Map<string, ConditionValue>>();

function choicesOf(config: ScoreConfig | null): Map<string, ConditionValue> {
  if (!config || !Array.isArray(config.choices)) return new Map();
  let choices = choiceValues.get(config);
  if (!choices) {
    choices = new Map(config.choices.map((choice) => [choice.name, choice.value ?? choice.name]));
    choiceValues.set(config, choices);
  }
  return choices;
}

function checkNumeric(rules: ValueRules, value: number): string | undefined {
  if (rules.scoreValueType === 'percentage' && (value < 0 || value > 100)) return 'Expected a percentage between 0 and 100.';
  const min = rules.scoreConfig?.min_score;
  const max = rules.scoreConfig?.max_score;
  if (typeof min === 'number' && value < min) return `Expected a value of at least ${min} (the evaluator's min_score).`;
  if (typeof max === 'number' && value > max) return `Expected a value of at most ${max} (the evaluator's max_score).`;
  return undefined;
}

/** Names listed in a message: the first few, then how many more. */
function listed(names: string[], quoted = false): string {
  const shown = names.slice(0, 10).map((name) => (quoted ? `"${name}"` : name));
  return names.length > shown.length ? `${shown.join(', ')} and ${names.length - shown.length} more` : shown.join(', ');
}

/** Linear in the number of choices and values chosen. */
function checkChoices(rules: ValueRules, chosen: string[]): string | undefined {
  if (chosen.length > MAX_CHOSEN_VALUES) return `Expected at most ${MAX_CHOSEN_VALUES} values.`;
  const choices = choicesOf(rules.scoreConfig);
  const names = () => listed([...choices.keys()]);
  if (rules.scoreValueType === 'single_select' && chosen.length !== 1) {
    return `Expected exactly one choice${choices.size ? ` of ${names()}` : ''}.`;
  }
  if (new Set(chosen).size !== chosen.length) return 'Each choice may be chosen once.';
  if (choices.size === 0) return undefined;
  const unknown = chosen.filter((name) => !choices.has(name));
  return unknown.length ? `Unknown choice ${listed(unknown, true)}; expected one of ${names()}.` : undefined;
}

/**
 * Checks a score's complete value set against its evaluator: the value field matching the value type
 * must be set (`requirePrimary`) and fit the score_config; json_value must always parse.
 */
export function checkScoreValues(rules: ValueRules | null, values: ScoreValues, requirePrimary: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (values.json_value !== null) {
    try {
      JSON.parse(values.json_value);
    } catch {
      issues.push(issue('json_value', 'Expected a JSON document encoded as a string.', values.json_value));
    }
  }
  const valueType = rules?.scoreValueType;
  if (!rules || !valueType) return issues;
  const field = PRIMARY_FIELD[valueType];
  const primary = values[field];
  if (primary === null) {
    if (requirePrimary) issues.push(issue(field, `This field is required for a ${valueType} evaluator.`, null));
    return issues;
  }
  const problem =
    field === 'numerical_value'
      ? checkNumeric(rules, primary as number)
      : field === 'categorical_value'
        ? checkChoices(rules, primary as string[])
        : undefined;
  if (problem) issues.push(issue(field, problem, primary));
  return issues;
}

/** The `in`/`not_in` lists of passing conditions as sets, made once per condition object. */
const conditionSets = new WeakMap<PassingCondition, Set<ConditionValue>>();

function setOf(condition: PassingCondition): Set<ConditionValue> {
  let values = conditionSets.get(condition);
  if (!values) {
    values = new Set(Array.isArray(condition.value) ? condition.value : []);
    conditionSets.set(condition, values);
  }
  return values;
}

function compare(actual: ConditionValue, condition: PassingCondition): boolean {
  const { operator, value } = condition;
  switch (operator) {
    case 'eq':
      return actual === value;
    case 'neq':
      return actual !== value;
    case 'in':
      return setOf(condition).has(actual);
    case 'not_in':
      return Array.isArray(value) && !setOf(condition).has(actual);
    default: {
      if (typeof actual !== 'number' || typeof value !== 'number') return false;
      if (operator === 'gt') return actual > value;
      if (operator === 'gte') return actual >= value;
      if (operator === 'lt') return actual < value;
      return actual <= value;
    }
  }
}

/** `is_passed`, computed from the evaluator's passing conditions; false without an evaluator or conditions. */
export function computeIsPassed(rules: ValueRules | null, values: ScoreValues): boolean {
  const condition = rules?.passingConditions?.primary_score;
  const valueType = rules?.scoreValueType;
  if (!rules || !condition || !valueType) return false;
  const primary = values[PRIMARY_FIELD[valueType]];
  if (primary === null) return false;
  switch (valueType) {
    case 'numerical':
    case 'percentage':
      return compare(primary as number, condition);
    case 'boolean':
      return compare(primary as boolean, condition);
    case 'single_select':
    case 'multi_select':
    case 'categorical': {
      const chosen = primary as string[];
      const choices = choicesOf(rules.scoreConfig);
      return chosen.length > 0 && chosen.every((name) => compare(choices.get(name) ?? name, condition));
    }
    default:
      return false;
  }
}
