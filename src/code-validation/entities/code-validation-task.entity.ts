import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';

export type CodeValidationStatus = 'pending' | 'completed' | 'failed';

/** What a finished validation found: Galileo's `ValidResult` or `InvalidResult`. */
export type CodeValidationOutcome =
  | {
      result_type: 'valid';
      score_type: string;
      scoreable_node_types: string[];
      include_llm_credentials: false;
      chain_aggregation: null;
      test_scores: [];
    }
  | { result_type: 'invalid'; error_message: string };

/**
 * A static check of a code scorer's file, run as a task: submitted `pending`, then `completed` with its
 * outcome by whichever instance gets to it first. The file is kept (as text) until then.
 */
@Entity({ tableName: 'code_validation_tasks' })
export class CodeValidationTask extends TenantRow {
  @Property({ type: 'text' })
  status: CodeValidationStatus & Opt = 'pending';

  /** The uploaded file as text; null when it could not be kept (too large, not UTF-8): `problem` says why. */
  @Property({ type: 'text', nullable: true, lazy: true })
  code: (string & Opt) | null = null;

  @Property({ type: 'text', nullable: true })
  problem: (string & Opt) | null = null;

  @Property({ type: 'jsonb' })
  scoreableNodeTypes: string[] & Opt = [];

  @Property({ type: 'jsonb', nullable: true })
  requiredScorers: (string[] & Opt) | null = null;

  @Property({ type: 'jsonb', nullable: true })
  outcome: (CodeValidationOutcome & Opt) | null = null;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
