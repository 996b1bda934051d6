import { Migration } from '@mikro-orm/migrations';

/** What Galileo's and Respan's SDKs need besides scorers: projects, log streams, run scorer settings, code versions and validation tasks. */
export class Migration20261130225556_sdk_projects_and_code extends Migration {
  override name = 'Migration20261130225556_sdk_projects_and_code';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "code_validation_tasks" ("organization_id" uuid not null, "id" uuid not null, "status" text not null default 'pending', "code" text null, "problem" text null, "scoreable_node_types" jsonb not null, "required_scorers" jsonb null, "outcome" jsonb null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );

    this.addSql(
      `create table "projects" ("organization_id" uuid not null, "id" uuid not null, "name" text not null, "type" text not null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`alter table "projects" add constraint "projects_name_unique" unique ("organization_id", "type", "name");`);

    this.addSql(
      `create table "log_streams" ("organization_id" uuid not null, "id" uuid not null, "project_id" uuid not null, "name" text not null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`alter table "log_streams" add constraint "log_streams_name_unique" unique ("organization_id", "project_id", "name");`);

    this.addSql(
      `create table "run_scorers" ("organization_id" uuid not null, "id" uuid not null, "project_id" uuid not null, "run_id" uuid not null, "scorer_id" uuid not null, "scorer_version_id" uuid null, "position" int not null, "model_name" text null, "num_judges" int null, "cot_enabled" boolean null, "output_type" text null, "input_type" text null, "scoreable_node_types" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(
      `alter table "run_scorers" add constraint "run_scorers_scorer_unique" unique ("organization_id", "project_id", "run_id", "scorer_id");`,
    );

    this.addSql(`alter table "scorer_versions" add "code" text null, add "validation_result" text null;`);

    this.addSql(
      `alter table "code_validation_tasks" add constraint "code_validation_tasks_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "projects" add constraint "projects_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "log_streams" add constraint "log_streams_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "log_streams" add constraint "log_streams_organization_id_project_id_foreign" foreign key ("organization_id", "project_id") references "projects" ("organization_id", "id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "run_scorers" add constraint "run_scorers_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "run_scorers" add constraint "run_scorers_organization_id_project_id_foreign" foreign key ("organization_id", "project_id") references "projects" ("organization_id", "id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "run_scorers" add constraint "run_scorers_organization_id_scorer_id_foreign" foreign key ("organization_id", "scorer_id") references "scorers" ("organization_id", "id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "log_streams" drop constraint "log_streams_organization_id_project_id_foreign";`);
    this.addSql(`alter table "run_scorers" drop constraint "run_scorers_organization_id_project_id_foreign";`);

    this.addSql(`drop table if exists "code_validation_tasks" cascade;`);
    this.addSql(`drop table if exists "projects" cascade;`);
    this.addSql(`drop table if exists "log_streams" cascade;`);
    this.addSql(`drop table if exists "run_scorers" cascade;`);

    this.addSql(`alter table "scorer_versions" drop column "code", drop column "validation_result";`);
  }
}
