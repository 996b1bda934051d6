import { Migration } from '@mikro-orm/migrations';

export class Migration20261122170703_scorers_and_scores extends Migration {
  override name = 'Migration20261122170703_scorers_and_scores';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "idempotency_records" ("organization_id" uuid not null, "id" uuid not null, "key" text not null, "request_hash" text not null, "status" int not null, "response" jsonb not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`create index "idempotency_records_expiry_index" on "idempotency_records" ("organization_id", "expires_at");`);
    this.addSql(`alter table "idempotency_records" add constraint "idempotency_records_key_unique" unique ("organization_id", "key");`);

    this.addSql(
      `create table "scores" ("organization_id" uuid not null, "id" uuid not null, "evaluator_id" uuid null, "evaluator_slug" text not null, "evaluator_name" text null, "type" text not null, "log_id" text null, "timestamp" timestamptz null, "environment" text not null default 'production', "prompt_id" text null, "prompt_version_number" int null, "dataset_id" text null, "automation_id" text null, "scorer" text null, "numerical_value" double precision null, "string_value" text null, "boolean_value" boolean null, "categorical_value" jsonb null, "json_value" text null, "is_passed" boolean not null default false, "cost" double precision null, "status" text null, "error_message" text null, "inputs" jsonb not null, "revision" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`create index "scores_numerical_index" on "scores" ("organization_id", "numerical_value", "id");`);
    this.addSql(`create index "scores_passed_index" on "scores" ("organization_id", "is_passed", "created_at", "id");`);
    this.addSql(`create index "scores_type_index" on "scores" ("organization_id", "type", "created_at", "id");`);
    this.addSql(`create index "scores_scorer_index" on "scores" ("organization_id", "scorer", "created_at", "id");`);
    this.addSql(`create index "scores_environment_index" on "scores" ("organization_id", "environment", "created_at", "id");`);
    this.addSql(`create index "scores_dataset_index" on "scores" ("organization_id", "dataset_id", "created_at", "id");`);
    this.addSql(`create index "scores_evaluator_slug_index" on "scores" ("organization_id", "evaluator_slug", "created_at", "id");`);
    this.addSql(`create index "scores_evaluator_id_index" on "scores" ("organization_id", "evaluator_id", "created_at", "id");`);
    this.addSql(`create index "scores_updated_index" on "scores" ("organization_id", "updated_at", "id");`);
    this.addSql(`create index "scores_created_index" on "scores" ("organization_id", "created_at", "id");`);
    this.addSql(
      `create unique index "scores_log_evaluator_scorer_unique" on "scores" ("organization_id", "log_id", "evaluator_slug", "scorer") nulls not distinct;`,
    );

    this.addSql(
      `create table "scorers" ("organization_id" uuid not null, "id" uuid not null, "name" text not null, "slug" text not null, "label" text null, "description" text null, "tags" jsonb not null, "scorer_type" text not null, "evaluator_type" text not null, "score_value_type" text null, "score_config" jsonb null, "passing_conditions" jsonb null, "model_type" text null, "output_type" text null, "input_type" text null, "defaults" jsonb null, "user_prompt" text null, "scoreable_node_types" jsonb null, "ground_truth" boolean null, "required_scorers" jsonb null, "deprecated" boolean null, "default_version_id" uuid null, "latest_version_number" int not null default 0, "created_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`create index "scorers_organization_updated_index" on "scorers" ("organization_id", "updated_at");`);
    this.addSql(`create unique index "scorers_live_slug_unique" on "scorers" ("organization_id", "slug") where "deleted_at" is null;`);

    this.addSql(
      `create table "score_revisions" ("organization_id" uuid not null, "id" uuid not null, "score_id" uuid not null, "revision" int not null, "operation" text not null, "values" jsonb not null, "actor" text not null, "at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(
      `alter table "score_revisions" add constraint "score_revisions_number_unique" unique ("organization_id", "score_id", "revision");`,
    );

    this.addSql(
      `create table "scorer_versions" ("organization_id" uuid not null, "id" uuid not null, "scorer_id" uuid not null, "version" int not null, "kind" text not null, "model_name" text null, "num_judges" int null, "cot_enabled" boolean null, "output_type" text null, "input_type" text null, "scoreable_node_types" jsonb null, "instructions" text null, "user_prompt" text null, "chain_poll_template" jsonb null, "created_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(
      `alter table "scorer_versions" add constraint "scorer_versions_number_unique" unique ("organization_id", "scorer_id", "version");`,
    );

    this.addSql(
      `create table "health_scores" ("organization_id" uuid not null, "id" uuid not null, "scorer_version_id" uuid not null, "dataset_id" uuid not null, "health_score_type" text not null, "score" double precision not null, "secondary" jsonb null, "computed_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(
      `alter table "health_scores" add constraint "health_scores_current_unique" unique ("organization_id", "scorer_version_id", "dataset_id", "health_score_type");`,
    );

    this.addSql(
      `alter table "idempotency_records" add constraint "idempotency_records_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "scores" add constraint "scores_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "scorers" add constraint "scorers_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "score_revisions" add constraint "score_revisions_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "score_revisions" add constraint "score_revisions_organization_id_score_id_foreign" foreign key ("organization_id", "score_id") references "scores" ("organization_id", "id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "scorer_versions" add constraint "scorer_versions_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "scorer_versions" add constraint "scorer_versions_organization_id_scorer_id_foreign" foreign key ("organization_id", "scorer_id") references "scorers" ("organization_id", "id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "health_scores" add constraint "health_scores_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "health_scores" add constraint "health_scores_organization_id_scorer_version_id_foreign" foreign key ("organization_id", "scorer_version_id") references "scorer_versions" ("organization_id", "id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "score_revisions" drop constraint "score_revisions_organization_id_score_id_foreign";`);
    this.addSql(`alter table "scorer_versions" drop constraint "scorer_versions_organization_id_scorer_id_foreign";`);
    this.addSql(`alter table "health_scores" drop constraint "health_scores_organization_id_scorer_version_id_foreign";`);

    this.addSql(`drop table if exists "idempotency_records" cascade;`);
    this.addSql(`drop table if exists "scores" cascade;`);
    this.addSql(`drop table if exists "scorers" cascade;`);
    this.addSql(`drop table if exists "score_revisions" cascade;`);
    this.addSql(`drop table if exists "scorer_versions" cascade;`);
    this.addSql(`drop table if exists "health_scores" cascade;`);
  }
}
