import { toScoreResponse } from '../score.mapper';
import type { ScoreBatchItemResult, ScoreBatchResponse } from './dto/score-batch.dto';
import type { BatchOutcome, ItemOutcome } from './score-batch.service';

const toItemResult = (item: ItemOutcome): ScoreBatchItemResult =>
  'view' in item
    ? { index: item.index, status: item.status, score: toScoreResponse(item.view) }
    : { index: item.index, status: item.status, errors: item.errors };

export function toScoreBatchResponse({ items }: BatchOutcome): ScoreBatchResponse {
  const created = items.filter((item) => item.status === 201).length;
  return { created, failed: items.length - created, results: items.map(toItemResult) };
}
