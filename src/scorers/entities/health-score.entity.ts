import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { ScorerVersion } from './scorer-version.entity';

/** The current health score of a scorer version on a dataset, one per (version, dataset, type). */
@Entity({ tableName: 'health_scores' })
@Unique({ name: 'health_scores_current_unique', properties: ['organizationId', 'scorerVersion', 'datasetId', 'healthScoreType'] })
export class HealthScore extends TenantRow {
  @ManyToOne(() => ScorerVersion, { fieldNames: ['organization_id', 'scorer_version_id'], deleteRule: 'cascade', ref: true })
  scorerVersion!: Ref<ScorerVersion>;

  @Property({ type: 'uuid' })
  datasetId!: string;

  @Property({ type: 'text' })
  healthScoreType!: string;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'jsonb', nullable: true })
  secondary: (Record<string, number | null> & Opt) | null = null;

  @Property({ type: 'timestamptz' })
  computedAt: Date & Opt = new Date();
}
