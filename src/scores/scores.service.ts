import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type Principal, actorName } from '../auth/principal';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import { type DrfPageQuery, pageOffset } from '../common/paging/drf-page';
import { EvaluatorsService, type ResolvedEvaluator } from '../scorers/evaluators.service';
import type { CreateScoreRequest, ReplaceScoreRequest, ScoreResponse, UpdateScoreRequest } from './dto/score.dto';
import { IDENTIFIER_MAX_LENGTH } from './dto/score-fields';
import type { ScoreRevision } from './entities/score-revision.entity';
import type { Score } from './entities/score.entity';
import { IdempotencyService, type StoredResponse } from './idempotency.service';
import { checkIfMatch } from './score-etag';
import type { ScoreCondition, SortKey } from './score-filters';
import { type ScoreView, toScoreResponse } from './score.mapper';
import type { WritableField } from './score-rows';
import {
  type LogScope,
  type ProducerFields,
  type ScoreFields,
  applyUpdate,
  checkInputs,
  producerFields,
  replacedFields,
  requireLogId,
} from './score-writes';
import { type ScoreLocator, ScoresRepository } from './scores.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_KEY_CONSTRAINT = 'scores_log_evaluator_scorer_unique';
/** What a PATCH may change. */
const VALUE_UPDATE: WritableField[] = ['numericalValue', 'stringValue', 'booleanValue', 'categoricalValue', 'jsonValue', 'isPassed'];

const isLogKeyViolation = (error: unknown): boolean =>
  error instanceof UniqueConstraintViolationException && String(error.message).includes(LOG_KEY_CONSTRAINT);

/** A general write colliding with another score of the same (log, evaluator, scorer): DRF's unique-together error. */
function translated(error: unknown): unknown {
  if (!isLogKeyViolation(error)) return error;
  return new RequestValidationException([
    {
      type: 'unique',
      loc: ['body'],
      msg: 'Value error, the fields log_id, evaluator_slug, scorer must make a unique set',
      drfMsg: 'The fields log_id, evaluator_slug, scorer must make a unique set.',
    },
  ]);
}

/** A score id that is not a UUID names nothing: 404 as DRF answers, before any query. */
function located(locator: ScoreLocator): ScoreLocator {
  if (!UUID.test(locator.id)) throw new ResourceNotFoundException('Score');
  return locator;
}

const notFound = (): never => {
  throw new ResourceNotFoundException('Score');
};

/** The scorer of log-scoped writes: the caller, bounded like every indexed identifier. */
const logScope = (principal: Principal, logId: string): LogScope => ({
  logId,
  scorer: actorName(principal).slice(0, IDENTIFIER_MAX_LENGTH),
});

/** Score rules: evaluator resolution, typed values and is_passed, revisions, If-Match, idempotent creates. */
@Injectable()
export class ScoresService {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly evaluators: EvaluatorsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async get(locator: ScoreLocator): Promise<ScoreView> {
    return (await this.scores.findWithEvaluator(located(locator))) ?? notFound();
  }

  async list(
    organizationId: string,
    conditions: ScoreCondition[],
    sortBy: SortKey,
    page: DrfPageQuery,
  ): Promise<{ count: number; views: ScoreView[] }> {
    const count = await this.scores.count(organizationId, conditions);
    const offset = pageOffset(page, count);
    const scores = count > offset ? await this.scores.page(organizationId, conditions, sortBy, offset, page.page_size) : [];
    const ids = new Set(scores.flatMap((score) => (score.evaluatorId ? [score.evaluatorId] : [])));
    const evaluators = await this.evaluators.liveByIds(organizationId, [...ids]);
    return {
      count,
      views: scores.map((score) => ({ score, evaluator: score.evaluatorId ? (evaluators.get(score.evaluatorId) ?? null) : null })),
    };
  }

  async history(locator: ScoreLocator, page: DrfPageQuery): Promise<{ count: number; revisions: ScoreRevision[] }> {
    if (!(await this.scores.find(located(locator)))) notFound();
    const count = await this.scores.countRevisions(locator.organizationId, locator.id);
    const offset = pageOffset(page, count);
    return { count, revisions: await this.scores.revisions(locator.organizationId, locator.id, offset, page.page_size) };
  }

  /** `POST /api/scores/`: 201 with the score; with an Idempotency-Key, a retry replays the first answer. */
  async create(principal: Principal, body: CreateScoreRequest, idempotencyKey?: string): Promise<StoredResponse<ScoreResponse>> {
    const organizationId = principal.organizationId;
    checkInputs(body.inputs);
    requireLogId(body);
    const claim = this.idempotency.claim(idempotencyKey, body);
    const replay = claim && (await this.idempotency.replay<ScoreResponse>(organizationId, claim));
    if (replay) return replay;
    const resolved = await this.resolve(organizationId, body);
    const fields = { ...replacedFields(body, resolved), ...producerFields(body) };
    try {
      if (!claim)
        return { status: 201, body: toScoreResponse({ score: await this.insert(principal, fields), evaluator: resolved.evaluator }) };
      return await this.scores.transaction(async () => {
        const score = await this.insert(principal, fields);
        const response = { status: 201, body: toScoreResponse({ score, evaluator: resolved.evaluator }) };
        if (claim) this.idempotency.remember(organizationId, claim, response);
        return response;
      });
    } catch (error) {
      const concurrent =
        claim &&
        error instanceof UniqueConstraintViolationException &&
        (await this.idempotency.replay<ScoreResponse>(organizationId, claim));
      if (concurrent) return concurrent;
      throw translated(error);
    }
  }

  /** `POST /api/logs/{log_id}/scores/`: creates the score of (log, evaluator, caller), or replaces it. */
  async upsertForLog(principal: Principal, logId: string, body: CreateScoreRequest): Promise<{ created: boolean; view: ScoreView }> {
    checkInputs(body.inputs);
    const scope = logScope(principal, logId);
    const resolved = await this.resolve(principal.organizationId, body);
    const fields = { ...replacedFields(body, resolved, scope), ...producerFields(body) };
    const write = () =>
      this.scores.transaction(async () => {
        const existing = await this.scores.lockByLogKey(principal.organizationId, logId, fields.evaluatorSlug, scope.scorer);
        const score = existing ? await this.rewrite(principal, existing, 'replace', fields) : await this.insert(principal, fields);
        return { created: !existing, view: { score, evaluator: resolved.evaluator } };
      });
    try {
      return await write();
    } catch (error) {
      // Another request created the same (log, evaluator, scorer) score first: this one becomes its update.
      if (isLogKeyViolation(error)) return write();
      throw error;
    }
  }

  /** PUT: every field of the body is set, the others reset; the evaluator is resolved anew. `log_id` is required as on create. */
  async replace(principal: Principal, locator: ScoreLocator, body: ReplaceScoreRequest, ifMatch?: string): Promise<ScoreView> {
    const scope = locator.logId !== undefined ? logScope(principal, locator.logId) : undefined;
    try {
      return await this.scores.transaction(async () => {
        const score = (await this.scores.lock(located(locator))) ?? notFound();
        checkIfMatch(ifMatch, score.revision);
        if (!scope) requireLogId(body);
        const resolved = await this.resolve(locator.organizationId, body);
        await this.rewrite(principal, score, 'replace', replacedFields(body, resolved, scope));
        return { score, evaluator: resolved.evaluator };
      });
    } catch (error) {
      throw translated(error);
    }
  }

  /** PATCH: only the value fields sent change; the merged values are re-checked. The row lock keeps concurrent PATCHes whole. */
  update(principal: Principal, locator: ScoreLocator, body: UpdateScoreRequest, ifMatch?: string): Promise<ScoreView> {
    return this.scores.transaction(async () => {
      const { score, evaluator } = (await this.scores.lockWithEvaluator(located(locator))) ?? notFound();
      checkIfMatch(ifMatch, score.revision);
      applyUpdate(score, body, evaluator);
      await this.recordWrite(principal, score, 'update', VALUE_UPDATE);
      return { score, evaluator };
    });
  }

  /** DELETE: the score and its revisions; with If-Match only while the score is unchanged. */
  async delete(locator: ScoreLocator, ifMatch?: string): Promise<void> {
    located(locator);
    if (ifMatch === undefined) {
      if (!(await this.scores.delete(locator))) notFound();
      return;
    }
    await this.scores.transaction(async () => {
      const score = (await this.scores.lock(locator)) ?? notFound();
      checkIfMatch(ifMatch, score.revision);
      await this.scores.delete(locator);
    });
  }

  private resolve(organizationId: string, body: ReplaceScoreRequest): Promise<ResolvedEvaluator> {
    return this.evaluators.resolveForScore(organizationId, { evaluatorId: body.evaluator_id, evaluatorSlug: body.evaluator_slug });
  }

  private async insert(principal: Principal, fields: ScoreFields & ProducerFields): Promise<Score> {
    const now = new Date();
    return this.scores.insert(
      { ...fields, organizationId: principal.organizationId, revision: 1, createdAt: now, updatedAt: now },
      actorName(principal),
    );
  }

  private async rewrite(
    principal: Principal,
    score: Score,
    operation: 'replace',
    fields: ScoreFields | (ScoreFields & ProducerFields),
  ): Promise<Score> {
    Object.assign(score, fields);
    await this.recordWrite(principal, score, operation, Object.keys(fields) as WritableField[]);
    return score;
  }

  /** Saves the fields a write changed, with the next revision. */
  private async recordWrite(principal: Principal, score: Score, operation: 'replace' | 'update', changed: WritableField[]): Promise<void> {
    score.revision += 1;
    score.updatedAt = new Date();
    await this.scores.save(score, [...changed, 'revision', 'updatedAt'], { operation, actor: actorName(principal) });
  }
}
