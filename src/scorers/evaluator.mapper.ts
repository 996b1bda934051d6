import type { EvaluatorResponse } from './dto/evaluator.dto';
import type { Scorer } from './entities/scorer.entity';

/** A scorer as Respan shows an evaluator. */
export function toEvaluatorResponse(scorer: Scorer): EvaluatorResponse {
  return {
    id: scorer.id,
    name: scorer.name,
    evaluator_slug: scorer.slug,
    slug: scorer.slug,
    type: scorer.evaluatorType,
    score_value_type: scorer.scoreValueType,
    score_config: (scorer.scoreConfig as Record<string, unknown> | null) ?? null,
    passing_conditions: (scorer.passingConditions as unknown as Record<string, unknown> | null) ?? null,
    description: scorer.description ?? '',
    tags: scorer.tags,
    created_at: scorer.createdAt.toISOString(),
    updated_at: scorer.updatedAt.toISOString(),
  };
}
