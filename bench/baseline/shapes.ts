/** Rows as `pg` returns them, turned into the service's response shapes by hand. */
export type Row = Record<string, unknown>;

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

export const evaluatorJson = (scorer: Row) => ({
  id: scorer.id,
  name: scorer.name,
  evaluator_slug: scorer.slug,
  type: scorer.evaluator_type,
  score_value_type: scorer.score_value_type,
  score_config: scorer.score_config,
  passing_conditions: scorer.passing_conditions,
  description: scorer.description,
  tags: scorer.tags,
  created_at: iso(scorer.created_at),
  updated_at: iso(scorer.updated_at),
});

export const scoreJson = (score: Row, evaluator: Row | null) => ({
  id: score.id,
  created_at: iso(score.created_at),
  type: score.type,
  environment: score.environment,
  numerical_value: score.numerical_value,
  string_value: score.string_value,
  boolean_value: score.boolean_value,
  categorical_value: score.categorical_value,
  json_value: score.json_value,
  is_passed: score.is_passed,
  cost: score.cost,
  evaluator_id: score.evaluator_id,
  evaluator_slug: score.evaluator_slug,
  evaluator_name: score.evaluator_name,
  scorer: score.scorer,
  log_id: score.log_id,
  prompt_id: score.prompt_id,
  prompt_version_number: score.prompt_version_number,
  dataset_id: score.dataset_id,
  automation_id: score.automation_id,
  status: score.status,
  error_message: score.error_message,
  inputs: score.inputs,
  evaluator: evaluator ? evaluatorJson(evaluator) : null,
});

/** What a revision records: every stored field but the identity. */
export const snapshotJson = (score: Row) => ({
  evaluator_id: score.evaluator_id,
  evaluator_slug: score.evaluator_slug,
  evaluator_name: score.evaluator_name,
  type: score.type,
  log_id: score.log_id,
  timestamp: iso(score.timestamp),
  environment: score.environment,
  prompt_id: score.prompt_id,
  prompt_version_number: score.prompt_version_number,
  dataset_id: score.dataset_id,
  automation_id: score.automation_id,
  scorer: score.scorer,
  numerical_value: score.numerical_value,
  string_value: score.string_value,
  boolean_value: score.boolean_value,
  categorical_value: score.categorical_value,
  json_value: score.json_value,
  is_passed: score.is_passed,
  cost: score.cost,
  status: score.status,
  error_message: score.error_message,
  inputs: score.inputs,
});

export const healthScoreJson = (row: Row) => ({
  id: row.id,
  scorer_version_id: row.scorer_version_id,
  scorer_version_number: row.scorer_version_number,
  dataset_id: row.dataset_id,
  health_score_type: row.health_score_type,
  score: row.score,
  secondary: row.secondary,
  computed_at: iso(row.computed_at),
});

/** The numerical case of a `primary_score` condition (the only one the workloads use). */
export function passes(scorer: Row | null, value: number | null): boolean {
  const condition = (scorer?.passing_conditions as { primary_score?: { operator: string; value: number } } | null)?.primary_score;
  if (!condition || value === null) return false;
  switch (condition.operator) {
    case 'gte':
      return value >= condition.value;
    case 'gt':
      return value > condition.value;
    case 'lte':
      return value <= condition.value;
    case 'lt':
      return value < condition.value;
    case 'eq':
      return value === condition.value;
    default:
      return value !== condition.value;
  }
}
