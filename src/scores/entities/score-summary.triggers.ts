import type { TriggerDef } from '@mikro-orm/core';
import { statementTrigger as trigger } from './statement-trigger';
import { NO_EVALUATOR_KEY } from './score-count.entity';

/** The grouping dimensions kept in `score_summary_buckets`, each with its value (as text) in a row `r` of `scores`. */
export const BUCKET_DIMENSIONS = {
  evaluator: 'null::text',
  environment: 'r.environment',
  dataset_id: 'r.dataset_id',
  prompt_id: 'r.prompt_id',
  prompt_version_number: 'r.prompt_version_number::text',
  scorer: 'r.scorer',
} as const;

export type BucketDimension = keyof typeof BUCKET_DIMENSIONS;

/** How many slots a bucket is spread over, by a hash of the score id: concurrent writers of one evaluator seldom wait for each other. */
export const SUMMARY_SLOTS = 8;
const SLOT_OF = (row: string) => `(abs(hashtext(${row}.id::text)) % ${SUMMARY_SLOTS})::smallint`;

const KEY_COLUMNS = ['organization_id', 'evaluator_key', 'evaluator_slug', 'dimension', 'value', 'day', 'slot'];
const KEYS = KEY_COLUMNS.join(', ');
/** The one nullable key column (a dimension's value); the others are never null. */
const NULLABLE_KEY_COLUMN = 'value';
/**
 * Equal keys: `=` for the columns that are never null (what a sharded PostgreSQL routes on, and what the
 * bucket index seeks with: a write reads its own buckets, not every bucket), nulls equal for `value`.
 */
const SAME_BUCKET = (left: string, right: string) =>
  KEY_COLUMNS.map((column) =>
    column === NULLABLE_KEY_COLUMN ? `${left}.${column} is not distinct from ${right}.${column}` : `${left}.${column} = ${right}.${column}`,
  ).join(' and ');

const DIMENSION_VALUES = Object.entries(BUCKET_DIMENSIONS)
  .map(([dimension, value]) => `('${dimension}', ${value})`)
  .join(', ');

/** The bucket key of each (row `r`, dimension `d`). */
const ROW_KEY = `r.organization_id, coalesce(r.evaluator_id, '${NO_EVALUATOR_KEY}'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, ${SLOT_OF('r')} as slot`;

const EXPLODED = (rows: string) => `${rows} r cross join lateral (values ${DIMENSION_VALUES}) d(dimension, value)`;

/** The choices of a categorical value, each once. */
const CHOICES_OF = `(select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value))`;

/** The aggregates of `rows` (an SQL relation of scores) per bucket. */
const DELTA = (rows: string) => `select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select ${ROW_KEY}, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from ${EXPLODED(rows)} group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select ${KEYS}, jsonb_object_agg(choice, n) as choices from (
    select ${ROW_KEY}, ch.choice, count(*) as n from ${EXPLODED(rows)} cross join lateral ${CHOICES_OF} ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on ${SAME_BUCKET('c', 'm')}`;

/** `{choice: count}` documents added (sign 1) or taken off (−1); choices that reach zero leave. */
const MERGED_CHOICES = (kept: string, delta: string, sign: 1 | -1) => `coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(${kept}) union all select key, value, ${sign} from jsonb_each_text(${delta})
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb)`;

/** The inserted columns named one by one: a sharded PostgreSQL sees which one is organization_id. */
const INSERTED_COLUMNS = [
  ...KEY_COLUMNS,
  'count',
  'passed',
  'numeric_count',
  'numeric_sum',
  'numeric_sum_squares',
  'numeric_min',
  'numeric_max',
  'true_count',
  'false_count',
  'choices',
]
  .map((column) => `delta.${column}`)
  .join(', ');

/** Adds the aggregates of `rows`, creating buckets as needed (in key order, so that concurrent writers never deadlock). */
const ADD_ROWS = (rows: string) => `insert into score_summary_buckets as b (${KEYS}, count, passed, numeric_count, numeric_sum,
    numeric_sum_squares, numeric_min, numeric_max, true_count, false_count, choices)
  select ${INSERTED_COLUMNS} from (${DELTA(rows)}) delta order by 1, 2, 3, 4, 5, 6, 7
  on conflict (${KEYS}) do update set count = b.count + excluded.count, passed = b.passed + excluded.passed,
    numeric_count = b.numeric_count + excluded.numeric_count, numeric_sum = b.numeric_sum + excluded.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares + excluded.numeric_sum_squares,
    numeric_min = least(b.numeric_min, excluded.numeric_min), numeric_max = greatest(b.numeric_max, excluded.numeric_max),
    true_count = b.true_count + excluded.true_count, false_count = b.false_count + excluded.false_count,
    choices = ${MERGED_CHOICES('b.choices', 'excluded.choices', 1)};`;

/** The numerical values of the rows of bucket `b` as they are now (its evaluator's slug index, its day's range). */
const BUCKET_VALUES = `from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '${NO_EVALUATOR_KEY}'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and ${SLOT_OF('s')} = b.slot
    and (case b.dimension ${Object.entries(BUCKET_DIMENSIONS)
      .map(([dimension, value]) => `when '${dimension}' then ${value.replace('r.', 's.')}`)
      .join(' ')} end) is not distinct from b.value`;

/**
 * Whether a row of bucket `b` still holds `extreme` (its minimum or maximum): then taking a row with that
 * value off leaves it unchanged, and the bucket's rows need no full read (values repeat: 0/1 or 1–5 scores).
 */
const STILL_HELD = (extreme: string) => `exists (select 1 ${BUCKET_VALUES} and s.numerical_value = ${extreme})`;

/**
 * Takes the aggregates of `rows` off. The buckets are locked first (in key order), so that a minimum or
 * maximum taken off is recomputed from the rows with a snapshot that sees every write committed before.
 */
const REMOVE_ROWS = (rows: string) => `perform 1 from score_summary_buckets b join (${DELTA(rows)}) delta on ${SAME_BUCKET('b', 'delta')}
    order by b.organization_id, b.evaluator_key, b.evaluator_slug, b.dimension, b.value, b.day, b.slot for update of b;
  update score_summary_buckets b set count = b.count - delta.count, passed = b.passed - delta.passed,
    numeric_count = b.numeric_count - delta.numeric_count, numeric_sum = b.numeric_sum - delta.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares - delta.numeric_sum_squares,
    numeric_min = case when delta.numeric_min <= b.numeric_min and not ${STILL_HELD('b.numeric_min')}
      then (select min(s.numerical_value) ${BUCKET_VALUES}) else b.numeric_min end,
    numeric_max = case when delta.numeric_max >= b.numeric_max and not ${STILL_HELD('b.numeric_max')}
      then (select max(s.numerical_value) ${BUCKET_VALUES}) else b.numeric_max end,
    true_count = b.true_count - delta.true_count, false_count = b.false_count - delta.false_count,
    choices = ${MERGED_CHOICES('b.choices', 'delta.choices', -1)}
  from (${DELTA(rows)}) delta where ${SAME_BUCKET('b', 'delta')};
  delete from score_summary_buckets b using (select distinct ${KEYS} from (${DELTA(rows)}) keyed) delta
    where ${SAME_BUCKET('b', 'delta')} and b.count = 0;`;

/** The columns whose change moves a score between buckets or changes what a bucket holds. */
const SUMMARIZED = [
  'evaluator_id',
  'evaluator_slug',
  'environment',
  'dataset_id',
  'prompt_id',
  'prompt_version_number',
  'scorer',
  'created_at',
  'is_passed',
  'numerical_value',
  'boolean_value',
  'categorical_value',
];
const CHANGED = (side: 'old_rows' | 'new_rows') => `(select r0.* from ${side} r0 join ${side === 'old_rows' ? 'new_rows' : 'old_rows'} o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (${SUMMARIZED.map((column) => `r0.${column}`).join(', ')}) is distinct from (${SUMMARIZED.map((column) => `o0.${column}`).join(', ')}))`;

/** The triggers that keep `score_summary_buckets` (declared on `Score`, so that migrations create them and drift checks see them). */
export const SCORE_SUMMARY_TRIGGERS: TriggerDef[] = [
  trigger('score_summary_add', 'insert', ADD_ROWS('new_rows'), 'new table as new_rows'),
  trigger('score_summary_remove', 'delete', REMOVE_ROWS('old_rows'), 'old table as old_rows'),
  trigger(
    'score_summary_change',
    'update',
    `${REMOVE_ROWS(CHANGED('old_rows'))}\n  ${ADD_ROWS(CHANGED('new_rows'))}`,
    'old table as old_rows new table as new_rows',
  ),
];

/** Every bucket recomputed from the rows of `scores` (the migration's backfill, and what tests compare the kept buckets with). */
export const BUCKETS_FROM_ROWS = (rows = 'scores') => DELTA(rows);
