import { responseJson, revisionSnapshot } from '../../src/scores/model/score-field-table.ts';

/** Rows as `pg` returns them, turned into the service's response shapes (by hand, or from the service's score field table). */
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

/** A score row (keyed by column, as `pg` returns it) as the Score response, built from the service's field table as the service builds it. */
export const scoreJson = (score: Row, evaluator: Row | null): Row => {
  const json = responseJson(score, 'column');
  json.evaluator = evaluator ? evaluatorJson(evaluator) : null;
  return json;
};

/** What a revision records, from the same table. */
export const snapshotJson = (score: Row): Row => revisionSnapshot(score, 'column');

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
