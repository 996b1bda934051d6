import { Injectable } from '@nestjs/common';
import { toApiError } from '../../common/filters/api-error';
import { renderDrfError } from '../../common/filters/drf-errors';
import { RequestValidationPipe } from '../../common/pipes/request-validation.pipe';
import { EvaluatorsService } from '../../scorers/evaluators.service';
import { CreateScoreRequest } from '../dto/score.dto';
import type { Score } from '../entities/score.entity';
import type { ScoreView } from '../model/score.types';
import { type EvaluatorLookup, resolveEvaluatorReference } from '../rules/evaluator-reference.rules';
import { checkInputs, logKeyTaken, newScore, requireLogId, writtenFields } from '../rules/score-write.rules';
import { ScoreBatchRepository } from './score-batch.repository';

/** Who writes a batch: the organization the scores go to, and the actor its revisions name. */
export interface ScoreWriter {
  organizationId: string;
  actor: string;
}

/** What became of one item: created (201, its score), or what a single create would have answered. */
export type ItemOutcome =
  { index: number; status: 201; view: ScoreView } | { index: number; status: number; errors: Record<string, unknown> };

export interface BatchOutcome {
  /** Atomic and not every item valid: nothing was written. */
  rejected: boolean;
  items: ItemOutcome[];
}

interface Prepared {
  index: number;
  score: Score;
  view: ScoreView;
}

const itemValidation = new RequestValidationPipe();
const NOT_WRITTEN = { detail: 'Not written: the batch is atomic and another of its items failed.' };
/** A valid item of an atomic batch that another item failed. */
const FAILED_DEPENDENCY = 424;

/** An item's body validated as `POST /api/scores/` validates its body (same pipe, same errors). */
const validated = (item: unknown): CreateScoreRequest =>
  itemValidation.transform(item, { type: 'body', metatype: CreateScoreRequest }) as CreateScoreRequest;

/** The answer a single create would have given for `error` (a 4xx in the DRF dialect); anything unexpected is rethrown. */
function failure(index: number, error: unknown): ItemOutcome {
  const apiError = toApiError(error, { method: 'POST' });
  if (apiError.kind === 'internal' || apiError.kind === 'unavailable') throw error;
  const rendered = renderDrfError(apiError);
  return { index, status: rendered.status, errors: rendered.body as Record<string, unknown> };
}

/** The unique key of a general score: (log, evaluator slug, scorer), nulls alike. */
const logKeyOf = (score: Score): string => JSON.stringify([score.logId, score.evaluatorSlug, score.scorer]);

/** Raised inside the atomic write's transaction to roll it back. */
class AtomicBatchRejected extends Error {
  constructor(readonly inserted: Set<string>) {
    super('atomic batch rejected');
  }
}

/**
 * `POST /api/scores/batch/`: each item validated and created exactly as a single create (the same
 * pipe, rules and errors), the evaluators of all items found in one query, the scores and their
 * revisions written in one statement.
 */
@Injectable()
export class ScoreBatchService {
  constructor(
    private readonly batches: ScoreBatchRepository,
    private readonly evaluators: EvaluatorsService,
  ) {}

  async create(writer: ScoreWriter, items: readonly unknown[], atomic: boolean): Promise<BatchOutcome> {
    const failures = new Map<number, ItemOutcome>();
    const bodies: { index: number; body: CreateScoreRequest }[] = [];
    items.forEach((item, index) => {
      try {
        const body = validated(item);
        checkInputs(body.inputs);
        requireLogId(body);
        bodies.push({ index, body });
      } catch (error) {
        failures.set(index, failure(index, error));
      }
    });
    const lookup = await this.lookup(writer.organizationId, bodies);
    const now = new Date();
    const prepared: Prepared[] = [];
    const keys = new Set<string>();
    for (const { index, body } of bodies) {
      try {
        const resolved = await resolveEvaluatorReference(lookup, body);
        const score = newScore(writtenFields('create', body, resolved), writer.organizationId, now);
        // A sequence of single creates would find the earlier item's row holding the key.
        const logKey = logKeyOf(score);
        if (keys.has(logKey)) throw logKeyTaken();
        keys.add(logKey);
        prepared.push({ index, score, view: { score, evaluator: resolved.evaluator } });
      } catch (error) {
        failures.set(index, failure(index, error));
      }
    }
    if (atomic && failures.size > 0) return outcome(items.length, [], failures, true);
    const { inserted, rolledBack } = await this.write(writer, prepared, atomic);
    // Another row (or a concurrent write) holds the key: what a single create would have answered.
    for (const { index, score } of prepared) if (!inserted.has(score.id)) failures.set(index, failure(index, logKeyTaken()));
    const created = rolledBack ? [] : prepared.filter(({ score }) => inserted.has(score.id));
    return outcome(items.length, created, failures, rolledBack);
  }

  /** Looks up every evaluator the bodies name, in one query. */
  private async lookup(organizationId: string, bodies: { body: CreateScoreRequest }[]): Promise<EvaluatorLookup> {
    const ids = bodies.flatMap(({ body }) => (body.evaluator_id ? [body.evaluator_id] : []));
    const slugs = bodies.flatMap(({ body }) => (body.evaluator_slug ? [body.evaluator_slug] : []));
    const { byId, bySlug } = await this.evaluators.liveByReferences(organizationId, ids, slugs);
    return {
      byId: (id) => Promise.resolve(byId.get(id.toLowerCase()) ?? null),
      bySlug: (slug) => Promise.resolve(bySlug.get(slug) ?? null),
    };
  }

  /** Writes the prepared scores; an atomic batch that met a taken key is rolled back (`rolledBack`). */
  private async write(writer: ScoreWriter, prepared: Prepared[], atomic: boolean): Promise<{ inserted: Set<string>; rolledBack: boolean }> {
    if (prepared.length === 0) return { inserted: new Set(), rolledBack: false };
    const scores = prepared.map(({ score }) => score);
    if (!atomic) return { inserted: await this.batches.insertNew(scores, writer.actor), rolledBack: false };
    try {
      const inserted = await this.batches.transaction(async () => {
        const written = await this.batches.insertNew(scores, writer.actor);
        if (written.size < scores.length) throw new AtomicBatchRejected(written);
        return written;
      });
      return { inserted, rolledBack: false };
    } catch (error) {
      if (!(error instanceof AtomicBatchRejected)) throw error;
      return { inserted: error.inserted, rolledBack: true };
    }
  }
}

/** Every item's outcome in request order; the valid items of a rejected atomic batch were not written (424). */
function outcome(count: number, created: Prepared[], failures: Map<number, ItemOutcome>, rejected: boolean): BatchOutcome {
  const views = new Map(created.map(({ index, view }) => [index, view]));
  const items = Array.from({ length: count }, (_, index): ItemOutcome => {
    const failed = failures.get(index);
    if (failed) return failed;
    const view = views.get(index);
    return view ? { index, status: 201, view } : { index, status: FAILED_DEPENDENCY, errors: { ...NOT_WRITTEN } };
  });
  return { rejected, items };
}
