/** How Citus would hold each table of the schema (docs/scaling.md, "Citus"). */

export type TableKind = 'distributed' | 'reference' | 'local';

/** Every table of the schema and how Citus would hold it (docs/scaling.md, "Citus"). */
export const TABLE_KINDS: Readonly<Record<string, TableKind>> = {
  organizations: 'reference',
  users: 'reference',
  api_keys: 'reference',
  scorers: 'distributed',
  scorer_versions: 'distributed',
  health_scores: 'distributed',
  scores: 'distributed',
  score_revisions: 'distributed',
  score_counts: 'distributed',
  score_filter_counts: 'distributed',
  idempotency_records: 'distributed',
  score_summary_buckets: 'distributed',
  projects: 'distributed',
  log_streams: 'distributed',
  run_scorers: 'distributed',
  code_validation_tasks: 'distributed',
  mikro_orm_migrations: 'local',
};

/** The column holding a table's organization (the distribution column of distributed tables). */
export const orgColumnOf = (table: string): string | undefined =>
  table === 'organizations' ? 'id' : table === 'mikro_orm_migrations' ? undefined : 'organization_id';

export type Volatility = 'i' | 's' | 'v';

/** Volatility of functions (`pg_proc.provolatile`) when the caller has no catalogue at hand. */
export const KNOWN_VOLATILITY: Readonly<Record<string, Volatility>> = {
  random: 'v',
  nextval: 'v',
  setval: 'v',
  gen_random_uuid: 'v',
  clock_timestamp: 'v',
  txid_current: 'v',
  now: 's',
  statement_timestamp: 's',
  transaction_timestamp: 's',
  to_jsonb: 's',
  jsonb_build_object: 's',
  coalesce: 'i',
  floor: 'i',
  lower: 'i',
};

/** PostgreSQL's catalogues (the ORM's schema introspection reads them): answered by the coordinator, like a local table. */
export const isCatalog = (schema: string | undefined, table: string): boolean =>
  schema === 'pg_catalog' || schema === 'information_schema' || (schema === undefined && table.startsWith('pg_'));
