import type { QueryOrderMap } from '@mikro-orm/core';
import type { SortKey } from '../dto/score-list.dto';
import type { Score } from '../entities/score.entity';

/** What the list filters of scores accept and how they map to the score's properties (contract §4). */

export const FILTER_OPERATORS = ['', 'in', 'not', 'icontains', 'startswith', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'] as const;
export type ScoreFilterOperator = (typeof FILTER_OPERATORS)[number];

export type ValueKind = 'text' | 'uuid' | 'boolean' | 'datetime' | 'number';

export interface FilterField {
  property: Exclude<keyof Score, symbol>;
  kind: ValueKind;
  /** The column may hold NULL (then `not` keeps NULL rows and `empty` matches them). */
  nullable: boolean;
  operators: readonly ScoreFilterOperator[];
}

/** Values per condition, and conditions per request (a list of conditions on one field counts each). */
export const FILTER_LIMITS = { valuesPerCondition: 100, conditions: 50 } as const;

const TEXT_OPERATORS: readonly ScoreFilterOperator[] = ['', 'in', 'not', 'icontains', 'startswith', 'empty', 'not_empty'];
export const RANGE_OPERATORS: readonly ScoreFilterOperator[] = ['gt', 'gte', 'lt', 'lte'];

export const FILTER_FIELDS = {
  evaluator_id: { property: 'evaluatorId', kind: 'uuid', nullable: true, operators: ['', 'in', 'not', 'empty', 'not_empty'] },
  evaluator_slug: { property: 'evaluatorSlug', kind: 'text', nullable: false, operators: TEXT_OPERATORS },
  log_id: { property: 'logId', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  dataset_id: { property: 'datasetId', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  environment: { property: 'environment', kind: 'text', nullable: false, operators: TEXT_OPERATORS },
  scorer: { property: 'scorer', kind: 'text', nullable: true, operators: TEXT_OPERATORS },
  type: { property: 'type', kind: 'text', nullable: false, operators: ['', 'in', 'not'] },
  is_passed: { property: 'isPassed', kind: 'boolean', nullable: false, operators: ['', 'not'] },
  created_at: { property: 'createdAt', kind: 'datetime', nullable: false, operators: RANGE_OPERATORS },
  numerical_value: {
    property: 'numericalValue',
    kind: 'number',
    nullable: true,
    operators: ['', 'in', 'not', ...RANGE_OPERATORS, 'empty', 'not_empty'],
  },
} as const satisfies Record<string, FilterField>;

export type FilterFieldName = keyof typeof FILTER_FIELDS;

/** The query-string filters of `GET /api/scores/`: each one field and operator. */
export const QUERY_FILTERS: Record<string, [FilterFieldName, ScoreFilterOperator]> = {
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

export const QUERY_PARAMETERS = ['page', 'page_size', 'sort_by', ...Object.keys(QUERY_FILTERS)];

const SORT_PROPERTIES = { created_at: 'createdAt', updated_at: 'updatedAt', numerical_value: 'numericalValue' } as const;

/** The order of a list: the sort key, then `id` in the same direction (each pair has its index). */
export function orderOf(sortBy: SortKey): QueryOrderMap<Score> {
  const direction = sortBy.startsWith('-') ? 'desc' : 'asc';
  const property = SORT_PROPERTIES[sortBy.replace(/^-/, '') as keyof typeof SORT_PROPERTIES];
  return { [property]: direction, id: direction } as QueryOrderMap<Score>;
}
