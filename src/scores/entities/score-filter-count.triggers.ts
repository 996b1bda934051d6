import type { TriggerDef } from '@mikro-orm/core';
import { statementTrigger as trigger } from './statement-trigger';
import { FILTER_COUNT_SLOTS } from './score-filter-count.entity';

/** The list filters whose equality counts are kept, each with its value (as text) in a row `r` of `scores`. */
export const KEPT_FILTER_FIELDS = {
  evaluator_slug: 'r.evaluator_slug',
  environment: 'r.environment',
  dataset_id: 'r.dataset_id',
  scorer: 'r.scorer',
  type: 'r.type',
  is_passed: 'r.is_passed::text',
} as const;

export type KeptFilterField = keyof typeof KEPT_FILTER_FIELDS;

/** The (field, value, sign) of each kept field of the row `row`: `sign` 1 for a row added, −1 for a row taken off. */
const FIELD_VALUES = (row: string, sign: 1 | -1) =>
  Object.entries(KEPT_FILTER_FIELDS)
    .map(([field, value]) => `('${field}', ${value.replace(/^r\./, `${row}.`)}, ${sign})`)
    .join(', ');

/** The writing connection's slot: concurrent writers add to different rows, one writer always to the same ones. */
const SLOT = `(pg_backend_pid() % ${FILTER_COUNT_SLOTS})::smallint`;

/**
 * The change of each (organization, field, value) count made by the rows of `from`, `tuples` giving each
 * row's (field, value, sign); values that did not change cancel out.
 */
const DELTA = (
  from: string,
  organization: string,
  tuples: string,
) => `select ${organization}.organization_id, f.field, f.value, sum(f.sign) as count
  from ${from} cross join lateral (values ${tuples}) f(field, value, sign)
  where f.value is not null group by 1, 2, 3 having sum(f.sign) <> 0`;

/** Adds the change to the writer's slot (rows locked in key order: concurrent writers never deadlock). */
const APPLY = (delta: string) => `insert into score_filter_counts as c (organization_id, field, value, slot, count)
  select delta.organization_id, delta.field, delta.value, ${SLOT}, delta.count from (${delta}) delta order by 1, 2, 3
  on conflict (organization_id, field, value, slot) do update set count = c.count + excluded.count;`;

/** The triggers that keep `score_filter_counts` (declared on `Score`, so that migrations create them and drift checks see them). */
export const SCORE_FILTER_COUNT_TRIGGERS: TriggerDef[] = [
  trigger('score_filter_counts_add', 'insert', APPLY(DELTA('new_rows r', 'r', FIELD_VALUES('r', 1))), 'new table as new_rows'),
  trigger('score_filter_counts_remove', 'delete', APPLY(DELTA('old_rows r', 'r', FIELD_VALUES('r', -1))), 'old table as old_rows'),
  trigger(
    'score_filter_counts_change',
    'update',
    // An update never changes a score's organization or id: each new row meets its old row.
    APPLY(
      DELTA(
        'new_rows n join old_rows o on o.organization_id = n.organization_id and o.id = n.id',
        'n',
        `${FIELD_VALUES('n', 1)}, ${FIELD_VALUES('o', -1)}`,
      ),
    ),
    'old table as old_rows new table as new_rows',
  ),
];

/** Every count recomputed from the rows of `scores` (the migration's backfill, and what tests compare the kept counts with). */
export const FILTER_COUNTS_FROM_ROWS = (rows = 'scores') => DELTA(`${rows} r`, 'r', FIELD_VALUES('r', 1));
