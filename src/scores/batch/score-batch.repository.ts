import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';
import type { Score } from '../entities/score.entity';
import { fieldsSetBy, revisionSnapshot } from '../model/score-field-table';
import { batchInsertStatement, batchRowsDocument } from './score-batch.statement';

const INSERTED = fieldsSetBy('insert');
/**
 * Sent with bind parameters through the entity manager's Kysely (its transaction when there is one):
 * `em.execute` inlines parameters into the SQL text, and PostgreSQL plans a statement holding its rows
 * document as a literal two to three times slower than one taking it as a parameter.
 */
const INSERT_NEW = batchInsertStatement(INSERTED, '$1', '$2', '$3');

/** The batch's writes: one statement for all its scores and their revisions. */
@Injectable()
export class ScoreBatchRepository {
  constructor(private readonly em: EntityManager) {}

  /** Runs `work` in one transaction (a savepoint inside the idempotency record's). */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }

  /**
   * Inserts the scores with their create revisions (by `actor`) in one statement; a score whose (log,
   * evaluator, scorer) another row holds is skipped. Returns the ids of the scores inserted.
   */
  async insertNew(scores: readonly Score[], actor: string): Promise<Set<string>> {
    if (scores.length === 0) return new Set();
    const rows = batchRowsDocument(INSERTED, scores, 'property', (score) => ({ id: randomUUID(), values: revisionSnapshot(score) }));
    const inserted = await this.em
      .getKysely()
      .executeQuery<{ score_id: string }>(CompiledQuery.raw(INSERT_NEW, [rows, actor, scores[0].organizationId]));
    return new Set(inserted.rows.map((row) => row.score_id));
  }
}
