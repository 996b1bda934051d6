import { Migration } from '@mikro-orm/migrations';

/** Per-organization, per-evaluator score counts kept by triggers (`src/scores/entities/score-count.*`), for list counts. */
export class Migration20261122183201_score_counts extends Migration {
  override name = 'Migration20261122183201_score_counts';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "score_counts" ("organization_id" uuid not null, "evaluator_key" uuid not null, "slot" smallint not null, "count" bigint not null, primary key ("organization_id", "evaluator_key", "slot"));`,
    );

    this.addSql(`create or replace function scores_score_counts_move_fn() returns trigger language plpgsql as $$begin
  update score_counts set count = count - 1
  where organization_id = old.organization_id and evaluator_key = coalesce(old.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid)
    and slot = (select min(m.slot) from score_counts m where m.organization_id = old.organization_id and m.evaluator_key = coalesce(old.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid));   insert into score_counts (organization_id, evaluator_key, slot, count)
  values (new.organization_id, coalesce(new.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid), floor(random() * 64)::smallint, 1)
  on conflict (organization_id, evaluator_key, slot) do update set count = score_counts.count + 1;   return null; end $$;`);
    this.addSql(`create trigger score_counts_move after update of evaluator_id on scores
  for each row when (old.evaluator_id is distinct from new.evaluator_id) execute function scores_score_counts_move_fn();`);
    this.addSql(`create or replace function scores_score_counts_remove_fn() returns trigger language plpgsql as $$begin
  update score_counts c set count = c.count - d.removed
  from (select old_rows.organization_id, coalesce(old_rows.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, count(*) as removed from old_rows group by 1, 2) d
  where c.organization_id = d.organization_id and c.evaluator_key = d.evaluator_key
    and c.slot = (select min(m.slot) from score_counts m where m.organization_id = d.organization_id and m.evaluator_key = d.evaluator_key);   return null; end $$;`);
    this.addSql(`create trigger score_counts_remove after delete on scores referencing old table as old_rows
  for each statement execute function scores_score_counts_remove_fn();`);
    this.addSql(`create or replace function scores_score_counts_add_fn() returns trigger language plpgsql as $$begin
  insert into score_counts (organization_id, evaluator_key, slot, count)
  select new_rows.organization_id, coalesce(new_rows.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid), floor(random() * 64)::smallint, count(*) from new_rows group by 1, 2
  on conflict (organization_id, evaluator_key, slot) do update set count = score_counts.count + excluded.count;   return null; end $$;`);
    this.addSql(`create trigger score_counts_add after insert on scores referencing new table as new_rows
  for each statement execute function scores_score_counts_add_fn();`);

    this.addSql(
      `alter table "score_counts" add constraint "score_counts_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    // The scores stored before the counts were kept.
    this.addSql(`insert into score_counts (organization_id, evaluator_key, slot, count)
      select organization_id, coalesce(evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid), 0, count(*) from scores group by 1, 2;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "score_counts" cascade;`);

    this.addSql(`drop trigger if exists "score_counts_move" on "scores";`);
    this.addSql(`drop function if exists "scores_score_counts_move_fn"();`);
    this.addSql(`drop trigger if exists "score_counts_remove" on "scores";`);
    this.addSql(`drop function if exists "scores_score_counts_remove_fn"();`);
    this.addSql(`drop trigger if exists "score_counts_add" on "scores";`);
    this.addSql(`drop function if exists "scores_score_counts_add_fn"();`);
  }
}
