import type { FilterCondition } from '../../common/query/filter.compiler';
import type { SortKey } from '../dto/score-list.dto';
import { NO_EVALUATOR_KEY } from '../entities/score-count.entity';

/** From this offset on, a page sorted by `created_at` starts from the day its first row is in rather than from the first row. */
export const SEEK_FROM_OFFSET = 2_000;

/** Which summary buckets hold, per UTC day, the number of scores a list's filter keeps. */
interface DayCounts {
  where: string;
  params: unknown[];
  /** What a bucket adds to its day: every score, or only the passing or the failing ones. */
  measure: 'count' | 'passed' | 'count - passed';
}

/** The buckets holding every score once (by the day index: the evaluator dimension has no value). */
const EVERY_SCORE = "dimension = 'evaluator' and value is null";

/** The bucket dimensions holding a text filter's value. */
const DIMENSION_OF: Readonly<Record<string, string>> = { environment: 'environment', datasetId: 'dataset_id', scorer: 'scorer' };

/** Day counts for no filter or one equality with one value on a field the buckets are keyed by; undefined otherwise. */
function dayCounts(conditions: readonly FilterCondition[]): DayCounts | undefined {
  if (conditions.length === 0) return { where: EVERY_SCORE, params: [], measure: 'count' };
  const [condition] = conditions;
  if (conditions.length > 1 || condition.operator !== 'eq' || condition.values.length !== 1 || typeof condition.target !== 'string')
    return undefined;
  const value = condition.values[0];
  switch (condition.target) {
    case 'evaluatorId':
      return String(value).toLowerCase() === NO_EVALUATOR_KEY
        ? undefined
        : { where: "dimension = 'evaluator' and evaluator_key = ?::uuid", params: [value], measure: 'count' };
    case 'evaluatorSlug':
      return { where: "dimension = 'evaluator' and evaluator_slug = ?", params: [value], measure: 'count' };
    case 'isPassed':
      return { where: EVERY_SCORE, params: [], measure: value === true ? 'passed' : 'count - passed' };
    default: {
      const dimension = DIMENSION_OF[condition.target];
      return dimension ? { where: 'dimension = ? and value = ?', params: [dimension, String(value)], measure: 'count' } : undefined;
    }
  }
}

/** Where a deep page starts: the rows before `bound` (descending) or from it (ascending), `skipped` of the offset left behind. */
export interface DaySeek {
  condition: FilterCondition;
  skipped: number;
}

export interface DaySeekQuery {
  sql: string;
  params: unknown[];
  /** The seek, from the statement's one row (`day`, `before`); none when it found no day. */
  seekOf(row: { day: string; before: string | number } | undefined): DaySeek | undefined;
}

/**
 * A deep page of a list sorted by `created_at` seeks the UTC day holding its first row: the summary
 * buckets give each day's number of rows the filter keeps (exact, kept with the rows), so the rows of
 * the days before that one in the list's order are skipped by the index rather than read one by one.
 * Undefined when the order, the offset or the filter does not allow it.
 */
export function daySeekQuery(
  organizationId: string,
  conditions: readonly FilterCondition[],
  sortBy: SortKey,
  offset: number,
): DaySeekQuery | undefined {
  if (offset < SEEK_FROM_OFFSET || sortBy.replace(/^-/, '') !== 'created_at') return undefined;
  const counts = dayCounts(conditions);
  if (!counts) return undefined;
  const descending = sortBy.startsWith('-');
  const order = descending ? 'desc' : 'asc';
  const sql = `select day::text as day, before::text as before from (
      select day, sum(n) over (order by day ${order}) - n as before from (
        select day, sum(${counts.measure}) as n from score_summary_buckets
        where organization_id = ? and ${counts.where} group by day) days
      where n > 0) placed
    where before <= ? order by day ${descending ? 'asc' : 'desc'} limit 1`;
  return {
    sql,
    params: [organizationId, ...counts.params, offset],
    seekOf(row) {
      if (!row) return undefined;
      const start = Date.parse(`${row.day}T00:00:00Z`);
      const bound = new Date(descending ? start + 86_400_000 : start);
      return {
        condition: { target: 'createdAt', operator: descending ? 'lt' : 'gte', values: [bound], type: 'timestamptz' },
        skipped: Number(row.before),
      };
    },
  };
}
