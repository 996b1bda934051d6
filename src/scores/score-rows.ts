import { randomUUID } from 'node:crypto';
import type { ScoreOperation } from './entities/score-revision.entity';
import type { Score } from './entities/score.entity';
import { scoreSnapshot } from './score.mapper';

/** The fields a write may set, with their columns (identity and `created_at` never change). */
export const WRITABLE_COLUMNS = {
  evaluatorId: 'evaluator_id',
  evaluatorSlug: 'evaluator_slug',
  evaluatorName: 'evaluator_name',
  type: 'type',
  logId: 'log_id',
  timestamp: 'timestamp',
  environment: 'environment',
  promptId: 'prompt_id',
  promptVersionNumber: 'prompt_version_number',
  datasetId: 'dataset_id',
  automationId: 'automation_id',
  scorer: 'scorer',
  numericalValue: 'numerical_value',
  stringValue: 'string_value',
  booleanValue: 'boolean_value',
  categoricalValue: 'categorical_value',
  jsonValue: 'json_value',
  isPassed: 'is_passed',
  cost: 'cost',
  status: 'status',
  errorMessage: 'error_message',
  inputs: 'inputs',
  revision: 'revision',
  updatedAt: 'updated_at',
} as const satisfies Partial<Record<keyof Score, string>>;

export type WritableField = keyof typeof WRITABLE_COLUMNS;

const JSON_FIELDS = new Set<WritableField>(['categoricalValue', 'inputs']);

/** A field's value as a query parameter (jsonb columns take their JSON text). */
const parameter = (score: Score, field: WritableField): unknown => {
  const value = score[field];
  return JSON_FIELDS.has(field) && value !== null ? JSON.stringify(value) : value;
};

const ALL_FIELDS = Object.keys(WRITABLE_COLUMNS) as WritableField[];

/** What a write records as the score's revision `score.revision`. */
export interface RevisionOf {
  operation: ScoreOperation;
  actor: string;
}

/** Inserts the revision of the row `written` (the CTE of the write), so that a write and its revision are one statement. */
const REVISION_OF_WRITTEN =
  'insert into score_revisions (organization_id, id, score_id, revision, operation, values, actor, at) select organization_id, ?, id, ?, ?, ?, ?, ? from written';

const revisionParameters = (score: Score, revision: RevisionOf): unknown[] => [
  randomUUID(),
  score.revision,
  revision.operation,
  JSON.stringify(scoreSnapshot(score)),
  revision.actor,
  score.updatedAt,
];

const INSERTED_COLUMNS = ['organization_id', 'id', 'created_at', ...ALL_FIELDS.map((field) => WRITABLE_COLUMNS[field])];
const INSERT_WITH_REVISION = `with written as (insert into scores (${INSERTED_COLUMNS.join(', ')}) values (${INSERTED_COLUMNS.map(() => '?').join(', ')}) returning organization_id, id) ${REVISION_OF_WRITTEN}`;

/** `insert` of a whole score with its revision. */
export function insertScoreSql(score: Score, revision: RevisionOf): { sql: string; params: unknown[] } {
  return {
    sql: INSERT_WITH_REVISION,
    params: [
      score.organizationId,
      score.id,
      score.createdAt,
      ...ALL_FIELDS.map((field) => parameter(score, field)),
      ...revisionParameters(score, revision),
    ],
  };
}

/** `update` of the given fields of a score's row, with its revision. */
export function updateScoreSql(score: Score, fields: readonly WritableField[], revision: RevisionOf): { sql: string; params: unknown[] } {
  const assignments = fields.map((field) => `${WRITABLE_COLUMNS[field]} = ?`).join(', ');
  return {
    sql: `with written as (update scores set ${assignments} where organization_id = ? and id = ? returning organization_id, id) ${REVISION_OF_WRITTEN}`,
    params: [...fields.map((field) => parameter(score, field)), score.organizationId, score.id, ...revisionParameters(score, revision)],
  };
}
