import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import type { EvaluatorType, GalileoOutputType, ScoreValueType, ScorerType } from '../scorer-kinds';
import type { PassingConditions, ScoreConfig } from '../value-rules/value-rules.types';

/**
 * A scorer (Galileo) is an evaluator (Respan): one row serves both dialects. Deleting one sets
 * `deletedAt`: it leaves every listing, its slug can be reused, and scores keep their references.
 */
@Entity({ tableName: 'scorers' })
@Index({
  name: 'scorers_live_slug_unique',
  expression: 'create unique index "scorers_live_slug_unique" on "scorers" ("organization_id", "slug") where "deleted_at" is null',
})
@Index({ name: 'scorers_organization_updated_index', properties: ['organizationId', 'updatedAt'] })
export class Scorer extends TenantRow {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text', nullable: true })
  label: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  description: (string & Opt) | null = null;

  @Property({ type: 'jsonb' })
  tags: string[] & Opt = [];

  /** Galileo: llm, code, luna, preset. */
  @Property({ type: 'text' })
  scorerType!: ScorerType;

  /** Respan: llm, human, code. */
  @Property({ type: 'text' })
  evaluatorType!: EvaluatorType;

  /** Respan's value type; null for Galileo output types without one. */
  @Property({ type: 'text', nullable: true })
  scoreValueType: (ScoreValueType & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  scoreConfig: (ScoreConfig & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  passingConditions: (PassingConditions & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  modelType: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  outputType: (GalileoOutputType & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  inputType: (string & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  defaults: (Record<string, unknown> & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  userPrompt: (string & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  scoreableNodeTypes: (string[] & Opt) | null = null;

  @Property({ type: 'boolean', nullable: true })
  groundTruth: (boolean & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  requiredScorers: (string[] & Opt) | null = null;

  @Property({ type: 'boolean', nullable: true })
  deprecated: (boolean & Opt) | null = null;

  @Property({ type: 'uuid', nullable: true })
  defaultVersionId: (string & Opt) | null = null;

  /** The highest version number given so far (versions are numbered 1, 2, …). */
  @Property({ type: 'integer' })
  latestVersionNumber: number & Opt = 0;

  @Property({ type: 'uuid', nullable: true })
  createdBy: (string & Opt) | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: (Date & Opt) | null = null;
}
