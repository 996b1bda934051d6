import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { Score } from './entities/score.entity';
import type { ScoreCondition, SortKey } from './score-filters';

type Where = FilterQuery<Score>;

/** LIKE patterns match the client's text literally. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

function anyOf(conditions: Where[]): Where {
  return conditions.length === 1 ? conditions[0] : { $or: conditions };
}

/** One filter condition as a MikroORM query. */
export function whereOf(condition: ScoreCondition): Where {
  const { column, kind, nullable, operator, values } = condition;
  const on = (predicate: unknown): Where => ({ [column]: predicate }) as Where;
  switch (operator) {
    case '':
      return on(values.length === 1 ? values[0] : { $in: values });
    case 'in':
      return on({ $in: values });
    case 'not':
      return nullable ? { $or: [on({ $nin: values }), on(null)] } : on({ $nin: values });
    case 'icontains':
      return anyOf(values.map((value) => on({ $ilike: `%${likeLiteral(String(value))}%` })));
    case 'startswith':
      return anyOf(values.map((value) => on({ $like: `${likeLiteral(String(value))}%` })));
    case 'gt':
      return on({ $gt: values[0] });
    case 'gte':
      return on({ $gte: values[0] });
    case 'lt':
      return on({ $lt: values[0] });
    case 'lte':
      return on({ $lte: values[0] });
    case 'empty':
      if (kind !== 'text') return on(null);
      return nullable ? { $or: [on(null), on('')] } : on('');
    case 'not_empty':
      if (kind !== 'text') return on({ $ne: null });
      return nullable ? { $and: [on({ $ne: null }), on({ $ne: '' })] } : on({ $ne: '' });
  }
}

const SORT_COLUMNS = { created_at: 'createdAt', updated_at: 'updatedAt', numerical_value: 'numericalValue' } as const;

/** The order of a list: the sort key, then `id` in the same direction (each pair has its index). */
export function orderOf(sortBy: SortKey): QueryOrderMap<Score> {
  const direction = sortBy.startsWith('-') ? 'desc' : 'asc';
  const column = SORT_COLUMNS[sortBy.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  return { [column]: direction, id: direction } as QueryOrderMap<Score>;
}
