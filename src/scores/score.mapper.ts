import type { Scorer } from '../scorers/entities/scorer.entity';
import { toEvaluatorResponse } from '../scorers/evaluator.mapper';
import type { ScoreResponse } from './dto/score.dto';
import type { ScoreRevisionResponse } from './dto/score-revision.dto';
import type { ScoreRevision } from './entities/score-revision.entity';
import type { Score } from './entities/score.entity';

/** A score and its evaluator when that is a live platform evaluator. */
export interface ScoreView {
  score: Score;
  evaluator: Scorer | null;
}

/** Every stored field of a score but its identity: what a revision records. */
export function scoreSnapshot(score: Score): Record<string, unknown> {
  return {
    evaluator_id: score.evaluatorId,
    evaluator_slug: score.evaluatorSlug,
    evaluator_name: score.evaluatorName,
    type: score.type,
    log_id: score.logId,
    timestamp: score.timestamp?.toISOString() ?? null,
    environment: score.environment,
    prompt_id: score.promptId,
    prompt_version_number: score.promptVersionNumber,
    dataset_id: score.datasetId,
    automation_id: score.automationId,
    scorer: score.scorer,
    numerical_value: score.numericalValue,
    string_value: score.stringValue,
    boolean_value: score.booleanValue,
    categorical_value: score.categoricalValue,
    json_value: score.jsonValue,
    is_passed: score.isPassed,
    cost: score.cost,
    status: score.status,
    error_message: score.errorMessage,
    inputs: score.inputs,
  };
}

/** The response of each evaluator object, made once however many scores of a page share it. */
const evaluatorResponses = new WeakMap<Scorer, Record<string, unknown>>();

function evaluatorResponse(evaluator: Scorer): Record<string, unknown> {
  let response = evaluatorResponses.get(evaluator);
  if (!response) evaluatorResponses.set(evaluator, (response = toEvaluatorResponse(evaluator) as unknown as Record<string, unknown>));
  return response;
}

export function toScoreResponse({ score, evaluator }: ScoreView): ScoreResponse {
  return {
    id: score.id,
    created_at: score.createdAt.toISOString(),
    type: score.type,
    environment: score.environment,
    numerical_value: score.numericalValue,
    string_value: score.stringValue,
    boolean_value: score.booleanValue,
    categorical_value: score.categoricalValue,
    json_value: score.jsonValue,
    is_passed: score.isPassed,
    cost: score.cost,
    evaluator_id: score.evaluatorId,
    evaluator_slug: score.evaluatorSlug,
    evaluator_name: score.evaluatorName,
    scorer: score.scorer,
    log_id: score.logId,
    prompt_id: score.promptId,
    prompt_version_number: score.promptVersionNumber,
    dataset_id: score.datasetId,
    automation_id: score.automationId,
    status: score.status,
    error_message: score.errorMessage,
    inputs: score.inputs,
    evaluator: evaluator ? evaluatorResponse(evaluator) : null,
  };
}

export function toScoreRevisionResponse(scoreId: string, revision: ScoreRevision): ScoreRevisionResponse {
  return {
    score_id: scoreId,
    revision: revision.revision,
    operation: revision.operation,
    values: revision.values,
    actor: revision.actor,
    at: revision.at.toISOString(),
  };
}
