import { RequestValidationException } from '../../common/errors/api-exceptions';
import type { ValidationIssue } from '../../common/errors/validation-issue';
import type { FilterCondition, FilterOperator, FilterValue, FilterValueType } from '../../common/query/filter.compiler';
import { scalarProblem } from '../../common/validation/scalar-checks';
import { parseDateTime } from '../model/date-time';
import {
  FILTER_FIELDS,
  FILTER_LIMITS,
  FILTER_OPERATORS,
  type FilterField,
  type FilterFieldName,
  QUERY_FILTERS,
  RANGE_OPERATORS,
  type ScoreFilterOperator,
  type ValueKind,
} from './score-filter.fields';

/** The list filters of scores, from the filter body or the query string, as conditions for the shared compiler. */

const VALUE_TYPES: Record<ValueKind, FilterValueType> = {
  text: 'text',
  uuid: 'uuid',
  boolean: 'boolean',
  datetime: 'timestamptz',
  number: 'double precision',
};

const COMPILED: Record<ScoreFilterOperator, FilterOperator> = {
  '': 'eq',
  in: 'eq',
  not: 'ne',
  icontains: 'icontains',
  startswith: 'startswith',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  empty: 'empty',
  not_empty: 'not_empty',
};

type Sent = string | number | boolean;
type Location = (string | number)[];

const issue = (loc: Location, message: string, input?: unknown): ValidationIssue => ({
  type: 'value_error',
  loc,
  msg: `Value error, ${message}`,
  input,
  drfMsg: message,
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as the column compares it: date-times as instants, UUIDs without the `urn:uuid:` prefix the field check allows. */
function stored(kind: ValueKind, value: Sent): FilterValue {
  if (kind === 'datetime') return parseDateTime(value as string);
  return kind === 'uuid' ? (value as string).replace(/^urn:uuid:/i, '') : value;
}

function condition(name: FilterFieldName, operator: ScoreFilterOperator, values: Sent[]): FilterCondition {
  const field: FilterField = FILTER_FIELDS[name];
  return {
    target: field.property,
    operator: COMPILED[operator],
    values: values.map((value) => stored(field.kind, value)),
    type: VALUE_TYPES[field.kind],
    nullable: field.nullable,
    text: field.kind === 'text',
  };
}

/** The values an operator takes: none (empty, not_empty), a list (in), one (ranges), one or any of several (the rest). */
function parseValues(field: FilterField, operator: ScoreFilterOperator, value: unknown, at: Location): Sent[] | ValidationIssue {
  if (operator === 'empty' || operator === 'not_empty') return [];
  if (value === undefined || value === null) return issue([...at, 'value'], `The "${operator}" operator needs a value.`);
  const list = Array.isArray(value) ? value : [value];
  if (RANGE_OPERATORS.includes(operator) && list.length !== 1)
    return issue([...at, 'value'], `The "${operator}" operator compares with one value.`, value);
  const most = FILTER_LIMITS.valuesPerCondition;
  if (list.length === 0 || list.length > most) return issue([...at, 'value'], `Expected between 1 and ${most} values.`, null);
  for (const [index, item] of list.entries()) {
    const problem = scalarProblem(field.kind, item);
    if (problem) return issue([...at, 'value', ...(Array.isArray(value) ? [index] : [])], problem, item);
  }
  return list as Sent[];
}

function parseCondition(name: FilterFieldName, raw: unknown, at: Location): FilterCondition | ValidationIssue {
  if (!isPlainObject(raw)) return issue(at, 'Expected {"operator": ..., "value": ...}.', null);
  const field: FilterField = FILTER_FIELDS[name];
  const operator = raw.operator ?? '';
  if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    const expected = FILTER_OPERATORS.map((op) => `"${op}"`).join(', ');
    return issue([...at, 'operator'], `Unknown operator ${JSON.stringify(operator)}; expected one of ${expected}.`, operator);
  }
  if (!field.operators.includes(operator as ScoreFilterOperator)) {
    const expected = field.operators.map((op) => `"${op}"`).join(', ');
    return issue([...at, 'operator'], `The "${operator}" operator does not apply to ${name}; use one of ${expected}.`, operator);
  }
  const values = parseValues(field, operator as ScoreFilterOperator, raw.value, at);
  return Array.isArray(values) ? condition(name, operator as ScoreFilterOperator, values) : values;
}

export interface ParsedFilters {
  conditions: FilterCondition[];
  /** The filters as understood, echoed as `current_filters`. */
  current: Record<string, unknown>;
}

/** What a field's condition(s) echo: operators normalized, no value for `empty`/`not_empty`. */
function echoed(raw: unknown): unknown {
  const echo = (item: unknown) => {
    const { operator, value } = item as { operator?: string | null; value?: unknown };
    const normalized = operator ?? '';
    return normalized === 'empty' || normalized === 'not_empty' ? { operator: normalized } : { operator: normalized, value };
  };
  return Array.isArray(raw) ? raw.map(echo) : echo(raw);
}

/** Refuses, before reading any condition, a body with more conditions than a request may hold, naming the field. */
function checkConditionCount(filters: Record<string, unknown>): void {
  const most = FILTER_LIMITS.conditions;
  let total = 0;
  for (const [name, raw] of Object.entries(filters)) {
    const count = Array.isArray(raw) ? raw.length : 1;
    if (count > most)
      throw new RequestValidationException([issue(['body', 'filters', name], `Expected at most ${most} conditions.`, null)]);
    total += count;
  }
  if (total > most) throw new RequestValidationException([issue(['body', 'filters'], `Expected at most ${most} conditions in all.`, null)]);
}

/** The `filters` of a filter-list body: each field takes a condition or a list of conditions (all must hold). */
export function parseFilterBody(body: unknown): ParsedFilters {
  if (body === undefined || body === null || (isPlainObject(body) && (body.filters === undefined || body.filters === null))) {
    return { conditions: [], current: {} };
  }
  if (!isPlainObject(body)) throw new RequestValidationException([issue(['body'], 'Invalid data. Expected a dictionary.', null)]);
  const filters = body.filters;
  if (!isPlainObject(filters))
    throw new RequestValidationException([issue(['body', 'filters'], 'Expected a dictionary of filters.', null)]);
  checkConditionCount(filters);
  const conditions: FilterCondition[] = [];
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
      issues.push(issue(at, 'Expected a condition or a non-empty list of conditions.', null));
      continue;
    }
    const parsed = rawList.map((item, index) => parseCondition(name as FilterFieldName, item, Array.isArray(raw) ? [...at, index] : at));
    const problems = parsed.filter((result): result is ValidationIssue => 'loc' in result);
    if (problems.length) {
      issues.push(...problems);
      continue;
    }
    conditions.push(...(parsed as FilterCondition[]));
    current[name] = echoed(raw);
  }
  if (issues.length) throw new RequestValidationException(issues);
  return { conditions, current };
}

/** The query-string filters of `GET /api/scores/` (already validated by the query DTO). */
export function queryConditions(query: object): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  for (const [parameter, [name, operator]] of Object.entries(QUERY_FILTERS)) {
    const value = (query as Record<string, Sent | undefined>)[parameter];
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
