import type { ValidationIssue } from '../../common/errors/validation-issue';
import { isPlainObject } from '../../common/is-plain-object';
import type { ScoreValueType } from '../scorer-kinds';
import { CONDITION_OPERATORS, type ConditionValue, MAX_CHOICES, type ScoreConfig } from './value-rules.types';

const issue = (loc: (string | number)[], message: string, input?: unknown): ValidationIssue => ({
  type: 'value_error',
  loc: ['body', ...loc],
  msg: `Value error, ${message}`,
  input,
  drfMsg: message,
});

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isScalar = (value: unknown): value is ConditionValue =>
  typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);

export const SELECT_TYPES: readonly ScoreValueType[] = ['single_select', 'multi_select', 'categorical'];
export const NUMERIC_TYPES: readonly ScoreValueType[] = ['numerical', 'percentage'];
const NO_CONDITIONS: readonly ScoreValueType[] = ['text', 'comment', 'json'];

/**
 * Checks an evaluator's `score_config` against its value type. Select evaluators defined through the
 * Respan dialect need their choices (`requireChoices`); Galileo categorical scorers have none to give.
 */
export function checkScoreConfig(valueType: ScoreValueType | null, config: unknown, requireChoices = true): ValidationIssue[] {
  const needsChoices = requireChoices && (valueType === 'single_select' || valueType === 'multi_select');
  if (config === null || config === undefined) {
    return needsChoices ? [issue(['score_config'], `A ${valueType} evaluator needs score_config.choices.`)] : [];
  }
  if (!isPlainObject(config)) return [issue(['score_config'], 'Expected an object with min_score, max_score and/or choices.', config)];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(config)) {
    if (!['min_score', 'max_score', 'choices'].includes(key))
      issues.push(issue(['score_config', key], `Unknown key; expected min_score, max_score or choices.`));
  }
  for (const key of ['min_score', 'max_score'] as const) {
    const bound = config[key];
    if (bound !== undefined && bound !== null && !isFiniteNumber(bound))
      issues.push(issue(['score_config', key], 'A valid number is required.', bound));
  }
  const { min_score: min, max_score: max } = config as ScoreConfig;
  if (isFiniteNumber(min) && isFiniteNumber(max) && min > max)
    issues.push(issue(['score_config', 'max_score'], 'max_score must not be less than min_score.', max));
  if (valueType === 'percentage') {
    for (const key of ['min_score', 'max_score'] as const) {
      const bound = config[key];
      if (isFiniteNumber(bound) && (bound < 0 || bound > 100))
        issues.push(issue(['score_config', key], 'A percentage bound must be between 0 and 100.', bound));
    }
  }
  const choices = config.choices;
  if (choices !== undefined && choices !== null) {
    if (!Array.isArray(choices)) {
      issues.push(issue(['score_config', 'choices'], 'Expected a list of {"name", "value"} choices.', choices));
    } else if (choices.length > MAX_CHOICES) {
      issues.push(issue(['score_config', 'choices'], `Expected at most ${MAX_CHOICES} choices.`, null));
    } else {
      const names = new Set<string>();
      choices.forEach((choice: unknown, index) => {
        if (!isPlainObject(choice) || typeof choice.name !== 'string' || choice.name.trim() === '') {
          issues.push(issue(['score_config', 'choices', index], 'Each choice needs a non-empty "name".', choice));
          return;
        }
        if (names.has(choice.name))
          issues.push(issue(['score_config', 'choices', index, 'name'], `Duplicate choice name "${choice.name}".`, choice.name));
        names.add(choice.name);
        if (choice.value !== undefined && choice.value !== null && !isScalar(choice.value)) {
          issues.push(
            issue(['score_config', 'choices', index, 'value'], 'A choice value must be a number, a string or a boolean.', choice.value),
          );
        }
        for (const key of Object.keys(choice)) {
          if (key !== 'name' && key !== 'value')
            issues.push(issue(['score_config', 'choices', index, key], 'Unknown key; a choice has a name and a value.'));
        }
      });
    }
  }
  if (needsChoices && (!Array.isArray(choices) || choices.length === 0)) {
    issues.push(issue(['score_config', 'choices'], `A ${valueType} evaluator needs at least one choice.`));
  }
  return issues;
}

/** Checks `passing_conditions` against the value type: text and json evaluators take none. */
export function checkPassingConditions(valueType: ScoreValueType | null, conditions: unknown): ValidationIssue[] {
  if (conditions === null || conditions === undefined) return [];
  if (valueType && NO_CONDITIONS.includes(valueType)) {
    return [issue(['passing_conditions'], `A ${valueType} evaluator takes no passing conditions.`, conditions)];
  }
  if (!isPlainObject(conditions) || !isPlainObject(conditions.primary_score)) {
    return [issue(['passing_conditions'], 'Expected {"primary_score": {"operator": ..., "value": ...}}.', conditions)];
  }
  const extra = Object.keys(conditions).filter((key) => key !== 'primary_score');
  if (extra.length) return [issue(['passing_conditions', extra[0]], 'Unknown key; only primary_score is supported.')];
  const { operator, value } = conditions.primary_score;
  const at = ['passing_conditions', 'primary_score'];
  if (typeof operator !== 'string' || !(CONDITION_OPERATORS as readonly string[]).includes(operator)) {
    return [issue([...at, 'operator'], `Expected one of ${CONDITION_OPERATORS.join(', ')}.`, operator)];
  }
  const listOperator = operator === 'in' || operator === 'not_in';
  if (listOperator && Array.isArray(value) && value.length > MAX_CHOICES) {
    return [issue([...at, 'value'], `"${operator}" takes at most ${MAX_CHOICES} values.`, null)];
  }
  if (listOperator ? !Array.isArray(value) || value.length === 0 || !value.every(isScalar) : !isScalar(value)) {
    return [
      issue(
        [...at, 'value'],
        listOperator ? `"${operator}" needs a non-empty list of values.` : 'Expected a number, a string or a boolean.',
        value,
      ),
    ];
  }
  const values: unknown[] = listOperator ? (value as unknown[]) : [value];
  if (valueType && NUMERIC_TYPES.includes(valueType) && !values.every(isFiniteNumber)) {
    return [issue([...at, 'value'], `A ${valueType} evaluator compares numbers.`, value)];
  }
  if (valueType === 'boolean') {
    if (operator !== 'eq' && operator !== 'neq') return [issue([...at, 'operator'], 'A boolean evaluator takes eq or neq only.', operator)];
    if (typeof value !== 'boolean') return [issue([...at, 'value'], 'A boolean evaluator compares with true or false.', value)];
  }
  if (['gt', 'gte', 'lt', 'lte'].includes(operator) && !isFiniteNumber(value)) {
    return [issue([...at, 'value'], `"${operator}" compares with a number.`, value)];
  }
  return [];
}
