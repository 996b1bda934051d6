import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { Score } from './score.entity';

export const SCORE_OPERATIONS = ['create', 'replace', 'update'] as const;
export type ScoreOperation = (typeof SCORE_OPERATIONS)[number];

/** One write of a score: the operation, the full value set after it, who made it and when. */
@Entity({ tableName: 'score_revisions' })
@Unique({ name: 'score_revisions_number_unique', properties: ['organizationId', 'score', 'revision'] })
export class ScoreRevision extends TenantRow {
  @ManyToOne(() => Score, { fieldNames: ['organization_id', 'score_id'], deleteRule: 'cascade', ref: true })
  score!: Ref<Score>;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'text' })
  operation!: ScoreOperation;

  @Property({ type: 'jsonb' })
  values!: Record<string, unknown>;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();
}
