import type { INestApplicationContext } from '@nestjs/common';
import type { ScoreBatchResponse } from '../scores/batch/dto/score-batch.dto';
import { toScoreBatchResponse } from '../scores/batch/score-batch.mapper';
import { ScoreBatchService, type ScoreWriter } from '../scores/batch/score-batch.service';
import { claimOf } from '../scores/idempotency/idempotency-key';
import { IdempotencyService } from '../scores/idempotency/idempotency.service';
import type { SubmitBatch } from './score-import';

/**
 * The batch route's path without HTTP: `POST /api/scores/batch/` with an `Idempotency-Key`, as the
 * route's interceptor runs it (the same claim of the same body, so an HTTP retry would replay it too).
 */
export function idempotentBatches(app: INestApplicationContext): (writer: ScoreWriter) => SubmitBatch {
  const batches = app.get(ScoreBatchService, { strict: false });
  const idempotency = app.get(IdempotencyService, { strict: false });
  return (writer) => async (items, key) => {
    const claim = claimOf(key, { scores: items });
    const stored = await idempotency.replay(writer.organizationId, claim);
    if (stored) return stored.body as ScoreBatchResponse;
    const answered = await idempotency.answer(writer.organizationId, claim, async () => ({
      status: 200,
      body: toScoreBatchResponse(await batches.create(writer, items, false)),
    }));
    return answered.body as ScoreBatchResponse;
  };
}
