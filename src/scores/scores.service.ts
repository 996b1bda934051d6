import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type Principal, actorName } from '../auth/principal';
import { ResourceNotFoundException } from '../common/errors/api-exceptions';
import { type DrfPageQuery, pageOffset } from '../common/paging/drf-page';
import type { FilterCondition } from '../common/query/filter.compiler';
import { EvaluatorsService } from '../scorers/evaluators.service';
import type { SortKey } from './dto/score-list.dto';
import type { CreateScoreRequest, ReplaceScoreRequest, UpdateScoreRequest } from './dto/score.dto';
import { IDENTIFIER_MAX_LENGTH } from './dto/score-fields';
import type { ScoreRevision } from './entities/score-revision.entity';
import type { Score } from './entities/score.entity';
import type { LogScope, ScoreLocator, ScoreView } from './model/score.types';
import { type ResolvedEvaluator, resolveEvaluatorReference } from './rules/evaluator-reference.rules';
import { checkIfMatch } from './rules/if-match.rules';
import {
  type WrittenFields,
  applyUpdate,
  checkInputs,
  logKeyTaken,
  newScore,
  requireLogId,
  writtenFields,
} from './rules/score-write.rules';
import { ScoresRepository } from './scores.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_KEY_CONSTRAINT = 'scores_log_evaluator_scorer_unique';

const isLogKeyViolation = (error: unknown): boolean =>
  error instanceof UniqueConstraintViolationException && String(error.message).includes(LOG_KEY_CONSTRAINT);

/** A general write colliding with another score of the same (log, evaluator, scorer): DRF's unique-together error. */
const translated = (error: unknown): unknown => (isLogKeyViolation(error) ? logKeyTaken() : error);

/** A score id that is not a UUID names nothing: 404 as DRF answers, before any query. */
function validLocator(locator: ScoreLocator): ScoreLocator {
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

/** Score rules: evaluator resolution, typed values and is_passed, revisions, If-Match, the log-scoped upsert. */
@Injectable()
export class ScoresService {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly evaluators: EvaluatorsService,
  ) {}

  async get(locator: ScoreLocator): Promise<ScoreView> {
    return (await this.scores.findWithEvaluator(validLocator(locator))) ?? notFound();
  }

  async list(
    organizationId: string,
    conditions: readonly FilterCondition[],
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
    if (!(await this.scores.find(validLocator(locator)))) notFound();
    const count = await this.scores.countRevisions(locator.organizationId, locator.id);
    const offset = pageOffset(page, count);
    return { count, revisions: await this.scores.revisions(locator.organizationId, locator.id, offset, page.page_size) };
  }

  /** `POST /api/scores/`: a new score of the body's log (an idempotent retry never reaches here). */
  async create(principal: Principal, body: CreateScoreRequest): Promise<ScoreView> {
    checkInputs(body.inputs);
    requireLogId(body);
    const resolved = await this.resolve(principal.organizationId, body);
    try {
      return { score: await this.insert(principal, writtenFields('create', body, resolved)), evaluator: resolved.evaluator };
    } catch (error) {
      throw translated(error);
    }
  }

  /** `POST /api/logs/{log_id}/scores/`: creates the score of (log, evaluator, caller), or replaces it. */
  async upsertForLog(principal: Principal, logId: string, body: CreateScoreRequest): Promise<{ created: boolean; view: ScoreView }> {
    checkInputs(body.inputs);
    const scope = logScope(principal, logId);
    const resolved = await this.resolve(principal.organizationId, body);
    const fields = writtenFields('create', body, resolved, scope);
    const write = () =>
      this.scores.transaction(async () => {
        const existing = await this.scores.lockByLogKey(principal.organizationId, logId, resolved.slug, scope.scorer);
        const score = existing
          ? await this.rewrite(principal, Object.assign(existing, fields), 'create')
          : await this.insert(principal, fields);
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
        const score = (await this.scores.lock(validLocator(locator))) ?? notFound();
        checkIfMatch(ifMatch, score.revision);
        if (!scope) requireLogId(body);
        const resolved = await this.resolve(locator.organizationId, body);
        await this.rewrite(principal, Object.assign(score, writtenFields('replace', body, resolved, scope)), 'replace');
        return { score, evaluator: resolved.evaluator };
      });
    } catch (error) {
      throw translated(error);
    }
  }

  /** PATCH: only the value fields sent change; the merged values are re-checked. The row lock keeps concurrent PATCHes whole. */
  update(principal: Principal, locator: ScoreLocator, body: UpdateScoreRequest, ifMatch?: string): Promise<ScoreView> {
    return this.scores.transaction(async () => {
      const { score, evaluator } = (await this.scores.lockWithEvaluator(validLocator(locator))) ?? notFound();
      checkIfMatch(ifMatch, score.revision);
      applyUpdate(score, body, evaluator);
      await this.rewrite(principal, score, 'update');
      return { score, evaluator };
    });
  }

  /** DELETE: the score and its revisions; with If-Match only while the score is unchanged. */
  async delete(locator: ScoreLocator, ifMatch?: string): Promise<void> {
    validLocator(locator);
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
    return resolveEvaluatorReference(
      {
        byId: (id) => this.evaluators.findLive(organizationId, id),
        bySlug: (slug) => this.evaluators.findLiveBySlug(organizationId, slug),
      },
      body,
    );
  }

  private async insert(principal: Principal, fields: WrittenFields): Promise<Score> {
    const score = newScore(fields, principal.organizationId, new Date());
    await this.scores.insert(score, actorName(principal));
    return score;
  }

  /**
   * Saves what a write sets with the next revision: `create` for the log-scoped upsert (its body is a
   * create body), `replace` for PUT, `update` for PATCH; the revision is a replace for the first two.
   */
  private async rewrite(principal: Principal, score: Score, write: 'create' | 'replace' | 'update'): Promise<Score> {
    score.revision += 1;
    score.updatedAt = new Date();
    await this.scores.save(score, write, { operation: write === 'update' ? 'update' : 'replace', actor: actorName(principal) });
    return score;
  }
}
