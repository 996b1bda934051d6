import { Injectable } from '@nestjs/common';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { type FilterCondition, compileWhere } from '../../common/query/filter.compiler';
import { ScoreSummaryBucket } from '../entities/score-summary-bucket.entity';
import { Score } from '../entities/score.entity';
import { type BucketPlan, bucketPlan } from './summary-buckets';
import { type Source, categoriesSql, comparisonSql, momentsSql, percentilesSql } from './summary-sql';
import { type GroupField, type GroupValue, type SummaryRequest, comparedCondition } from './summary-request';

/** An SQL relation and its parameters. */
interface Part {
  sql: string;
  params: readonly unknown[];
}

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
  private rows(organizationId: string, conditions: readonly FilterCondition[]): Part {
    const query = this.em
      .createQueryBuilder(Score)
      .select('*')
      .where(compileWhere<Score>({ organizationId }, conditions) as QBFilterQuery<Score>)
      .toQuery();
    return { sql: `(${query.sql})`, params: query.params };
  }

  private buckets(organizationId: string, plan: BucketPlan): Part {
    const scope = { organizationId, dimension: plan.dimension };
    const query = this.em
      .createQueryBuilder(ScoreSummaryBucket)
      .select('*')
      .where(compileWhere<ScoreSummaryBucket>(scope, plan.conditions) as QBFilterQuery<ScoreSummaryBucket>)
      .toQuery();
    return { sql: `(${query.sql})`, params: query.params };
  }

  /**
   * The parts of a summary in one statement, each as a JSON array of its rows in its statement's order:
   * one snapshot (the numbers agree with each other under concurrent writes), one round trip, and a single
   * statement may still be served by a replica.
   */
  private async together(parts: Record<keyof Omit<SummaryRows, 'source'>, Part | null>): Promise<Record<string, SummaryRow[]>> {
    const present = Object.entries(parts).filter((entry): entry is [string, Part] => entry[1] !== null);
    const columns = present.map(([name, part]) => `(select coalesce(jsonb_agg(to_jsonb(p)), '[]'::jsonb) from (${part.sql}) p) as ${name}`);
    const [row] = await this.em.execute<Record<string, SummaryRow[]>[]>(
      `select ${columns.join(', ')}`,
      present.flatMap(([, part]) => [...part.params]),
    );
    return row;
  }

  async summarize(request: SummaryRequest): Promise<SummaryRows> {
    const { organizationId, conditions, groupBy, compare, percentiles } = request;
    const plan = bucketPlan(request);
    const rows = this.rows(organizationId, conditions);
    // The plan's conditions end with the comparison's, which only the comparison statement applies.
    const relation = plan ? this.buckets(organizationId, { ...plan, conditions: plan.conditions.slice(0, conditions.length) }) : rows;
    const source: Source = plan ? 'buckets' : 'rows';
    const compared =
      compare && (plan ? this.buckets(organizationId, plan) : this.rows(organizationId, [...conditions, comparedCondition(compare)]));
    const found = await this.together({
      moments: { sql: momentsSql(source, groupBy, relation.sql, percentiles), params: relation.params },
      percentiles: plan && percentiles ? { sql: percentilesSql(groupBy, rows.sql), params: rows.params } : null,
      categories: { sql: categoriesSql(source, groupBy, relation.sql), params: relation.params },
      comparison:
        compare && compared ? { sql: comparisonSql(source, groupBy, compared.sql, compare.field), params: compared.params } : null,
    });
    return {
      source,
      moments: found.moments,
      percentiles: plan ? (found.percentiles ?? []) : found.moments,
      categories: found.categories,
      comparison: found.comparison ?? [],
    };
  }
}
