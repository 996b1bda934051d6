import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { SCORE_COUNT_TRIGGERS } from './score-count.triggers';
import { SCORE_FILTER_COUNT_TRIGGERS } from './score-filter-count.triggers';
import { SCORE_SUMMARY_TRIGGERS } from './score-summary.triggers';

/**
 * A score given to a logged LLM call. `evaluatorId` is null for a custom (unknown-slug) evaluator;
 * `revision` counts the writes (create is 1) and is the score's ETag.
 */
@Entity({ tableName: 'scores' })
@Index({
  name: 'scores_log_evaluator_scorer_unique',
  expression:
    'create unique index "scores_log_evaluator_scorer_unique" on "scores" ("organization_id", "log_id", "evaluator_slug", "scorer") nulls not distinct',
})
@Index({ name: 'scores_created_index', properties: ['organizationId', 'createdAt', 'id'] })
@Index({ name: 'scores_updated_index', properties: ['organizationId', 'updatedAt', 'id'] })
@Index({ name: 'scores_evaluator_id_index', properties: ['organizationId', 'evaluatorId', 'createdAt', 'id'] })
@Index({ name: 'scores_evaluator_slug_index', properties: ['organizationId', 'evaluatorSlug', 'createdAt', 'id'] })
@Index({ name: 'scores_dataset_index', properties: ['organizationId', 'datasetId', 'createdAt', 'id'] })
@Index({ name: 'scores_environment_index', properties: ['organizationId', 'environment', 'createdAt', 'id'] })
@Index({ name: 'scores_scorer_index', properties: ['organizationId', 'scorer', 'createdAt', 'id'] })
@Index({ name: 'scores_type_index', properties: ['organizationId', 'type', 'createdAt', 'id'] })
@Index({ name: 'scores_passed_index', properties: ['organizationId', 'isPassed', 'createdAt', 'id'] })
@Index({ name: 'scores_numerical_index', properties: ['organizationId', 'numericalValue', 'id'] })
@Index({
  name: 'scores_evaluator_values_index',
  expression:
    'create index "scores_evaluator_values_index" on "scores" ("organization_id", "evaluator_id", "numerical_value") include ("evaluator_slug")',
})
@Trigger(SCORE_COUNT_TRIGGERS[0])
@Trigger(SCORE_COUNT_TRIGGERS[1])
@Trigger(SCORE_COUNT_TRIGGERS[2])
@Trigger(SCORE_SUMMARY_TRIGGERS[0])
@Trigger(SCORE_SUMMARY_TRIGGERS[1])
@Trigger(SCORE_SUMMARY_TRIGGERS[2])
@Trigger(SCORE_FILTER_COUNT_TRIGGERS[0])
@Trigger(SCORE_FILTER_COUNT_TRIGGERS[1])
@Trigger(SCORE_FILTER_COUNT_TRIGGERS[2])
export class Score extends TenantRow {
  /** The evaluator (a scorer) when the slug or id named one; its row may since have been deleted. */
  @Property({ type: 'uuid', nullable: true })
  evaluatorId: (string & Opt) | null = null;

  @Property({ type: 'text' })
  evaluatorSlug!: string;

  @Property({ type: 'text', nullable: true })
  evaluatorName: (string & Opt) | null = null;

  /** The evaluator's execution type: llm, human or code (`human` for a custom slug). */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text', nullable: true })
  logId: (string & Opt) | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  timestamp: (Date & Opt) | null = null;

  @Property({ type: 'text' })
  environment: string & Opt = 'production';

  @Property({ type: 'text', nullable: true })
  promptId: (string & Opt) | null = null;

  @Property({ type: 'integer', nullable: true })
  promptVersionNumber: (number & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  datasetId: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  automationId: (string & Opt) | null = null;

  /** Who or what produced the score. */
  @Property({ type: 'text', nullable: true })
  scorer: (string & Opt) | null = null;

  @Property({ type: 'double', nullable: true })
  numericalValue: (number & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  stringValue: (string & Opt) | null = null;

  @Property({ type: 'boolean', nullable: true })
  booleanValue: (boolean & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  categoricalValue: (string[] & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  jsonValue: (string & Opt) | null = null;

  @Property({ type: 'boolean' })
  isPassed: boolean & Opt = false;

  @Property({ type: 'double', nullable: true })
  cost: (number & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  status: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage: (string & Opt) | null = null;

  @Property({ type: 'jsonb' })
  inputs: Record<string, unknown> & Opt = {};

  @Property({ type: 'integer' })
  revision: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
