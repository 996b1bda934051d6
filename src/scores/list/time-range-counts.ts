import type { FilterCondition } from '../../common/query/filter.compiler';
import type { KeptCountQuery } from './count-query';

const DAY_MS = 86_400_000;
const COMPARISONS: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** Midnight UTC at or after `at`; after it when `strictly` and `at` is a midnight. */
function nextMidnight(at: Date, strictly: boolean): number {
  const midnight = Math.ceil(at.getTime() / DAY_MS) * DAY_MS;
  return strictly && midnight === at.getTime() ? midnight + DAY_MS : midnight;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The count of a `created_at` range (`start_time`, `end_time`, or range conditions on `created_at`): the
 * UTC days wholly inside it from the summary buckets' day counts, and only the rows of its first and last
 * partial day counted. Its cost grows with the days of the range and the scores of two days, not with the
 * scores inside it. Undefined unless every condition is a range on `created_at` and the range holds a
 * whole day.
 */
export function createdRangeCountQuery(organizationId: string, conditions: readonly FilterCondition[]): KeptCountQuery | undefined {
  if (conditions.length === 0 || conditions.some((c) => c.target !== 'createdAt' || !COMPARISONS[c.operator] || c.values.length !== 1))
    return undefined;
  let first = -Infinity;
  let end = Infinity;
  for (const { operator, values } of conditions) {
    const at = values[0] as Date;
    if (operator === 'gt' || operator === 'gte') first = Math.max(first, nextMidnight(at, operator === 'gt'));
    else end = Math.min(end, Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  }
  if (!(first < end)) return undefined;
  const range = conditions.map(({ operator }) => `created_at ${COMPARISONS[operator]} ?::timestamptz`).join(' and ');
  const rangeValues = conditions.map(({ values }) => (values[0] as Date).toISOString());
  const firstText = Number.isFinite(first) ? new Date(first).toISOString() : '-infinity';
  const endText = Number.isFinite(end) ? new Date(end).toISOString() : 'infinity';
  const rowsOf = (edge: string) => `(select count(*) from scores where organization_id = ? and ${range} and ${edge})`;
  return {
    sql: `select (select coalesce(sum(count), 0) from score_summary_buckets where organization_id = ? and dimension = 'evaluator'
        and value is null and day >= ?::date and day < ?::date)
      + ${rowsOf('created_at < ?::timestamptz')} + ${rowsOf('created_at >= ?::timestamptz')} as count`,
    params: [
      organizationId,
      Number.isFinite(first) ? dateOf(first) : '-infinity',
      Number.isFinite(end) ? dateOf(end) : 'infinity',
      organizationId,
      ...rangeValues,
      firstText,
      organizationId,
      ...rangeValues,
      endText,
    ],
  };
}
