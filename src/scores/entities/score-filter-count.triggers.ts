import type { TriggerDef } from '@mikro-orm/core';
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

const FIELD_VALUES = Object.entries(KEPT_FILTER_FIELDS)
  .map(([field, value]) => `('${field}', ${value})`)
  .join(', ');

/** The writing connection's slot: concurrent writers add to different rows, one writer always to the same ones. */
const SLOT = `(pg_backend_pid() % ${FILTER_COUNT_SLOTS})::smallint`;

/** The change of each (organization, field, value) count made by `rows`, a relation of scores with a `sign` (+1 or −1) column. */
const DELTA = (rows: string) => `select r.organization_id, f.field, f.value, sum(r.sign) as count
  from ${rows} r cross join lateral (values ${FIELD_VALUES}) f(field, value)
  where f.value is not null group by 1, 2, 3 having sum(r.sign) <> 0`;

/** Adds the change to the writer's slot (rows locked in key order: concurrent writers never deadlock). */
const APPLY = (rows: string) => `insert into score_filter_counts as c (organization_id, field, value, slot, count)
  select delta.organization_id, delta.field, delta.value, ${SLOT}, delta.count from (${DELTA(rows)}) delta order by 1, 2, 3
  on conflict (organization_id, field, value, slot) do update set count = c.count + excluded.count;`;

const SIGNED = (table: string, sign: 1 | -1) => `(select t.*, ${sign} as sign from ${table} t)`;

const trigger = (name: string, event: 'insert' | 'delete' | 'update', rows: string, referencing: string): TriggerDef => ({
  name,
  timing: 'after',
  events: [event],
  forEach: 'statement',
  expression: `create or replace function scores_${name}_fn() returns trigger language plpgsql set jit = off as $$
begin
  ${APPLY(rows)}
  return null;
end $$;
create trigger ${name} after ${event} on scores referencing ${referencing}
  for each statement execute function scores_${name}_fn()`,
});

/** The triggers that keep `score_filter_counts` (declared on `Score`, so that migrations create them and drift checks see them). */
export const SCORE_FILTER_COUNT_TRIGGERS: TriggerDef[] = [
  trigger('score_filter_counts_add', 'insert', SIGNED('new_rows', 1), 'new table as new_rows'),
  trigger('score_filter_counts_remove', 'delete', SIGNED('old_rows', -1), 'old table as old_rows'),
  trigger(
    'score_filter_counts_change',
    'update',
    `(select * from ${SIGNED('new_rows', 1)} n union all select * from ${SIGNED('old_rows', -1)} o)`,
    'old table as old_rows new table as new_rows',
  ),
];

/** Every count recomputed from the rows of `scores` (the migration's backfill, and what tests compare the kept counts with). */
export const FILTER_COUNTS_FROM_ROWS = (rows = 'scores') => DELTA(SIGNED(rows, 1));
