import { Injectable } from '@nestjs/common';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { type FilterCondition, compileWhere } from '../../common/query/filter.compiler';
import { ScoreSummaryBucket } from '../entities/score-summary-bucket.entity';
import { Score } from '../entities/score.entity';
import { type BucketPlan, bucketPlan } from './summary-buckets';
import { type Source, categoriesSql, comparisonSql, momentsSql, percentilesSql } from './summary-sql';
import { FIELD_PROPERTIES, type GroupField, type GroupValue, type SummaryRequest, comparedCondition } from './summary-request';

/** One group's row of a summary statement: the evaluator, the group values g0…, and aggregates (bigint sums as text). */
export type SummaryRow = { evaluator_id: string | null; evaluator_slug: string } & Record<string, unknown>;

/** What the database computed for a summary; the service shapes it. */
export interface SummaryRows {
  source: Source;
  moments: SummaryRow[];
  /** Per group: `percentiles` [p50, p90, p99] (in `moments` when read from rows). */
  percentiles: SummaryRow[];
  /** Per group and choice (`g<n>` after the groups): `n`. */
  categories: SummaryRow[];
  /** Per group and side of the comparison (`g<n>` after the groups, as text). */
  comparison: SummaryRow[];
}

/** The key that ties the rows of one group together across statements. */
export const groupKey = (row: SummaryRow, groups: number): string =>
  JSON.stringify([row.evaluator_id, row.evaluator_slug, ...Array.from({ length: groups }, (_unused, index) => row[`g${index}`])]);

export const groupValues = (row: SummaryRow, groupBy: readonly GroupField[]): Record<string, GroupValue> =>
  Object.fromEntries(groupBy.map((field, index) => [field, row[`g${index}`] as GroupValue]));

/**
 * Summary statements: over the running aggregates of `score_summary_buckets` when they answer the
 * request exactly (see `bucketPlan`), otherwise over the rows the list filter selects, compiled by the
 * same filter compiler as the list. Percentiles are always read from the rows.
 */
@Injectable()
export class ScoreSummaryRepository {
  constructor(private readonly em: EntityManager) {}

  /** The list's query as a relation: `(select … from scores where <filter>)`, with its parameters. */
  private rows(organizationId: string, conditions: readonly FilterCondition[]): { sql: string; params: readonly unknown[] } {
    const query = this.em
      .createQueryBuilder(Score)
      .select('*')
      .where(compileWhere<Score>({ organizationId }, conditions) as QBFilterQuery<Score>)
      .toQuery();
    return { sql: `(${query.sql})`, params: query.params };
  }

  private buckets(organizationId: string, plan: BucketPlan): { sql: string; params: readonly unknown[] } {
    const scope = { organizationId, dimension: plan.dimension };
    const query = this.em
      .createQueryBuilder(ScoreSummaryBucket)
      .select('*')
      .where(compileWhere<ScoreSummaryBucket>(scope, plan.conditions) as QBFilterQuery<ScoreSummaryBucket>)
      .toQuery();
    return { sql: `(${query.sql})`, params: query.params };
  }

  private run(sql: string, params: readonly unknown[]): Promise<SummaryRow[]> {
    return this.em.execute<SummaryRow[]>(sql, [...params]);
  }

  async summarize(request: SummaryRequest): Promise<SummaryRows> {
    const { organizationId, conditions, groupBy, compare, percentiles } = request;
    const plan = bucketPlan(request);
    const rows = this.rows(organizationId, conditions);
    // The plan's conditions end with the comparison's, which only the comparison statement applies.
    const relation = plan ? this.buckets(organizationId, { ...plan, conditions: plan.conditions.slice(0, conditions.length) }) : rows;
    const source: Source = plan ? 'buckets' : 'rows';
    const comparison = async (): Promise<SummaryRow[]> => {
      if (!compare) return [];
      const compared = plan ? this.buckets(organizationId, plan) : this.rows(organizationId, [...conditions, comparedCondition(compare)]);
      return this.run(comparisonSql(source, groupBy, compared.sql, snakeColumn(FIELD_PROPERTIES[compare.field])), compared.params);
    };
    const [moments, percentileRows, categories, compared] = await Promise.all([
      this.run(momentsSql(source, groupBy, relation.sql, percentiles), relation.params),
      plan && percentiles ? this.run(percentilesSql(groupBy, rows.sql), rows.params) : Promise.resolve([]),
      this.run(categoriesSql(source, groupBy, relation.sql), relation.params),
      comparison(),
    ]);
    return { source, moments, percentiles: plan ? percentileRows : moments, categories, comparison: compared };
  }
}

const snakeColumn = (property: string): string => property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
