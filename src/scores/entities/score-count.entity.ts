import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organization } from '../../identity/entities/organization.entity';

/** The evaluator key of scores without an evaluator (custom slugs). */
export const NO_EVALUATOR_KEY = '00000000-0000-0000-0000-000000000000';

/** How many slots a count is spread over: concurrent writers of one evaluator's scores seldom wait for each other. */
export const SCORE_COUNT_SLOTS = 64;

/**
 * How many scores an organization holds per evaluator, kept exact by triggers on `scores` (migration
 * `score_counts`) in the same transaction as the rows. A count is the sum of its slots; lists read it
 * instead of counting a million index entries.
 */
@Entity({ tableName: 'score_counts' })
export class ScoreCount {
  [PrimaryKeyProp]?: ['organizationId', 'evaluatorKey', 'slot'];

  @ManyToOne(() => Organization, { primary: true, fieldName: 'organization_id', mapToPk: true, type: 'uuid', deleteRule: 'cascade' })
  organizationId!: string;

  /** The scores' `evaluator_id`, or `NO_EVALUATOR_KEY`. */
  @PrimaryKey({ type: 'uuid' })
  evaluatorKey!: string;

  @PrimaryKey({ type: 'smallint' })
  slot!: number;

  @Property({ type: 'bigint' })
  count!: bigint;
}
