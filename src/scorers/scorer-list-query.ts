import { RequestValidationException } from '../common/errors/api-exceptions';
import type { ListScorersRequest, ScorerFilter, ScorerSort } from './dto/list-scorers.dto';

/** A WHERE fragment on alias `s` (scorers) with `?` placeholders; arrays bound to `(?)` expand to lists. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

export interface ScorerListQuery {
  conditions: SqlCondition[];
  orderBy: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);
const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const NOTHING: SqlCondition = { sql: 'false', params: [] };
const EVERYTHING: SqlCondition = { sql: 'true', params: [] };

function scalarOnly(index: number, filter: ScorerFilter): string {
  if (typeof filter.value === 'string') return filter.value;
  throw new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'filters', index, filter.name, 'value'],
      msg: `Value error, operator '${filter.operator}' compares with a single string`,
      input: filter.value,
    },
  ]);
}

/** Equality-style operators on one text expression (already lower-cased when case-insensitive). */
function compareText(column: string, operator: string, value: string | string[], lower: boolean): SqlCondition {
  const expression = lower ? `lower(${column})` : column;
  const normalize = (text: string) => (lower ? text.toLowerCase() : text);
  switch (operator) {
    case 'eq':
      return { sql: `${expression} = ?`, params: [normalize(value as string)] };
    case 'ne':
      return { sql: `${expression} <> ?`, params: [normalize(value as string)] };
    case 'contains':
      return { sql: `${expression} like ? escape '\\'`, params: [`%${escapeLike(normalize(value as string))}%`] };
    case 'one_of': {
      const list = asList(value);
      return list.length ? { sql: `${expression} in (?)`, params: [list.map(normalize)] } : NOTHING;
    }
    default: {
      const list = asList(value);
      return list.length ? { sql: `${expression} not in (?)`, params: [list.map(normalize)] } : EVERYTHING;
    }
  }
}

function tagCondition(operator: string, value: string | string[], caseSensitive: boolean): SqlCondition {
  const inner = compareText('t.tag', operator === 'not_in' ? 'one_of' : operator, value, !caseSensitive);
  const exists = `exists (select 1 from jsonb_array_elements_text(s.tags) as t(tag) where ${inner.sql})`;
  return { sql: operator === 'not_in' ? `not ${exists}` : exists, params: inner.params };
}

const TIME_OPERATORS: Record<string, string> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function filterCondition(filter: ScorerFilter, index: number): SqlCondition {
  const needsScalar = ['eq', 'ne', 'contains'].includes(filter.operator);
  const value = needsScalar ? scalarOnly(index, filter) : filter.value;
  switch (filter.name) {
    case 'name':
      return compareText('s.name', filter.operator, value, !filter.case_sensitive);
    case 'scorer_type':
      return compareText('s.scorer_type', filter.operator, value, false);
    case 'model_type':
      return compareText('s.model_type', filter.operator, value, false);
    case 'tags':
      return tagCondition(filter.operator, value, filter.case_sensitive);
    case 'creator':
      return compareText('s.created_by::text', filter.operator, value, true);
    case 'id':
      return compareText('s.id::text', filter.operator, value, true);
    case 'label': {
      const byLabel = compareText('s.label', filter.operator, value, !filter.case_sensitive);
      if (filter.strict) return byLabel;
      // Not strict: scorers without a label (custom ones) match by name.
      const byName = compareText('s.name', filter.operator, value, !filter.case_sensitive);
      return {
        sql: `((s.label is not null and ${byLabel.sql}) or (s.label is null and ${byName.sql}))`,
        params: [...byLabel.params, ...byName.params],
      };
    }
    case 'created_at':
    case 'updated_at':
      return { sql: `s.${filter.name} ${TIME_OPERATORS[filter.operator]} ?`, params: [new Date(filter.value)] };
  }
}

function orderBy(sort: ScorerSort | null | undefined): string {
  if (!sort) return 's.created_at desc, s.id asc';
  const direction = sort.ascending ? 'asc' : 'desc';
  return sort.name === 'name' ? `lower(s.name) ${direction}, s.id asc` : `s.updated_at ${direction}, s.id asc`;
}

/** Translates Galileo's list filters and sort into SQL on the scorers table. */
export function scorerListQuery(request: ListScorersRequest): ScorerListQuery {
  return { conditions: request.filters.map(filterCondition), orderBy: orderBy(request.sort) };
}
