import { type FilterQuery, raw } from '@mikro-orm/core';
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

/** An SQL expression over the row, written by the code (never by a client), e.g. `lower(s.name)`. */
export interface SqlExpression {
  sql: string;
}

/** One condition of a list filter, on an entity property or an SQL expression. */
export interface FilterCondition {
  target: string | SqlExpression;
  operator: FilterOperator;
  values: readonly FilterValue[];
  /** The target may be NULL: `ne` keeps NULL rows, `empty` matches them. */
  nullable?: boolean;
  /** A text target: `empty` also matches `''`. */
  text?: boolean;
}

type Where = FilterQuery<object>;

const anyOf = (conditions: Where[]): Where => (conditions.length === 1 ? conditions[0] : { $or: conditions });

/** A text[] of parameters (a bare array next to a raw expression would be expanded into a row). */
const textArray = (values: readonly FilterValue[]): unknown =>
  raw(`array[${values.map(() => '?').join(', ')}]::text[]`, values.map(String));

/** A fresh key per use: MikroORM recognises a raw fragment by the key it made for it. */
const keyOf = (target: string | SqlExpression): string => (typeof target === 'string' ? target : raw(target.sql));

function elementContaining(target: string | SqlExpression, value: FilterValue): Where {
  if (typeof target === 'string') throw new Error('has_containing needs an SQL expression target');
  const exists = `exists (select 1 from jsonb_array_elements_text(${target.sql}) as element(value) where element.value like ? escape '\\')`;
  return { [raw(exists, [containsPattern(String(value))])]: [] };
}

/** One condition as a MikroORM filter (parameterised; LIKE patterns match the client's text literally). */
export function compileCondition(condition: FilterCondition): Where {
  const { target, operator, values, nullable = false, text = false } = condition;
  const on = (predicate: unknown): Where => ({ [keyOf(target)]: predicate });
  switch (operator) {
    case 'eq':
      return on(values.length === 1 ? values[0] : { $in: values });
    case 'ne':
      return nullable ? { $or: [on({ $nin: values }), on(null)] } : on({ $nin: values });
    case 'contains':
      return anyOf(values.map((value) => on({ $like: containsPattern(String(value)) })));
    case 'icontains':
      return anyOf(values.map((value) => on({ $ilike: containsPattern(String(value)) })));
    case 'startswith':
      return anyOf(values.map((value) => on({ $like: prefixPattern(String(value)) })));
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
      return on({ $hasSomeKeys: textArray(values) });
    case 'has_none':
      return { $not: on({ $hasSomeKeys: textArray(values) }) };
    case 'has_containing':
      return anyOf(values.map((value) => elementContaining(target, value)));
  }
}

/** `scope` (the tenant and visibility conditions) and every condition: one filter, linear in the conditions. */
export function compileWhere<T extends object>(scope: FilterQuery<T>, conditions: readonly FilterCondition[]): FilterQuery<T> {
  return (conditions.length ? { $and: [scope, ...conditions.map(compileCondition)] } : scope) as FilterQuery<T>;
}
