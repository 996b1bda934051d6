import { RequestValidationException } from '../common/errors/api-exceptions';
import type { ValidationIssue } from '../common/errors/validation-issue';
import { isPlainObject } from '../common/is-plain-object';
import { scalarProblem } from '../common/validation/scalar-checks';
import { parseDateTime } from './datetimes';
import type { ScoreListQuery } from './dto/score-list.dto';

export { SORT_KEYS, type SortKey } from './dto/score-list.dto';

export const FILTER_OPERATORS = ['', 'in', 'not', 'icontains', 'startswith', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type ValueKind = 'text' | 'uuid' | 'boolean' | 'datetime' | 'number';

interface FilterField {
  column:
    | 'evaluatorId'
    | 'evaluatorSlug'
    | 'logId'
    | 'datasetId'
    | 'environment'
    | 'scorer'
    | 'type'
    | 'isPassed'
    | 'createdAt'
    | 'numericalValue';
  kind: ValueKind;
  /** The column may hold NULL (then `not` keeps NULL rows and `empty` matches them). */
  nullable: boolean;
  operators: readonly FilterOperator[];
}

const TEXT_OPERATORS: readonly FilterOperator[] = ['', 'in', 'not', 'icontains', 'startswith', 'empty', 'not_empty'];
const RANGE_OPERATORS: readonly FilterOperator[] = ['gt', 'gte', 'lt', 'lte'];

export const FILTER_FIELDS = {
  evaluator_id: { column: 'evaluatorId', kind: 'uuid', nullable: true, operators: ['', 'in', 'not', 'empty', 'not_empty'] },
  evaluator_slug: { column: 'evaluatorSlug', kind: 'text', nullable: false, operators: TEXT_OPERATORS },
  log_id: { column: 'logId', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  dataset_id: { column: 'datasetId', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  environment: { column: 'environment', kind: 'text', nullable: false, operators: TEXT_OPERATORS },
  scorer: { column: 'scorer', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  type: { column: 'type', kind: 'text', nullable: false, operators: ['', 'in', 'not'] },
  is_passed: { column: 'isPassed', kind: 'boolean', nullable: false, operators: ['', 'not'] },
  created_at: { column: 'createdAt', kind: 'datetime', nullable: false, operators: RANGE_OPERATORS },
  numerical_value: {
    column: 'numericalValue',
    kind: 'number',
    nullable: true,
    operators: ['', 'in', 'not', ...RANGE_OPERATORS, 'empty', 'not_empty'],
  },
} as const satisfies Record<string, FilterField>;

export type FilterFieldName = keyof typeof FILTER_FIELDS;

/** One condition on one column; `values` holds one value, or several for "any of" (none of, for `not`). */
export interface ScoreCondition {
  column: FilterField['column'];
  kind: ValueKind;
  nullable: boolean;
  operator: FilterOperator;
  values: (string | number | boolean | Date)[];
}

const MAX_FILTER_VALUES = 100;

const issue = (loc: (string | number)[], message: string, input?: unknown): ValidationIssue => ({
  type: 'value_error',
  loc,
  msg: `Value error, ${message}`,
  input,
  drfMsg: message,
});

const stored = (kind: ValueKind, value: string | number | boolean): string | number | boolean | Date =>
  kind === 'datetime' ? parseDateTime(value as string) : value;

function condition(name: FilterFieldName, operator: FilterOperator, values: (string | number | boolean)[]): ScoreCondition {
  const field: FilterField = FILTER_FIELDS[name];
  return {
    column: field.column,
    kind: field.kind,
    nullable: field.nullable,
    operator,
    values: values.map((value) => stored(field.kind, value)),
  };
}

/** The values an operator takes: none (empty, not_empty), a list (in), one (ranges), one or any of several (the rest). */
function parseValues(
  field: FilterField,
  operator: FilterOperator,
  value: unknown,
  at: (string | number)[],
): (string | number | boolean)[] | ValidationIssue {
  if (operator === 'empty' || operator === 'not_empty') return [];
  const list = Array.isArray(value) ? value : [value];
  if (value === undefined || value === null) return issue([...at, 'value'], `The "${operator}" operator needs a value.`);
  if (RANGE_OPERATORS.includes(operator) && list.length !== 1)
    return issue([...at, 'value'], `The "${operator}" operator compares with one value.`, value);
  if (list.length === 0 || list.length > MAX_FILTER_VALUES) {
    return issue([...at, 'value'], `Expected between 1 and ${MAX_FILTER_VALUES} values.`, value);
  }
  for (const [index, item] of list.entries()) {
    const problem = scalarProblem(field.kind, item);
    if (problem) return issue([...at, 'value', ...(Array.isArray(value) ? [index] : [])], problem, item);
  }
  return list as (string | number | boolean)[];
}

function parseCondition(name: FilterFieldName, raw: unknown, at: (string | number)[]): ScoreCondition | ValidationIssue {
  if (!isPlainObject(raw)) return issue(at, 'Expected {"operator": ..., "value": ...}.', raw);
  const field: FilterField = FILTER_FIELDS[name];
  const operator = raw.operator ?? '';
  if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    return issue(
      [...at, 'operator'],
      `Unknown operator ${JSON.stringify(operator)}; expected one of ${FILTER_OPERATORS.map((op) => `"${op}"`).join(', ')}.`,
      operator,
    );
  }
  if (!field.operators.includes(operator as FilterOperator)) {
    return issue(
      [...at, 'operator'],
      `The "${operator}" operator does not apply to ${name}; use one of ${field.operators.map((op) => `"${op}"`).join(', ')}.`,
      operator,
    );
  }
  const values = parseValues(field, operator as FilterOperator, raw.value, at);
  return Array.isArray(values) ? condition(name, operator as FilterOperator, values) : values;
}

export interface ParsedFilters {
  conditions: ScoreCondition[];
  /** The filters as understood, echoed as `current_filters`. */
  current: Record<string, unknown>;
}

/** The `filters` of a filter-list body: each field takes a condition or a list of conditions (all must hold). */
export function parseFilterBody(body: unknown): ParsedFilters {
  if (body === undefined || body === null || (isPlainObject(body) && (body.filters === undefined || body.filters === null))) {
    return { conditions: [], current: {} };
  }
  if (!isPlainObject(body)) throw new RequestValidationException([issue(['body'], 'Invalid data. Expected a dictionary.', body)]);
  const filters = body.filters;
  if (!isPlainObject(filters))
    throw new RequestValidationException([issue(['body', 'filters'], 'Expected a dictionary of filters.', filters)]);
  const conditions: ScoreCondition[] = [];
  const current: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const [name, raw] of Object.entries(filters)) {
    const at = ['body', 'filters', name];
    if (!Object.hasOwn(FILTER_FIELDS, name)) {
      issues.push(issue(at, `Unknown filter field; expected one of ${Object.keys(FILTER_FIELDS).join(', ')}.`));
      continue;
    }
    const rawList = Array.isArray(raw) ? raw : [raw];
    if (rawList.length === 0) {
      issues.push(issue(at, 'Expected a condition or a non-empty list of conditions.', raw));
      continue;
    }
    const parsed = rawList.map((item, index) => parseCondition(name as FilterFieldName, item, Array.isArray(raw) ? [...at, index] : at));
    const problems = parsed.filter((result): result is ValidationIssue => 'loc' in result);
    if (problems.length) {
      issues.push(...problems);
      continue;
    }
    conditions.push(...(parsed as ScoreCondition[]));
    const echoed = rawList.map((item) => {
      const { operator, value } = item as { operator?: string; value?: unknown };
      const normalized = operator ?? '';
      return normalized === 'empty' || normalized === 'not_empty' ? { operator: normalized } : { operator: normalized, value };
    });
    current[name] = Array.isArray(raw) ? echoed : echoed[0];
  }
  if (issues.length) throw new RequestValidationException(issues);
  return { conditions, current };
}

const QUERY_FILTERS: Record<string, [FilterFieldName, FilterOperator]> = {
  evaluator_id: ['evaluator_id', ''],
  evaluator_slug: ['evaluator_slug', ''],
  log_id: ['log_id', ''],
  dataset_id: ['dataset_id', ''],
  environment: ['environment', ''],
  scorer: ['scorer', ''],
  type: ['type', ''],
  is_passed: ['is_passed', ''],
  start_time: ['created_at', 'gte'],
  end_time: ['created_at', 'lte'],
  numerical_value__gte: ['numerical_value', 'gte'],
  numerical_value__lte: ['numerical_value', 'lte'],
};

/** The query-string filters of `GET /api/scores/` (already validated by the DTO). */
export function queryConditions(query: ScoreListQuery): ScoreCondition[] {
  const conditions: ScoreCondition[] = [];
  for (const [parameter, [name, operator]] of Object.entries(QUERY_FILTERS)) {
    const value = (query as unknown as Record<string, string | number | boolean | undefined>)[parameter];
    if (value !== undefined) conditions.push(condition(name, operator, [value]));
  }
  return conditions;
}

/** Query parameters a list route does not know: DRF-style 400 naming each. */
export function rejectUnknownParameters(query: unknown, known: Iterable<string>): void {
  const allowed = new Set(known);
  const unknown = Object.keys(isPlainObject(query) ? query : {}).filter((name) => !allowed.has(name));
  if (unknown.length) throw new RequestValidationException(unknown.map((name) => issue(['query', name], 'Unknown query parameter.')));
}

export const QUERY_PARAMETERS = ['page', 'page_size', 'sort_by', ...Object.keys(QUERY_FILTERS)];
