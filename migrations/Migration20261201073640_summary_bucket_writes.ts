import { Migration } from '@mikro-orm/migrations';

/**
 * Summary-bucket writes seek their own buckets (an index on the key's columns that are never null, compared
 * with `=`) instead of reading every bucket, and a minimum or maximum still held by another row of the bucket
 * is not recomputed from the rows (`src/scores/entities/score-summary.triggers.ts`).
 */
export class Migration20261201073640_summary_bucket_writes extends Migration {
  override name = 'Migration20261201073640_summary_bucket_writes';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "score_summary_buckets_write_index" on "score_summary_buckets" ("organization_id", "evaluator_key", "dimension", "day", "slot");`,
    );
    this.addSql(`create or replace function scores_score_summary_add_fn() returns trigger language plpgsql set jit = off as $$
begin
  insert into score_summary_buckets as b (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, count, passed, numeric_count, numeric_sum,
    numeric_sum_squares, numeric_min, numeric_max, true_count, false_count, choices)
  select delta.organization_id, delta.evaluator_key, delta.evaluator_slug, delta.dimension, delta.value, delta.day, delta.slot, delta.count, delta.passed, delta.numeric_count, delta.numeric_sum, delta.numeric_sum_squares, delta.numeric_min, delta.numeric_max, delta.true_count, delta.false_count, delta.choices from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from new_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from new_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta order by 1, 2, 3, 4, 5, 6, 7
  on conflict (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot) do update set count = b.count + excluded.count, passed = b.passed + excluded.passed,
    numeric_count = b.numeric_count + excluded.numeric_count, numeric_sum = b.numeric_sum + excluded.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares + excluded.numeric_sum_squares,
    numeric_min = least(b.numeric_min, excluded.numeric_min), numeric_max = greatest(b.numeric_max, excluded.numeric_max),
    true_count = b.true_count + excluded.true_count, false_count = b.false_count + excluded.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, 1 from jsonb_each_text(excluded.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb);
  return null;
end $$;`);
    this.addSql(`create or replace function scores_score_summary_remove_fn() returns trigger language plpgsql set jit = off as $$
begin
  perform 1 from score_summary_buckets b join (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta on b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot
    order by b.organization_id, b.evaluator_key, b.evaluator_slug, b.dimension, b.value, b.day, b.slot for update of b;
  update score_summary_buckets b set count = b.count - delta.count, passed = b.passed - delta.passed,
    numeric_count = b.numeric_count - delta.numeric_count, numeric_sum = b.numeric_sum - delta.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares - delta.numeric_sum_squares,
    numeric_min = case when delta.numeric_min <= b.numeric_min and not exists (select 1 from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value and s.numerical_value = b.numeric_min)
      then (select min(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_min end,
    numeric_max = case when delta.numeric_max >= b.numeric_max and not exists (select 1 from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value and s.numerical_value = b.numeric_max)
      then (select max(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_max end,
    true_count = b.true_count - delta.true_count, false_count = b.false_count - delta.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, -1 from jsonb_each_text(delta.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb)
  from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta where b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot;
  delete from score_summary_buckets b using (select distinct organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) keyed) delta
    where b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot and b.count = 0;
  return null;
end $$;`);
    this.addSql(`create or replace function scores_score_summary_change_fn() returns trigger language plpgsql set jit = off as $$
begin
  perform 1 from score_summary_buckets b join (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta on b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot
    order by b.organization_id, b.evaluator_key, b.evaluator_slug, b.dimension, b.value, b.day, b.slot for update of b;
  update score_summary_buckets b set count = b.count - delta.count, passed = b.passed - delta.passed,
    numeric_count = b.numeric_count - delta.numeric_count, numeric_sum = b.numeric_sum - delta.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares - delta.numeric_sum_squares,
    numeric_min = case when delta.numeric_min <= b.numeric_min and not exists (select 1 from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value and s.numerical_value = b.numeric_min)
      then (select min(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_min end,
    numeric_max = case when delta.numeric_max >= b.numeric_max and not exists (select 1 from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value and s.numerical_value = b.numeric_max)
      then (select max(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_max end,
    true_count = b.true_count - delta.true_count, false_count = b.false_count - delta.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, -1 from jsonb_each_text(delta.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb)
  from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta where b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot;
  delete from score_summary_buckets b using (select distinct organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) keyed) delta
    where b.organization_id = delta.organization_id and b.evaluator_key = delta.evaluator_key and b.evaluator_slug = delta.evaluator_slug and b.dimension = delta.dimension and b.value is not distinct from delta.value and b.day = delta.day and b.slot = delta.slot and b.count = 0;
  insert into score_summary_buckets as b (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, count, passed, numeric_count, numeric_sum,
    numeric_sum_squares, numeric_min, numeric_max, true_count, false_count, choices)
  select delta.organization_id, delta.evaluator_key, delta.evaluator_slug, delta.dimension, delta.value, delta.day, delta.slot, delta.count, delta.passed, delta.numeric_count, delta.numeric_sum, delta.numeric_sum_squares, delta.numeric_min, delta.numeric_max, delta.true_count, delta.false_count, delta.choices from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from new_rows r0 join old_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from new_rows r0 join old_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key = m.evaluator_key and c.evaluator_slug = m.evaluator_slug and c.dimension = m.dimension and c.value is not distinct from m.value and c.day = m.day and c.slot = m.slot) delta order by 1, 2, 3, 4, 5, 6, 7
  on conflict (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot) do update set count = b.count + excluded.count, passed = b.passed + excluded.passed,
    numeric_count = b.numeric_count + excluded.numeric_count, numeric_sum = b.numeric_sum + excluded.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares + excluded.numeric_sum_squares,
    numeric_min = least(b.numeric_min, excluded.numeric_min), numeric_max = greatest(b.numeric_max, excluded.numeric_max),
    true_count = b.true_count + excluded.true_count, false_count = b.false_count + excluded.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, 1 from jsonb_each_text(excluded.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb);
  return null;
end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "score_summary_buckets_write_index";`);
    this.addSql(`create or replace function scores_score_summary_change_fn() returns trigger language plpgsql set jit = off as $$begin
  perform 1 from score_summary_buckets b join (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta on b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot
    order by b.organization_id, b.evaluator_key, b.evaluator_slug, b.dimension, b.value, b.day, b.slot for update of b;   update score_summary_buckets b set count = b.count - delta.count, passed = b.passed - delta.passed,
    numeric_count = b.numeric_count - delta.numeric_count, numeric_sum = b.numeric_sum - delta.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares - delta.numeric_sum_squares,
    numeric_min = case when delta.numeric_min <= b.numeric_min then (select min(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_min end,
    numeric_max = case when delta.numeric_max >= b.numeric_max then (select max(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_max end,
    true_count = b.true_count - delta.true_count, false_count = b.false_count - delta.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, -1 from jsonb_each_text(delta.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb)
  from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta where b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot;   delete from score_summary_buckets b using (select distinct organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from old_rows r0 join new_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) keyed) delta
    where b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot and b.count = 0;   insert into score_summary_buckets as b (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, count, passed, numeric_count, numeric_sum,
    numeric_sum_squares, numeric_min, numeric_max, true_count, false_count, choices)
  select delta.organization_id, delta.evaluator_key, delta.evaluator_slug, delta.dimension, delta.value, delta.day, delta.slot, delta.count, delta.passed, delta.numeric_count, delta.numeric_sum, delta.numeric_sum_squares, delta.numeric_min, delta.numeric_max, delta.true_count, delta.false_count, delta.choices from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from (select r0.* from new_rows r0 join old_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from (select r0.* from new_rows r0 join old_rows o0
    on o0.organization_id = r0.organization_id and o0.id = r0.id
    where (r0.evaluator_id, r0.evaluator_slug, r0.environment, r0.dataset_id, r0.prompt_id, r0.prompt_version_number, r0.scorer, r0.created_at, r0.is_passed, r0.numerical_value, r0.boolean_value, r0.categorical_value) is distinct from (o0.evaluator_id, o0.evaluator_slug, o0.environment, o0.dataset_id, o0.prompt_id, o0.prompt_version_number, o0.scorer, o0.created_at, o0.is_passed, o0.numerical_value, o0.boolean_value, o0.categorical_value)) r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta order by 1, 2, 3, 4, 5, 6, 7
  on conflict (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot) do update set count = b.count + excluded.count, passed = b.passed + excluded.passed,
    numeric_count = b.numeric_count + excluded.numeric_count, numeric_sum = b.numeric_sum + excluded.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares + excluded.numeric_sum_squares,
    numeric_min = least(b.numeric_min, excluded.numeric_min), numeric_max = greatest(b.numeric_max, excluded.numeric_max),
    true_count = b.true_count + excluded.true_count, false_count = b.false_count + excluded.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, 1 from jsonb_each_text(excluded.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb);   return null; end $$;`);
    this.addSql(`create or replace function scores_score_summary_remove_fn() returns trigger language plpgsql set jit = off as $$begin
  perform 1 from score_summary_buckets b join (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta on b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot
    order by b.organization_id, b.evaluator_key, b.evaluator_slug, b.dimension, b.value, b.day, b.slot for update of b;   update score_summary_buckets b set count = b.count - delta.count, passed = b.passed - delta.passed,
    numeric_count = b.numeric_count - delta.numeric_count, numeric_sum = b.numeric_sum - delta.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares - delta.numeric_sum_squares,
    numeric_min = case when delta.numeric_min <= b.numeric_min then (select min(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_min end,
    numeric_max = case when delta.numeric_max >= b.numeric_max then (select max(s.numerical_value) from scores s where s.organization_id = b.organization_id and s.evaluator_slug = b.evaluator_slug
    and s.evaluator_id is not distinct from nullif(b.evaluator_key, '00000000-0000-0000-0000-000000000000'::uuid)
    and s.created_at >= b.day::timestamp at time zone 'UTC' and s.created_at < (b.day + 1)::timestamp at time zone 'UTC'
    and (abs(hashtext(s.id::text)) % 8)::smallint = b.slot
    and (case b.dimension when 'evaluator' then null::text when 'environment' then s.environment when 'dataset_id' then s.dataset_id when 'prompt_id' then s.prompt_id when 'prompt_version_number' then s.prompt_version_number::text when 'scorer' then s.scorer end) is not distinct from b.value) else b.numeric_max end,
    true_count = b.true_count - delta.true_count, false_count = b.false_count - delta.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, -1 from jsonb_each_text(delta.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb)
  from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta where b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot;   delete from score_summary_buckets b using (select distinct organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from old_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) keyed) delta
    where b.organization_id = delta.organization_id and b.evaluator_key is not distinct from delta.evaluator_key and b.evaluator_slug is not distinct from delta.evaluator_slug and b.dimension is not distinct from delta.dimension and b.value is not distinct from delta.value and b.day is not distinct from delta.day and b.slot is not distinct from delta.slot and b.count = 0;   return null; end $$;`);
    this.addSql(`create or replace function scores_score_summary_add_fn() returns trigger language plpgsql set jit = off as $$begin
  insert into score_summary_buckets as b (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, count, passed, numeric_count, numeric_sum,
    numeric_sum_squares, numeric_min, numeric_max, true_count, false_count, choices)
  select delta.organization_id, delta.evaluator_key, delta.evaluator_slug, delta.dimension, delta.value, delta.day, delta.slot, delta.count, delta.passed, delta.numeric_count, delta.numeric_sum, delta.numeric_sum_squares, delta.numeric_min, delta.numeric_max, delta.true_count, delta.false_count, delta.choices from (select m.*, coalesce(c.choices, '{}'::jsonb) as choices from (
  select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, count(*) as count, count(*) filter (where r.is_passed) as passed,
    count(r.numerical_value) as numeric_count, coalesce(sum(r.numerical_value::numeric), 0) as numeric_sum,
    coalesce(sum(r.numerical_value::numeric * r.numerical_value::numeric), 0) as numeric_sum_squares,
    min(r.numerical_value) as numeric_min, max(r.numerical_value) as numeric_max,
    count(*) filter (where r.boolean_value) as true_count, count(*) filter (where not r.boolean_value) as false_count
  from new_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) group by 1, 2, 3, 4, 5, 6, 7) m
left join (
  select organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot, jsonb_object_agg(choice, n) as choices from (
    select r.organization_id, coalesce(r.evaluator_id, '00000000-0000-0000-0000-000000000000'::uuid) as evaluator_key, r.evaluator_slug, d.dimension, d.value,
    (r.created_at at time zone 'UTC')::date as day, (abs(hashtext(r.id::text)) % 8)::smallint as slot, ch.choice, count(*) as n from new_rows r cross join lateral (values ('evaluator', null::text), ('environment', r.environment), ('dataset_id', r.dataset_id), ('prompt_id', r.prompt_id), ('prompt_version_number', r.prompt_version_number::text), ('scorer', r.scorer)) d(dimension, value) cross join lateral (select distinct element.value as choice from jsonb_array_elements_text(
    case when jsonb_typeof(r.categorical_value) = 'array' then r.categorical_value else '[]'::jsonb end) as element(value)) ch
    group by 1, 2, 3, 4, 5, 6, 7, 8) per_choice
  group by 1, 2, 3, 4, 5, 6, 7) c on c.organization_id = m.organization_id and c.evaluator_key is not distinct from m.evaluator_key and c.evaluator_slug is not distinct from m.evaluator_slug and c.dimension is not distinct from m.dimension and c.value is not distinct from m.value and c.day is not distinct from m.day and c.slot is not distinct from m.slot) delta order by 1, 2, 3, 4, 5, 6, 7
  on conflict (organization_id, evaluator_key, evaluator_slug, dimension, value, day, slot) do update set count = b.count + excluded.count, passed = b.passed + excluded.passed,
    numeric_count = b.numeric_count + excluded.numeric_count, numeric_sum = b.numeric_sum + excluded.numeric_sum,
    numeric_sum_squares = b.numeric_sum_squares + excluded.numeric_sum_squares,
    numeric_min = least(b.numeric_min, excluded.numeric_min), numeric_max = greatest(b.numeric_max, excluded.numeric_max),
    true_count = b.true_count + excluded.true_count, false_count = b.false_count + excluded.false_count,
    choices = coalesce((select jsonb_object_agg(key, total) from (
    select key, sum(value::bigint * weight) as total from (
      select key, value, 1 as weight from jsonb_each_text(b.choices) union all select key, value, 1 from jsonb_each_text(excluded.choices)
    ) each_choice group by key having sum(value::bigint * weight) <> 0) totals), '{}'::jsonb);   return null; end $$;`);
  }
}
