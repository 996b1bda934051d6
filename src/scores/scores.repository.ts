import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { type FilterCondition, compileWhere } from '../common/query/filter.compiler';
import { detached } from '../database/detached';
import { Scorer } from '../scorers/entities/scorer.entity';
import type { SortKey } from './dto/score-list.dto';
import { ScoreRevision, type ScoreOperation } from './entities/score-revision.entity';
import { Score } from './entities/score.entity';
import { orderOf } from './filters/score-filter.fields';
import { daySeekQuery } from './list/day-seek';
import { keptCountQuery } from './list/kept-counts';
import { type ScoreField, type ScoreWrite, columnParameter, fieldsSetBy, revisionSnapshot } from './model/score-field-table';
import type { ScoreLocator, ScoreView } from './model/score.types';

/** What a write records as the score's revision `score.revision`. */
export interface RevisionOf {
  operation: ScoreOperation;
  actor: string;
}

/** Inserts the revision of the row `written` (the CTE of the write), so that a write and its revision are one statement. */
const REVISION_OF_WRITTEN =
  'insert into score_revisions (organization_id, id, score_id, revision, operation, values, actor, at) select organization_id, ?, id, ?, ?, ?, ?, ? from written';

const INSERTED = fieldsSetBy('insert');
const INSERT_WITH_REVISION = `with written as (insert into scores (${INSERTED.map((field) => field.column).join(', ')}) values (${INSERTED.map(() => '?').join(', ')}) returning organization_id, id) ${REVISION_OF_WRITTEN}`;

/** The statement of each update: the fields its write sets (see the field table), then the revision. */
const UPDATES = Object.fromEntries(
  (['update', 'replace', 'create'] as const).map((write) => {
    const fields = fieldsSetBy(write);
    const assignments = fields.map((field) => `${field.column} = ?`).join(', ');
    const sql = `with written as (update scores set ${assignments} where organization_id = ? and id = ? returning organization_id, id) ${REVISION_OF_WRITTEN}`;
    return [write, { fields, sql }];
  }),
) as Record<Exclude<ScoreWrite, 'insert'>, { fields: readonly ScoreField[]; sql: string }>;

const parametersOf = (score: Score, fields: readonly ScoreField[]): unknown[] =>
  fields.map((field) => columnParameter(field, score[field.property]));

const revisionParameters = (score: Score, revision: RevisionOf): unknown[] => [
  randomUUID(),
  score.revision,
  revision.operation,
  JSON.stringify(revisionSnapshot(score)),
  revision.actor,
  score.updatedAt,
];

/** `where` of one score: by id, and on log-scoped routes by its log too. */
const located = ({ organizationId, id, logId }: ScoreLocator, alias = ''): { sql: string; params: string[] } =>
  logId === undefined
    ? { sql: `${alias}organization_id = ? and ${alias}id = ?`, params: [organizationId, id] }
    : { sql: `${alias}organization_id = ? and ${alias}id = ? and ${alias}log_id = ?`, params: [organizationId, id, logId] };

/** A score with its live evaluator (a deleted one is no evaluator) as one JSON column: one statement instead of two. */
const WITH_LIVE_EVALUATOR = `select s.*, to_jsonb(e) as live_evaluator from scores s
  left join scorers e on e.organization_id = s.organization_id and e.id = s.evaluator_id and e.deleted_at is null`;

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
  async insert(score: Score, actor: string): Promise<void> {
    await this.em.execute(INSERT_WITH_REVISION, [
      ...parametersOf(score, INSERTED),
      ...revisionParameters(score, { operation: 'create', actor }),
    ]);
  }

  /** Writes the fields `write` sets back to the score's row and records its revision `score.revision`, in one statement. */
  async save(score: Score, write: Exclude<ScoreWrite, 'insert'>, revision: RevisionOf): Promise<void> {
    const { fields, sql } = UPDATES[write];
    await this.em.execute(sql, [...parametersOf(score, fields), score.organizationId, score.id, ...revisionParameters(score, revision)]);
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

  /** Deletes the score (its revisions go with it). */
  async delete({ organizationId, id, logId }: ScoreLocator): Promise<boolean> {
    const where: FilterQuery<Score> = logId === undefined ? { organizationId, id } : { organizationId, id, logId };
    return (await this.em.nativeDelete(Score, where)) > 0;
  }

  /** The count kept by `score_counts` or `score_filter_counts` when the conditions allow it (list/kept-counts.ts); otherwise the rows counted. */
  async count(organizationId: string, conditions: readonly FilterCondition[]): Promise<number> {
    const kept = keptCountQuery(organizationId, conditions);
    if (!kept) return this.em.count(Score, compileWhere<Score>({ organizationId }, conditions));
    const [row] = await this.em.execute<{ count: string | number }[]>(kept.sql, kept.params);
    return Number(row.count);
  }

  /**
   * A page of scores as plain data (the query built by the ORM, the rows not made entities). A deep page
   * sorted by `created_at` starts from the day of its first row (list/day-seek.ts) instead of reading
   * every row before it.
   */
  async page(
    organizationId: string,
    conditions: readonly FilterCondition[],
    sortBy: SortKey,
    offset: number,
    limit: number,
  ): Promise<Score[]> {
    const seekQuery = daySeekQuery(organizationId, conditions, sortBy, offset);
    const seek = seekQuery?.seekOf((await this.em.execute<{ day: string; before: string }[]>(seekQuery.sql, seekQuery.params))[0]);
    const rows = await this.em
      .createQueryBuilder(Score)
      .select('*')
      .where(compileWhere<Score>({ organizationId }, seek ? [...conditions, seek.condition] : conditions) as QBFilterQuery<Score>)
      .orderBy(orderOf(sortBy))
      .offset(offset - (seek?.skipped ?? 0))
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
