import { Injectable } from '@nestjs/common';
import type { ScoreSummaryComparison, ScoreSummaryResponse, ScoreSummaryResult, ScoreSummarySide } from './dto/score-summary.dto';
import { ScoreSummaryRepository, type SummaryRow, groupKey, groupValues } from './score-summary.repository';
import { newcombeDifference, welchDifference, wilsonInterval } from './summary-statistics';
import type { FilterCondition } from '../../common/query/filter.compiler';
import { type Comparison, type SummaryRequest, parseCompare, parseGroupBy } from './summary-request';

/** The summary options as sent (query string of both routes). */
export interface SummaryOptions {
  group_by?: string;
  compare?: string;
  percentiles: boolean;
}

const integer = (value: unknown): number => Number(value ?? 0);
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const rate = (passed: number, count: number): number | null => (count > 0 ? passed / count : null);

function numerical(moments: SummaryRow, percentiles: SummaryRow | undefined, asked: boolean): ScoreSummaryResult['numerical'] {
  const count = integer(moments.numeric_count);
  if (count === 0) return null;
  const [p50, p90, p99] = asked && percentiles ? (percentiles.percentiles as number[]).map(Number) : [null, null, null];
  return {
    count,
    mean: Number(moments.mean),
    stddev: count < 2 ? null : numberOrNull(moments.stddev),
    min: Number(moments.min),
    max: Number(moments.max),
    p50,
    p90,
    p99,
  };
}

function side(value: string | number, row: SummaryRow | undefined): ScoreSummarySide {
  const count = integer(row?.count);
  const passed = integer(row?.passed);
  const numericCount = integer(row?.numeric_count);
  return {
    value,
    count,
    passed,
    pass_rate: rate(passed, count),
    numerical_count: numericCount,
    mean: numericCount > 0 ? numberOrNull(row?.mean) : null,
    stddev: numericCount > 1 ? numberOrNull(row?.stddev) : null,
  };
}

function comparisonOf(compare: Comparison, rows: Map<string, SummaryRow> | undefined): ScoreSummaryComparison {
  const a = side(compare.a, rows?.get(String(compare.a)));
  const b = side(compare.b, rows?.get(String(compare.b)));
  const both = a.pass_rate !== null && b.pass_rate !== null;
  const means = a.mean !== null && b.mean !== null;
  const sample = (s: ScoreSummarySide) => ({ count: s.numerical_count, mean: s.mean ?? 0, stddev: s.stddev ?? 0 });
  return {
    a,
    b,
    pass_rate_diff: both ? b.pass_rate! - a.pass_rate! : null,
    pass_rate_diff_ci95: newcombeDifference(a, b),
    mean_diff: means ? b.mean! - a.mean! : null,
    mean_diff_ci95: welchDifference(sample(a), sample(b)),
  };
}

/** Rows keyed by group, and within a group by the extra key column `g<groups>` (a choice, a compared value). */
function byGroup(rows: SummaryRow[], groups: number): Map<string, Map<string, SummaryRow>> {
  const map = new Map<string, Map<string, SummaryRow>>();
  for (const row of rows) {
    const key = groupKey(row, groups);
    if (!map.has(key)) map.set(key, new Map());
    map.get(key)!.set(String(row[`g${groups}`]), row);
  }
  return map;
}

/** Score summaries (contract §9): the database aggregates, this shapes the answer and adds the intervals. */
@Injectable()
export class ScoreSummaryService {
  constructor(private readonly summaries: ScoreSummaryRepository) {}

  /** The summary of the rows `conditions` select in the organization; unknown group_by or compare fields are a 400 naming the parameter. */
  summarize(organizationId: string, conditions: readonly FilterCondition[], options: SummaryOptions): Promise<ScoreSummaryResponse> {
    const groupBy = parseGroupBy(options.group_by);
    const compare = parseCompare(options.compare, groupBy);
    return this.compute({ organizationId, conditions, groupBy, compare, percentiles: options.percentiles });
  }

  private async compute(request: SummaryRequest): Promise<ScoreSummaryResponse> {
    const groups = request.groupBy.length;
    const rows = await this.summaries.summarize(request);
    const percentiles = new Map(rows.percentiles.map((row) => [groupKey(row, groups), row]));
    const categories = byGroup(rows.categories, groups);
    const comparisons = byGroup(rows.comparison, groups);
    const results = rows.moments.map((moments): ScoreSummaryResult => {
      const key = groupKey(moments, groups);
      const count = integer(moments.count);
      const passed = integer(moments.passed);
      const booleans = { true: integer(moments.true_count), false: integer(moments.false_count) };
      const choices = categories.get(key);
      return {
        evaluator_id: moments.evaluator_id,
        evaluator_slug: moments.evaluator_slug,
        group: groupValues(moments, request.groupBy),
        count,
        passed,
        pass_rate: rate(passed, count),
        pass_rate_ci95: wilsonInterval(passed, count),
        numerical: numerical(moments, percentiles.get(key), request.percentiles),
        boolean: booleans.true + booleans.false > 0 ? booleans : null,
        categories: choices ? Object.fromEntries([...choices].map(([choice, row]) => [choice, integer(row.n)])) : null,
        ...(request.compare ? { comparison: comparisonOf(request.compare, comparisons.get(key)) } : {}),
      };
    });
    return { results };
  }
}
