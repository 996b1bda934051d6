import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163321_identity extends Migration {
  override name = 'Migration20261122163321_identity';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "organizations" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );

    this.addSql(
      `create table "users" ("organization_id" uuid not null, "id" uuid not null, "email" text not null, "password_hash" text not null, "created_at" timestamptz not null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "api_keys" ("organization_id" uuid not null, "id" uuid not null, "user_id" uuid not null, "description" text not null, "prefix" text not null, "key_hash" text not null, "truncated" text not null, "created_by" uuid not null, "expires_at" timestamptz null, "last_used" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("organization_id", "id"));`,
    );
    this.addSql(`create index "api_keys_user_index" on "api_keys" ("organization_id", "user_id", "created_at");`);
    this.addSql(`create index "api_keys_prefix_index" on "api_keys" ("prefix");`);

    this.addSql(
      `alter table "users" add constraint "users_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "api_keys" add constraint "api_keys_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_organization_id_user_id_foreign" foreign key ("organization_id", "user_id") references "users" ("organization_id", "id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop constraint "users_organization_id_foreign";`);
    this.addSql(`alter table "api_keys" drop constraint "api_keys_organization_id_foreign";`);
    this.addSql(`alter table "api_keys" drop constraint "api_keys_organization_id_user_id_foreign";`);

    this.addSql(`drop table if exists "organizations" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "api_keys" cascade;`);
  }
}
