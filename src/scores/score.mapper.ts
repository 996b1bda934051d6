import type { FastifyReply } from 'fastify';
import type { Scorer } from '../scorers/entities/scorer.entity';
import { toEvaluatorResponse } from '../scorers/evaluator.mapper';
import type { ScoreResponse } from './dto/score.dto';
import type { ScoreRevisionResponse } from './dto/score-revision.dto';
import type { ScoreRevision } from './entities/score-revision.entity';
import { etagOf } from './rules/if-match.rules';
import { responseJson } from './model/score-field-table';
import type { ScoreRowView, ScoreView } from './model/score.types';

/** The response of each evaluator object, made once however many scores of a page share it. */
const evaluatorResponses = new WeakMap<Scorer, Record<string, unknown>>();

export function evaluatorResponse(evaluator: Scorer): Record<string, unknown> {
  let response = evaluatorResponses.get(evaluator);
  if (!response) evaluatorResponses.set(evaluator, (response = toEvaluatorResponse(evaluator) as unknown as Record<string, unknown>));
  return response;
}

/** A score (an entity's data, or a raw row) as the Score response (its fields from the field table) with its evaluator object. */
export function toScoreResponse(view: ScoreView | ScoreRowView): ScoreResponse {
  const response = 'row' in view ? responseJson(view.row, 'column') : responseJson(view.score);
  const { evaluator } = view;
  response.evaluator = evaluator ? evaluatorResponse(evaluator) : null;
  return response as unknown as ScoreResponse;
}

/** The response body of one score, with its ETag header. */
export function withEtag(reply: FastifyReply, view: ScoreView): ScoreResponse {
  void reply.header('ETag', etagOf(view.score.revision));
  return toScoreResponse(view);
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
