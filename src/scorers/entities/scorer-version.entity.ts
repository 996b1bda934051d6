import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { Scorer } from './scorer.entity';

export type ScorerVersionKind = 'llm' | 'preset' | 'code';

/** An immutable version of a scorer; "restore" copies an old one into a new number. */
@Entity({ tableName: 'scorer_versions' })
@Unique({ name: 'scorer_versions_number_unique', properties: ['organizationId', 'scorer', 'version'] })
export class ScorerVersion extends TenantRow {
  @ManyToOne(() => Scorer, { fieldNames: ['organization_id', 'scorer_id'], deleteRule: 'cascade', ref: true })
  scorer!: Ref<Scorer>;

  @Property({ type: 'integer' })
  version!: number;

  /** How it was created: `llm`, `preset` or `code`. */
  @Property({ type: 'text' })
  kind!: ScorerVersionKind;

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

  @Property({ type: 'text', nullable: true })
  instructions: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  userPrompt: (string & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  chainPollTemplate: (Record<string, unknown> & Opt) | null = null;

  /** A code version's Python source: stored, never executed. */
  @Property({ type: 'text', nullable: true, lazy: true })
  code: (string & Opt) | null = null;

  /** The `validation_result` a code version was uploaded with, as sent. */
  @Property({ type: 'text', nullable: true, lazy: true })
  validationResult: (string & Opt) | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdBy: (string & Opt) | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
