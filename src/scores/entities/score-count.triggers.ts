import type { TriggerDef } from '@mikro-orm/core';
import { NO_EVALUATOR_KEY, SCORE_COUNT_SLOTS } from './score-count.entity';

const EVALUATOR_KEY = (row: string) => `coalesce(${row}.evaluator_id, '${NO_EVALUATOR_KEY}'::uuid)`;
const RANDOM_SLOT = `floor(random() * ${SCORE_COUNT_SLOTS})::smallint`;
/** The first slot of a count: where removals are taken off (a slot may go below zero; the sum is the count). */
const FIRST_SLOT = (organization: string, key: string) =>
  `(select min(m.slot) from score_counts m where m.organization_id = ${organization} and m.evaluator_key = ${key})`;

/** Inserted scores (a statement may insert many) are added to their evaluator's count, in one random slot each. */
const ADD: TriggerDef = {
  name: 'score_counts_add',
  timing: 'after',
  events: ['insert'],
  forEach: 'statement',
  expression: `create or replace function scores_score_counts_add_fn() returns trigger language plpgsql as $$
begin
  insert into score_counts (organization_id, evaluator_key, slot, count)
  select new_rows.organization_id, ${EVALUATOR_KEY('new_rows')}, ${RANDOM_SLOT}, count(*) from new_rows group by 1, 2
  on conflict (organization_id, evaluator_key, slot) do update set count = score_counts.count + excluded.count;
  return null;
end $$;
create trigger score_counts_add after insert on scores referencing new table as new_rows
  for each statement execute function scores_score_counts_add_fn()`,
};

/** Deleted scores are taken off their evaluator's count. */
const REMOVE: TriggerDef = {
  name: 'score_counts_remove',
  timing: 'after',
  events: ['delete'],
  forEach: 'statement',
  expression: `create or replace function scores_score_counts_remove_fn() returns trigger language plpgsql as $$
begin
  update score_counts c set count = c.count - d.removed
  from (select old_rows.organization_id, ${EVALUATOR_KEY('old_rows')} as evaluator_key, count(*) as removed from old_rows group by 1, 2) d
  where c.organization_id = d.organization_id and c.evaluator_key = d.evaluator_key
    and c.slot = ${FIRST_SLOT('d.organization_id', 'd.evaluator_key')};
  return null;
end $$;
create trigger score_counts_remove after delete on scores referencing old table as old_rows
  for each statement execute function scores_score_counts_remove_fn()`,
};

/** A score whose evaluator changes (PUT) moves from one count to the other. */
const MOVE: TriggerDef = {
  name: 'score_counts_move',
  timing: 'after',
  events: ['update'],
  forEach: 'row',
  expression: `create or replace function scores_score_counts_move_fn() returns trigger language plpgsql as $$
begin
  update score_counts set count = count - 1
  where organization_id = old.organization_id and evaluator_key = ${EVALUATOR_KEY('old')}
    and slot = ${FIRST_SLOT('old.organization_id', EVALUATOR_KEY('old'))};
  insert into score_counts (organization_id, evaluator_key, slot, count)
  values (new.organization_id, ${EVALUATOR_KEY('new')}, ${RANDOM_SLOT}, 1)
  on conflict (organization_id, evaluator_key, slot) do update set count = score_counts.count + 1;
  return null;
end $$;
create trigger score_counts_move after update of evaluator_id on scores
  for each row when (old.evaluator_id is distinct from new.evaluator_id) execute function scores_score_counts_move_fn()`,
};

/** The triggers that keep `score_counts` (declared on `Score`, so that migrations create them and drift checks see them). */
export const SCORE_COUNT_TRIGGERS = [ADD, REMOVE, MOVE];
