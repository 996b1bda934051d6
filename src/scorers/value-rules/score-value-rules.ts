import type { ValidationIssue } from '../../common/errors/validation-issue';
import type { ScoreValueType } from '../scorer-kinds';
import type {
  ConditionValue,
  PassingCondition,
  PassingConditions,
  ScoreChoice,
  ScoreConfig,
  ScoreValues,
  ValueField,
} from './value-rules.types';

/** The evaluator properties that decide how a score's values are checked and judged. */
export interface ValueRules {
  scoreValueType: ScoreValueType | null;
  scoreConfig: ScoreConfig | null;
  passingConditions: PassingConditions | null;
}

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

const choicesOf = (config: ScoreConfig | null): ScoreChoice[] => (Array.isArray(config?.choices) ? config.choices : []);

function checkNumeric(rules: ValueRules, value: number): string | undefined {
  if (rules.scoreValueType === 'percentage' && (value < 0 || value > 100)) return 'Expected a percentage between 0 and 100.';
  const min = rules.scoreConfig?.min_score;
  const max = rules.scoreConfig?.max_score;
  if (typeof min === 'number' && value < min) return `Expected a value of at least ${min} (the evaluator's min_score).`;
  if (typeof max === 'number' && value > max) return `Expected a value of at most ${max} (the evaluator's max_score).`;
  return undefined;
}

function checkChoices(rules: ValueRules, chosen: string[]): string | undefined {
  const names = choicesOf(rules.scoreConfig).map((choice) => choice.name);
  if (rules.scoreValueType === 'single_select' && chosen.length !== 1) {
    return `Expected exactly one choice${names.length ? ` of ${names.join(', ')}` : ''}.`;
  }
  if (new Set(chosen).size !== chosen.length) return 'Each choice may be chosen once.';
  if (names.length === 0) return undefined;
  const unknown = chosen.filter((name) => !names.includes(name));
  return unknown.length
    ? `Unknown choice ${unknown.map((name) => `"${name}"`).join(', ')}; expected one of ${names.join(', ')}.`
    : undefined;
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

function compare(actual: ConditionValue, condition: PassingCondition): boolean {
  const { operator, value } = condition;
  switch (operator) {
    case 'eq':
      return actual === value;
    case 'neq':
      return actual !== value;
    case 'in':
      return Array.isArray(value) && value.includes(actual);
    case 'not_in':
      return Array.isArray(value) && !value.includes(actual);
    default: {
      if (typeof actual !== 'number' || typeof value !== 'number') return false;
      if (operator === 'gt') return actual > value;
      if (operator === 'gte') return actual >= value;
      if (operator === 'lt') return actual < value;
      return actual <= value;
    }
  }
}

/** What a chosen choice is compared by: its value, or its name when it has none. */
function choiceValue(rules: ValueRules, name: string): ConditionValue {
  const choice = choicesOf(rules.scoreConfig).find((candidate) => candidate.name === name);
  return choice?.value ?? name;
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
      return chosen.length > 0 && chosen.every((name) => compare(choiceValue(rules, name), condition));
    }
    default:
      return false;
  }
}
