import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organization } from '../../identity/entities/organization.entity';

/** How many slots a count is spread over (by the writing connection): concurrent writers seldom wait for each other. */
export const FILTER_COUNT_SLOTS = 16;

/**
 * How many scores of an organization hold each value of the list's equality filters (`field` one of
 * `KEPT_FILTER_FIELDS`, `value` as text; null values are not kept: an equality never matches them),
 * kept exact by triggers on `scores` (`score-filter-count.triggers.ts`) in the same transaction as the
 * rows. A count is the sum of its slots (a slot may hold a negative part of it).
 */
@Entity({ tableName: 'score_filter_counts' })
export class ScoreFilterCount {
  [PrimaryKeyProp]?: ['organizationId', 'field', 'value', 'slot'];

  @ManyToOne(() => Organization, { primary: true, fieldName: 'organization_id', mapToPk: true, type: 'uuid', deleteRule: 'cascade' })
  organizationId!: string;

  @PrimaryKey({ type: 'text' })
  field!: string;

  @PrimaryKey({ type: 'text' })
  value!: string;

  @PrimaryKey({ type: 'smallint' })
  slot!: number;

  @Property({ type: 'bigint' })
  count!: bigint;
}
