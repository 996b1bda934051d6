import { Injectable } from '@nestjs/common';
import { type FilterQuery, LockMode, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { ScoreRevision, type ScoreOperation } from './entities/score-revision.entity';
import { Score } from './entities/score.entity';
import type { ScoreCondition, SortKey } from './score-filters';
import { scoreSnapshot } from './score.mapper';
import { orderOf, whereOf } from './score-where';

/** Where one score is looked for: its id, and on log-scoped routes its log too. */
export interface ScoreLocator {
  organizationId: string;
  id: string;
  logId?: string;
}

const whereLocated = ({ organizationId, id, logId }: ScoreLocator): FilterQuery<Score> => ({
  organizationId,
  id,
  ...(logId !== undefined ? { logId } : {}),
});

/** Queries on scores and their revisions, each scoped to one organization. */
@Injectable()
export class ScoresRepository {
  constructor(private readonly em: EntityManager) {}

  /** Runs `work` in one transaction (the queries of this and the scorers' repository inside it take part); flushes at the end. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }

  /** A new score, inserted at the next flush. */
  add(data: RequiredEntityData<Score>): Score {
    return this.em.create(Score, data);
  }

  /** Records the score's current state as its revision `score.revision`, inserted at the next flush. */
  addRevision(score: Score, operation: ScoreOperation, actor: string): ScoreRevision {
    return this.em.create(ScoreRevision, {
      organizationId: score.organizationId,
      score,
      revision: score.revision,
      operation,
      values: scoreSnapshot(score),
      actor,
      at: score.updatedAt,
    });
  }

  find(locator: ScoreLocator): Promise<Score | null> {
    return this.em.findOne(Score, whereLocated(locator));
  }

  /** The score, row-locked until the transaction ends (call inside `transaction`). */
  lock(locator: ScoreLocator): Promise<Score | null> {
    return this.em.findOne(Score, whereLocated(locator), { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The score of (log, evaluator slug, scorer), row-locked (call inside `transaction`). */
  lockByLogKey(organizationId: string, logId: string, evaluatorSlug: string, scorer: string): Promise<Score | null> {
    return this.em.findOne(
      Score,
      { organizationId, logId, evaluatorSlug, scorer },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** Deletes the score (its revisions go with it); `revision` makes it conditional. */
  async delete(locator: ScoreLocator, revision?: number): Promise<boolean> {
    const where = { ...whereLocated(locator), ...(revision !== undefined ? { revision } : {}) } as FilterQuery<Score>;
    return (await this.em.nativeDelete(Score, where)) > 0;
  }

  private where(organizationId: string, conditions: ScoreCondition[]): FilterQuery<Score> {
    return conditions.length ? { $and: [{ organizationId }, ...conditions.map(whereOf)] } : { organizationId };
  }

  count(organizationId: string, conditions: ScoreCondition[]): Promise<number> {
    return this.em.count(Score, this.where(organizationId, conditions));
  }

  page(organizationId: string, conditions: ScoreCondition[], sortBy: SortKey, offset: number, limit: number): Promise<Score[]> {
    return this.em.find(Score, this.where(organizationId, conditions), { orderBy: orderOf(sortBy), offset, limit });
  }

  countRevisions(organizationId: string, scoreId: string): Promise<number> {
    return this.em.count(ScoreRevision, { organizationId, score: { organizationId, id: scoreId } });
  }

  revisions(organizationId: string, scoreId: string, offset: number, limit: number): Promise<ScoreRevision[]> {
    return this.em.find(
      ScoreRevision,
      { organizationId, score: { organizationId, id: scoreId } },
      { orderBy: { revision: 'asc' }, offset, limit },
    );
  }
}
