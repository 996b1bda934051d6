import { type QueryOrderMap, raw } from '@mikro-orm/core';
import { RequestValidationException } from '../common/errors/api-exceptions';
import type { FilterCondition, FilterOperator, SqlExpression } from '../common/query/filter.compiler';
import type { ListScorersRequest, ScorerFilter, ScorerSort } from './dto/list-scorers.dto';
import type { Scorer } from './entities/scorer.entity';

/** Galileo's list filters as conditions for the shared filter compiler (on alias `s`), and the order. */
export interface ScorerListQuery {
  conditions: FilterCondition[];
  orderBy: QueryOrderMap<Scorer>[];
}

/** Galileo's text operators: `eq`/`ne`/`contains` compare with one value, `one_of`/`not_in` with a list (empty allowed). */
const TEXT_OPERATORS: Record<string, FilterOperator> = { eq: 'eq', ne: 'ne', contains: 'contains', one_of: 'eq', not_in: 'ne' };
/** The same on the elements of `tags`. */
const TAG_OPERATORS: Record<string, FilterOperator> = { eq: 'has', contains: 'has_containing', one_of: 'has', not_in: 'has_none' };
const TIME_OPERATORS: Record<string, FilterOperator> = { eq: 'eq', ne: 'ne', gt: 'gt', gte: 'gte', lt: 'lt', lte: 'lte' };

const lower = (expression: string): SqlExpression => ({ sql: `lower(${expression})` });

function valuesOf(index: number, filter: ScorerFilter): string[] {
  if (!['eq', 'ne', 'contains'].includes(filter.operator)) return Array.isArray(filter.value) ? filter.value : [filter.value];
  if (typeof filter.value === 'string') return [filter.value];
  throw new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'filters', index, filter.name, 'value'],
      msg: `Value error, operator '${filter.operator}' compares with a single string`,
      input: filter.value,
    },
  ]);
}

/** A text comparison, case-insensitive by comparing lower-cased text with lower-cased values. */
function text(target: string | SqlExpression, operator: string, values: string[], caseInsensitive: boolean): FilterCondition {
  return {
    target: caseInsensitive ? lower(typeof target === 'string' ? `s.${target}` : target.sql) : target,
    operator: TEXT_OPERATORS[operator],
    values: caseInsensitive ? values.map((value) => value.toLowerCase()) : values,
  };
}

function filterCondition(filter: ScorerFilter, index: number): FilterCondition {
  switch (filter.name) {
    case 'name':
      return text('name', filter.operator, valuesOf(index, filter), !filter.case_sensitive);
    case 'scorer_type':
      return text('scorerType', filter.operator, valuesOf(index, filter), false);
    case 'model_type':
      return text('modelType', filter.operator, valuesOf(index, filter), false);
    case 'creator':
      return text({ sql: 's.created_by::text' }, filter.operator, valuesOf(index, filter), true);
    case 'id':
      return text({ sql: 's.id::text' }, filter.operator, valuesOf(index, filter), true);
    case 'tags': {
      const values = valuesOf(index, filter);
      return {
        target: filter.case_sensitive ? { sql: 's.tags' } : { sql: 'lower(s.tags::text)::jsonb' },
        operator: TAG_OPERATORS[filter.operator],
        values: filter.case_sensitive ? values : values.map((value) => value.toLowerCase()),
      };
    }
    case 'label': {
      // Not strict: a scorer without a label (a custom one) is matched by its name.
      const target = filter.strict ? 'label' : { sql: 'coalesce(s.label, s.name)' };
      return text(target, filter.operator, valuesOf(index, filter), !filter.case_sensitive);
    }
    case 'created_at':
      return { target: 'createdAt', operator: TIME_OPERATORS[filter.operator], values: [new Date(filter.value)] };
    case 'updated_at':
      return { target: 'updatedAt', operator: TIME_OPERATORS[filter.operator], values: [new Date(filter.value)] };
  }
}

function orderBy(sort: ScorerSort | null | undefined): QueryOrderMap<Scorer>[] {
  if (!sort) return [{ createdAt: 'desc' }, { id: 'asc' }];
  const direction = sort.ascending ? 'asc' : 'desc';
  const first: QueryOrderMap<Scorer> = sort.name === 'name' ? { [raw('lower(s.name)')]: direction } : { updatedAt: direction };
  return [first, { id: 'asc' }];
}

/** Translates Galileo's list filters and sort for the scorers table. */
export function scorerListQuery(request: ListScorersRequest): ScorerListQuery {
  return { conditions: request.filters.map(filterCondition), orderBy: orderBy(request.sort) };
}
