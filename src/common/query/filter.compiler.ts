import { type FilterQuery, raw } from '@mikro-orm/core';
import { arrayLiteral } from './array-literal';
import { containsPattern, prefixPattern } from './like-pattern';

/**
 * Operators of the list filters of both dialects. `eq`, `contains`, `icontains`, `startswith` and
 * `has` hold when any of the values matches; `ne` and `has_none` when none does; the ranges compare
 * with one value; `empty`/`not_empty` take none. `has`, `has_none` and `has_containing` look at the
 * elements of a JSON array of strings.
 */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'icontains'
  | 'startswith'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'empty'
  | 'not_empty'
  | 'has'
  | 'has_none'
  | 'has_containing';

export type FilterValue = string | number | boolean | Date;

/** The SQL type of a target's values (an array of it carries a list of values as one parameter). */
export type FilterValueType = 'text' | 'uuid' | 'double precision' | 'boolean' | 'timestamptz';

/** An SQL expression over the row, written by the code (never by a client), e.g. `lower(s.name)`. */
export interface SqlExpression {
  sql: string;
}

/** One condition of a list filter, on an entity property or an SQL expression. */
export interface FilterCondition {
  target: string | SqlExpression;
  operator: FilterOperator;
  values: readonly FilterValue[];
  /** The SQL type of the values; text unless said. */
  type?: FilterValueType;
  /** The target may be NULL: `ne` keeps NULL rows, `empty` matches them. */
  nullable?: boolean;
  /** A text target: `empty` also matches `''`. */
  text?: boolean;
}

type Where = FilterQuery<object>;

/**
 * Several values travel as one array parameter (`= any(?)`, `like any(?)`): the statement and its
 * compilation grow with the number of conditions, not of values.
 */
const arrayOf = (values: readonly (FilterValue | string)[], type: FilterValueType, quantifier: '' | 'any' | 'all'): unknown =>
  raw(quantifier ? `${quantifier}(?::${type}[])` : `?::${type}[]`, [arrayLiteral(values)]);

/** A fresh key per use: MikroORM recognises a raw fragment by the key it made for it. */
const keyOf = (target: string | SqlExpression): string => (typeof target === 'string' ? target : raw(target.sql));

/** `like` (or `ilike`) with the patterns of `values`: one pattern as it is, several as any of an array. */
function like(operator: '$like' | '$ilike', patterns: string[]): Record<string, unknown> {
  return { [operator]: patterns.length === 1 ? patterns[0] : arrayOf(patterns, 'text', 'any') };
}

function elementContaining(target: string | SqlExpression, values: readonly FilterValue[]): Where {
  if (typeof target === 'string') throw new Error('has_containing needs an SQL expression target');
  const exists = `exists (select 1 from jsonb_array_elements_text(${target.sql}) as element(value) where element.value like any(?::text[]))`;
  return { [raw(exists, [arrayLiteral(values.map((value) => containsPattern(String(value))))])]: [] };
}

/** One condition as a MikroORM filter (parameterised; LIKE patterns match the client's text literally). */
export function compileCondition(condition: FilterCondition): Where {
  const { target, operator, values, type = 'text', nullable = false, text = false } = condition;
  const on = (predicate: unknown): Where => ({ [keyOf(target)]: predicate });
  switch (operator) {
    case 'eq':
      return on(values.length === 1 ? values[0] : { $eq: arrayOf(values, type, 'any') });
    case 'ne': {
      const differs = on({ $ne: values.length === 1 ? values[0] : arrayOf(values, type, 'all') });
      return nullable ? { $or: [differs, on(null)] } : differs;
    }
    case 'contains':
      return on(
        like(
          '$like',
          values.map((value) => containsPattern(String(value))),
        ),
      );
    case 'icontains':
      return on(
        like(
          '$ilike',
          values.map((value) => containsPattern(String(value))),
        ),
      );
    case 'startswith':
      return on(
        like(
          '$like',
          values.map((value) => prefixPattern(String(value))),
        ),
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return on({ [`$${operator}`]: values[0] });
    case 'empty':
      if (!text) return on(null);
      return nullable ? { $or: [on(null), on('')] } : on('');
    case 'not_empty':
      if (!text) return on({ $ne: null });
      return nullable ? { $and: [on({ $ne: null }), on({ $ne: '' })] } : on({ $ne: '' });
    case 'has':
      return on({ $hasSomeKeys: arrayOf(values, 'text', '') });
    case 'has_none':
      return { $not: on({ $hasSomeKeys: arrayOf(values, 'text', '') }) };
    case 'has_containing':
      return elementContaining(target, values);
  }
}

/** `scope` (the tenant and visibility conditions) and every condition: one filter, linear in the conditions. */
export function compileWhere<T extends object>(scope: FilterQuery<T>, conditions: readonly FilterCondition[]): FilterQuery<T> {
  return (conditions.length ? { $and: [scope, ...conditions.map(compileCondition)] } : scope) as FilterQuery<T>;
}
