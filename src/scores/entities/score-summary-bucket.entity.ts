import { type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organization } from '../../identity/entities/organization.entity';

/**
 * Running aggregates of the scores of one evaluator, one UTC day and one value of one grouping
 * dimension (`evaluator` holds them all, value null) and one slot, kept exact by triggers on `scores`
 * (`score-summary.triggers.ts`) in the same transaction as the rows. Summaries add buckets up instead
 * of reading every row when their filter allows it.
 */
@Entity({ tableName: 'score_summary_buckets' })
@Index({
  name: 'score_summary_buckets_key_unique',
  expression:
    'create unique index "score_summary_buckets_key_unique" on "score_summary_buckets" ("organization_id", "evaluator_key", "evaluator_slug", "dimension", "value", "day", "slot") nulls not distinct',
})
/** A write's buckets (the key's columns that are never null, by equality): what the triggers seek with. */
@Index({ name: 'score_summary_buckets_write_index', properties: ['organizationId', 'evaluatorKey', 'dimension', 'day', 'slot'] })
/** The buckets of one dimension value by day, whatever the evaluator: the day counts a deep list page seeks with. */
@Index({ name: 'score_summary_buckets_day_index', properties: ['organizationId', 'dimension', 'value', 'day'] })
export class ScoreSummaryBucket {
  [PrimaryKeyProp]?: ['organizationId', 'id'];

  /** The key leads with organization_id, as every tenant table's (the shape a distributed PostgreSQL shards on). */
  @ManyToOne(() => Organization, { primary: true, fieldName: 'organization_id', mapToPk: true, type: 'uuid', deleteRule: 'cascade' })
  organizationId!: string;

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: bigint;

  /** The scores' `evaluator_id`, or `NO_EVALUATOR_KEY` for custom evaluators. */
  @Property({ type: 'uuid' })
  evaluatorKey!: string;

  @Property({ type: 'text' })
  evaluatorSlug!: string;

  /** `evaluator` (every score of the evaluator), `environment`, `dataset_id`, `prompt_id`, `prompt_version_number` or `scorer`. */
  @Property({ type: 'text' })
  dimension!: string;

  /** The dimension's value as text (null when the scores have none, and for `evaluator`). */
  @Property({ type: 'text', nullable: true })
  value: (string & Opt) | null = null;

  /** The UTC date of the scores' `created_at`. */
  @Property({ type: 'date' })
  day!: string;

  /** The slot (a hash of the score id, `SUMMARY_SLOTS` of them) the bucket's scores fall in; a bucket is the sum of its slots. */
  @Property({ type: 'smallint' })
  slot!: number;

  @Property({ type: 'bigint' })
  count!: bigint;

  @Property({ type: 'bigint' })
  passed!: bigint;

  @Property({ type: 'bigint' })
  numericCount!: bigint;

  /** Sums in `numeric`: adding and taking off a value restores them exactly. */
  @Property({ type: 'decimal', columnType: 'numeric' })
  numericSum!: string;

  @Property({ type: 'decimal', columnType: 'numeric' })
  numericSumSquares!: string;

  @Property({ type: 'double', nullable: true })
  numericMin: (number & Opt) | null = null;

  @Property({ type: 'double', nullable: true })
  numericMax: (number & Opt) | null = null;

  @Property({ type: 'bigint' })
  trueCount!: bigint;

  @Property({ type: 'bigint' })
  falseCount!: bigint;

  /** `{choice: number of scores that chose it}` (choices counted once per score). */
  @Property({ type: 'jsonb' })
  choices: Record<string, number> & Opt = {};
}
