import { Migration } from '@mikro-orm/migrations';

/**
 * Exact list counts per equality filter value (`score_filter_counts`, kept by triggers:
 * `src/scores/entities/score-filter-count.*`), and the summary buckets by dimension value and day, read
 * to seek deep list pages and count time ranges.
 */
export class Migration20261201055440_list_counts extends Migration {
  override name = 'Migration20261201055440_list_counts';
  override up(): void | Promise<void> {
    this.addSql(
      `create table "score_filter_counts" ("organization_id" uuid not null, "field" text not null, "value" text not null, "slot" smallint not null, "count" bigint not null, primary key ("organization_id", "field", "value", "slot"));`,
    );

    this.addSql(`create or replace function scores_score_filter_counts_change_fn() returns trigger language plpgsql set jit = off as $$begin
  insert into score_filter_counts as c (organization_id, field, value, slot, count)
  select delta.organization_id, delta.field, delta.value, (pg_backend_pid() % 16)::smallint, delta.count from (select n.organization_id, f.field, f.value, sum(f.sign) as count
  from new_rows n join old_rows o on o.organization_id = n.organization_id and o.id = n.id cross join lateral (values ('evaluator_slug', n.evaluator_slug, 1), ('environment', n.environment, 1), ('dataset_id', n.dataset_id, 1), ('scorer', n.scorer, 1), ('type', n.type, 1), ('is_passed', n.is_passed::text, 1), ('evaluator_slug', o.evaluator_slug, -1), ('environment', o.environment, -1), ('dataset_id', o.dataset_id, -1), ('scorer', o.scorer, -1), ('type', o.type, -1), ('is_passed', o.is_passed::text, -1)) f(field, value, sign)
  where f.value is not null group by 1, 2, 3 having sum(f.sign) <> 0) delta order by 1, 2, 3
  on conflict (organization_id, field, value, slot) do update set count = c.count + excluded.count;   return null; end $$;`);
    this.addSql(`create trigger score_filter_counts_change after update on scores referencing old table as old_rows new table as new_rows
  for each statement execute function scores_score_filter_counts_change_fn();`);
    this.addSql(`create or replace function scores_score_filter_counts_remove_fn() returns trigger language plpgsql set jit = off as $$begin
  insert into score_filter_counts as c (organization_id, field, value, slot, count)
  select delta.organization_id, delta.field, delta.value, (pg_backend_pid() % 16)::smallint, delta.count from (select r.organization_id, f.field, f.value, sum(f.sign) as count
  from old_rows r cross join lateral (values ('evaluator_slug', r.evaluator_slug, -1), ('environment', r.environment, -1), ('dataset_id', r.dataset_id, -1), ('scorer', r.scorer, -1), ('type', r.type, -1), ('is_passed', r.is_passed::text, -1)) f(field, value, sign)
  where f.value is not null group by 1, 2, 3 having sum(f.sign) <> 0) delta order by 1, 2, 3
  on conflict (organization_id, field, value, slot) do update set count = c.count + excluded.count;   return null; end $$;`);
    this.addSql(`create trigger score_filter_counts_remove after delete on scores referencing old table as old_rows
  for each statement execute function scores_score_filter_counts_remove_fn();`);
    this.addSql(`create or replace function scores_score_filter_counts_add_fn() returns trigger language plpgsql set jit = off as $$begin
  insert into score_filter_counts as c (organization_id, field, value, slot, count)
  select delta.organization_id, delta.field, delta.value, (pg_backend_pid() % 16)::smallint, delta.count from (select r.organization_id, f.field, f.value, sum(f.sign) as count
  from new_rows r cross join lateral (values ('evaluator_slug', r.evaluator_slug, 1), ('environment', r.environment, 1), ('dataset_id', r.dataset_id, 1), ('scorer', r.scorer, 1), ('type', r.type, 1), ('is_passed', r.is_passed::text, 1)) f(field, value, sign)
  where f.value is not null group by 1, 2, 3 having sum(f.sign) <> 0) delta order by 1, 2, 3
  on conflict (organization_id, field, value, slot) do update set count = c.count + excluded.count;   return null; end $$;`);
    this.addSql(`create trigger score_filter_counts_add after insert on scores referencing new table as new_rows
  for each statement execute function scores_score_filter_counts_add_fn();`);

    this.addSql(
      `create index "score_summary_buckets_day_index" on "score_summary_buckets" ("organization_id", "dimension", "value", "day");`,
    );

    this.addSql(
      `alter table "score_filter_counts" add constraint "score_filter_counts_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    // The scores stored before the counts were kept.
    this.addSql(`insert into score_filter_counts (organization_id, field, value, slot, count)
  select r.organization_id, f.field, f.value, 0, count(*) from scores r
  cross join lateral (values ('evaluator_slug', r.evaluator_slug), ('environment', r.environment), ('dataset_id', r.dataset_id), ('scorer', r.scorer), ('type', r.type), ('is_passed', r.is_passed::text)) f(field, value)
  where f.value is not null group by 1, 2, 3;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "score_filter_counts" cascade;`);

    this.addSql(`drop index "score_summary_buckets_day_index";`);

    this.addSql(`drop trigger if exists "score_filter_counts_change" on "scores";`);
    this.addSql(`drop function if exists "scores_score_filter_counts_change_fn"();`);
    this.addSql(`drop trigger if exists "score_filter_counts_remove" on "scores";`);
    this.addSql(`drop function if exists "scores_score_filter_counts_remove_fn"();`);
    this.addSql(`drop trigger if exists "score_filter_counts_add" on "scores";`);
    this.addSql(`drop function if exists "scores_score_filter_counts_add_fn"();`);
  }
}
