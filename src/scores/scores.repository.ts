import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { detached } from '../database/detached';
import { Scorer } from '../scorers/entities/scorer.entity';
import { NO_EVALUATOR_KEY } from './entities/score-count.entity';
import { ScoreRevision } from './entities/score-revision.entity';
import { Score } from './entities/score.entity';
import type { ScoreCondition, SortKey } from './score-filters';
import { type RevisionOf, type WritableField, insertScoreSql, updateScoreSql } from './score-rows';
import type { ScoreView } from './score.mapper';
import { orderOf, whereOf } from './score-where';

/** Where one score is looked for: its id, and on log-scoped routes its log too. */
export interface ScoreLocator {
  organizationId: string;
  id: string;
  logId?: string;
}

/** `where` of one score: by id, and on log-scoped routes by its log too. */
const located = ({ organizationId, id, logId }: ScoreLocator, alias = ''): { sql: string; params: string[] } =>
  logId === undefined
    ? { sql: `${alias}organization_id = ? and ${alias}id = ?`, params: [organizationId, id] }
    : { sql: `${alias}organization_id = ? and ${alias}id = ? and ${alias}log_id = ?`, params: [organizationId, id, logId] };

/** A score with its live evaluator (a deleted one is no evaluator) as one JSON column: one statement instead of two. */
const WITH_LIVE_EVALUATOR = `select s.*, to_jsonb(e) as live_evaluator from scores s
  left join scorers e on e.organization_id = s.organization_id and e.id = s.evaluator_id and e.deleted_at is null`;

const whereLocated = ({ organizationId, id, logId }: ScoreLocator): FilterQuery<Score> => ({
  organizationId,
  id,
  ...(logId !== undefined ? { logId } : {}),
});

/** The evaluator whose kept count answers these conditions (null: the whole organization's), or undefined when the rows must be counted. */
function countedEvaluator(conditions: ScoreCondition[]): string | null | undefined {
  if (conditions.length === 0) return null;
  const [only] = conditions;
  const single = conditions.length === 1 && only.column === 'evaluatorId' && only.operator === '' && only.values.length === 1;
  return single && String(only.values[0]) !== NO_EVALUATOR_KEY ? String(only.values[0]) : undefined;
}

/**
 * Queries on scores and their revisions, each scoped to one organization. Score rows are read and
 * written with explicit SQL (single-row writes through the unit of work cost several times the
 * statements they send); the scores returned are plain data, never flushed.
 */
@Injectable()
export class ScoresRepository {
  constructor(private readonly em: EntityManager) {}

  /** Runs `work` in one transaction (the queries of this and the scorers' repository inside it take part). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }

  /** Inserts a new score and its first revision, in one statement. */
  async insert(data: Omit<Score, 'id'>, actor: string): Promise<Score> {
    const score: Score = { ...data, id: randomUUID() };
    const { sql, params } = insertScoreSql(score, { operation: 'create', actor });
    await this.em.execute(sql, params);
    return score;
  }

  /** Writes the given fields of the score back to its row and records its revision `score.revision`, in one statement. */
  async save(score: Score, fields: readonly WritableField[], revision: RevisionOf): Promise<void> {
    const { sql, params } = updateScoreSql(score, fields, revision);
    await this.em.execute(sql, params);
  }

  private async one(sql: string, params: unknown[]): Promise<Score | null> {
    return detached(this.em, Score, await this.em.execute(sql, params))[0] ?? null;
  }

  find(locator: ScoreLocator): Promise<Score | null> {
    const where = located(locator);
    return this.one(`select * from scores where ${where.sql}`, where.params);
  }

  /** The score, row-locked until the transaction ends (call inside `transaction`). */
  lock(locator: ScoreLocator): Promise<Score | null> {
    const where = located(locator);
    return this.one(`select * from scores where ${where.sql} for update`, where.params);
  }

  private async oneWithEvaluator(sql: string, params: unknown[]): Promise<ScoreView | null> {
    const [row] = await this.em.execute<Record<string, unknown>[]>(sql, params);
    if (!row) return null;
    const { live_evaluator: evaluator, ...score } = row;
    return {
      score: detached(this.em, Score, [score])[0],
      evaluator: evaluator ? detached(this.em, Scorer, [evaluator as Record<string, unknown>])[0] : null,
    };
  }

  /** The score and its live evaluator. */
  findWithEvaluator(locator: ScoreLocator): Promise<ScoreView | null> {
    const where = located(locator, 's.');
    return this.oneWithEvaluator(`${WITH_LIVE_EVALUATOR} where ${where.sql}`, where.params);
  }

  /** The score, row-locked until the transaction ends (its evaluator's row is only read), and its live evaluator. */
  lockWithEvaluator(locator: ScoreLocator): Promise<ScoreView | null> {
    const where = located(locator, 's.');
    return this.oneWithEvaluator(`${WITH_LIVE_EVALUATOR} where ${where.sql} for update of s`, where.params);
  }

  /** The score of (log, evaluator slug, scorer), row-locked (call inside `transaction`). */
  lockByLogKey(organizationId: string, logId: string, evaluatorSlug: string, scorer: string): Promise<Score | null> {
    return this.one('select * from scores where organization_id = ? and log_id = ? and evaluator_slug = ? and scorer = ? for update', [
      organizationId,
      logId,
      evaluatorSlug,
      scorer,
    ]);
  }

  /** Deletes the score (its revisions go with it); `revision` makes it conditional. */
  async delete(locator: ScoreLocator, revision?: number): Promise<boolean> {
    const where = { ...whereLocated(locator), ...(revision !== undefined ? { revision } : {}) } as FilterQuery<Score>;
    return (await this.em.nativeDelete(Score, where)) > 0;
  }

  private where(organizationId: string, conditions: ScoreCondition[]): FilterQuery<Score> {
    return conditions.length ? { $and: [{ organizationId }, ...conditions.map(whereOf)] } : { organizationId };
  }

  /** The organization's count kept by `score_counts` when the conditions are none or one evaluator; otherwise the rows counted. */
  async count(organizationId: string, conditions: ScoreCondition[]): Promise<number> {
    const evaluator = countedEvaluator(conditions);
    if (evaluator === undefined) return this.em.count(Score, this.where(organizationId, conditions));
    const [row] = await this.em.execute<{ count: string | number }[]>(
      `select coalesce(sum(count), 0) as count from score_counts where organization_id = ?${evaluator === null ? '' : ' and evaluator_key = ?'}`,
      evaluator === null ? [organizationId] : [organizationId, evaluator],
    );
    return Number(row.count);
  }

  /** A page of scores as plain data (the query built by the ORM, the rows not made entities). */
  async page(organizationId: string, conditions: ScoreCondition[], sortBy: SortKey, offset: number, limit: number): Promise<Score[]> {
    const rows = await this.em
      .createQueryBuilder(Score)
      .select('*')
      .where(this.where(organizationId, conditions) as QBFilterQuery<Score>)
      .orderBy(orderOf(sortBy))
      .offset(offset)
      .limit(limit)
      .execute('all');
    return rows as Score[];
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
