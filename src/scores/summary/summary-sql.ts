import { NO_EVALUATOR_KEY } from '../entities/score-count.entity';
import type { GroupField } from './summary-request';

/**
 * The SELECT lists of summaries, over a relation `r` of score rows (the list filter's query) or `b`
 * of summary buckets. Group columns are named g0, g1, … in `group_by` order, after the evaluator's id
 * and slug; every statement orders its groups the same way.
 */

const ROW_GROUPS: Record<GroupField, string> = {
  environment: 'r.environment',
  dataset_id: 'r.dataset_id',
  prompt_id: 'r.prompt_id',
  prompt_version_number: 'r.prompt_version_number',
  scorer: 'r.scorer',
  day: `to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD')`,
};

const BUCKET_GROUP = (field: GroupField): string => {
  if (field === 'day') return `to_char(b.day, 'YYYY-MM-DD')`;
  return field === 'prompt_version_number' ? 'b.value::integer' : 'b.value';
};

export type Source = 'rows' | 'buckets';

const groupColumns = (source: Source, groupBy: readonly GroupField[]): string[] =>
  groupBy.map((field) => (source === 'rows' ? ROW_GROUPS[field] : BUCKET_GROUP(field)));

const evaluatorColumns = (source: Source) =>
  source === 'rows' ? ['r.evaluator_id', 'r.evaluator_slug'] : [`nullif(b.evaluator_key, '${NO_EVALUATOR_KEY}'::uuid)`, 'b.evaluator_slug'];

/** `select <keys>, <aggregates> from <relation> group by <keys> order by <slug, id, groups>`. */
function grouped(source: Source, groupBy: readonly GroupField[], extraKeys: string[], aggregates: string[], from: string): string {
  const keys = [...evaluatorColumns(source), ...groupColumns(source, groupBy), ...extraKeys];
  const named = keys.map((key, index) => `${key} as ${index < 2 ? ['evaluator_id', 'evaluator_slug'][index] : `g${index - 2}`}`);
  const positions = keys.map((_key, index) => index + 1);
  const order = [2, 1, ...positions.slice(2)].map((position) => `${position} nulls last`);
  return `select ${[...named, ...aggregates].join(', ')} from ${from} group by ${positions.join(', ')} order by ${order.join(', ')}`;
}

const PERCENTILES = 'percentile_cont(array[0.5, 0.9, 0.99]) within group (order by r.numerical_value) as percentiles';

const ROW_MOMENTS = [
  'count(*) as count',
  'count(*) filter (where r.is_passed) as passed',
  'count(r.numerical_value) as numeric_count',
  'avg(r.numerical_value) as mean',
  'stddev_samp(r.numerical_value) as stddev',
  'min(r.numerical_value) as min',
  'max(r.numerical_value) as max',
  'count(*) filter (where r.boolean_value) as true_count',
  'count(*) filter (where not r.boolean_value) as false_count',
];

/** Sums of exact `numeric` running sums: the mean and the sample variance follow without rounding drift. */
const BUCKET_MOMENTS = [
  'sum(b.count) as count',
  'sum(b.passed) as passed',
  'sum(b.numeric_count) as numeric_count',
  '(sum(b.numeric_sum) / nullif(sum(b.numeric_count), 0))::float8 as mean',
  `case when sum(b.numeric_count) > 1 then sqrt(greatest(0, (sum(b.numeric_sum_squares) - sum(b.numeric_sum) * sum(b.numeric_sum) / sum(b.numeric_count))
    / (sum(b.numeric_count) - 1)))::float8 end as stddev`,
  'min(b.numeric_min) as min',
  'max(b.numeric_max) as max',
  'sum(b.true_count) as true_count',
  'sum(b.false_count) as false_count',
];

/** Counts, pass counts, moments and extremes per group (with the percentiles when read from rows and asked for). */
export function momentsSql(source: Source, groupBy: readonly GroupField[], relation: string, percentiles: boolean): string {
  const aggregates = source === 'rows' ? [...ROW_MOMENTS, ...(percentiles ? [PERCENTILES] : [])] : BUCKET_MOMENTS;
  return grouped(source, groupBy, [], aggregates, `${relation} ${source === 'rows' ? 'r' : 'b'}`);
}

/** The percentiles per group, from the rows that have a numerical value. */
export function percentilesSql(groupBy: readonly GroupField[], rows: string): string {
  return grouped('rows', groupBy, [], [PERCENTILES], `(select * from ${rows} f where f.numerical_value is not null) r`);
}

/** `{choice: count}` per group: the choices of each score counted once. */
export function categoriesSql(source: Source, groupBy: readonly GroupField[], relation: string): string {
  if (source === 'buckets') {
    return grouped(
      source,
      groupBy,
      ['c.key'],
      ['sum(c.value::bigint) as n'],
      `${relation} b cross join lateral jsonb_each_text(b.choices) c`,
    );
  }
  const choices = `(select distinct element.value as choice from jsonb_array_elements_text(r.categorical_value) as element(value)) c`;
  return grouped(
    source,
    groupBy,
    ['c.choice'],
    ['count(*) as n'],
    `(select * from ${relation} f where jsonb_typeof(f.categorical_value) = 'array') r cross join lateral ${choices}`,
  );
}

/** Counts and moments per group and side of a comparison (the relation holds only the compared rows). */
export function comparisonSql(source: Source, groupBy: readonly GroupField[], relation: string, side: string): string {
  const [count, passed, numericCount, mean, stddev] = (source === 'rows' ? ROW_MOMENTS : BUCKET_MOMENTS).slice(0, 5);
  const sideColumn = source === 'rows' ? `r.${side}::text` : 'b.value';
  return grouped(
    source,
    groupBy,
    [sideColumn],
    [count, passed, numericCount, mean, stddev],
    `${relation} ${source === 'rows' ? 'r' : 'b'}`,
  );
}
