import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { Scorer } from '../../scorers/entities/scorer.entity';
import { Project } from './project.entity';

/**
 * A scorer enabled on a run of a project (a log stream or an experiment: the run id is not checked,
 * experiments are not modelled), with the version it is pinned to and the settings given for the run.
 */
@Entity({ tableName: 'run_scorers' })
@Unique({ name: 'run_scorers_scorer_unique', properties: ['organizationId', 'project', 'runId', 'scorer'] })
export class RunScorer extends TenantRow {
  @ManyToOne(() => Project, { fieldNames: ['organization_id', 'project_id'], deleteRule: 'cascade', ref: true })
  project!: Ref<Project>;

  @Property({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => Scorer, { fieldNames: ['organization_id', 'scorer_id'], deleteRule: 'cascade', ref: true })
  scorer!: Ref<Scorer>;

  /** A version of `scorer` (checked when set); null: the latest. */
  @Property({ type: 'uuid', nullable: true })
  scorerVersionId: (string & Opt) | null = null;

  /** Order in the run's list. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text', nullable: true })
  modelName: (string & Opt) | null = null;

  @Property({ type: 'integer', nullable: true })
  numJudges: (number & Opt) | null = null;

  @Property({ type: 'boolean', nullable: true })
  cotEnabled: (boolean & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  outputType: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  inputType: (string & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  scoreableNodeTypes: (string[] & Opt) | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
