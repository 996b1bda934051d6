import { MikroORM } from '@mikro-orm/core';
import { type Tenant, withServices } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';

/** Runs SQL on the suite's database, as the application's connection. */
export function sql<T = Record<string, unknown>>(t: TestApp, statement: string, params: unknown[] = []): Promise<T[]> {
  return withServices(t.app, () => t.app.get(MikroORM).em.getConnection().execute<T[]>(statement, params));
}

/** Each group_by field as a plain SQL expression over `scores` (written apart from the service's). */
const GROUP_SQL: Record<string, string> = {
  environment: 'environment',
  dataset_id: 'dataset_id',
  prompt_id: 'prompt_id',
  prompt_version_number: 'prompt_version_number',
  scorer: 'scorer',
  day: `((created_at at time zone 'UTC')::date)::text`,
};

const Z = 1.959964;
const WILSON = (sign: '-' | '+') =>
  `case when count(*) > 0 then ((avg(is_passed::int) + ${Z * Z} / (2.0 * count(*)))
    ${sign} ${Z} * sqrt(avg(is_passed::int) * (1 - avg(is_passed::int)) / count(*) + ${Z * Z} / (4.0 * count(*) * count(*))))
    / (1 + ${Z * Z} / count(*)) end`;

export type Row = Record<string, any>;

/** The summary of the organization's scores where `where` holds, computed directly from the rows, keyed as `keyOf` keys results. */
export async function directSummary(
  t: TestApp,
  tenant: Tenant,
  where: string,
  params: unknown[],
  groupBy: string[],
): Promise<Map<string, Row>> {
  const groups = groupBy.map((field, index) => `${GROUP_SQL[field]} as g${index}`);
  const keys = ['evaluator_id', 'evaluator_slug', ...groupBy.map((_field, index) => `g${index}`)].join(', ');
  const from = `from scores where organization_id = ? and (${where})`;
  const rows = await sql<Row>(
    t,
    `select ${['evaluator_id', 'evaluator_slug', ...groups].join(', ')}, count(*)::int as count, count(*) filter (where is_passed)::int as passed,
      ${WILSON('-')} as wilson_low, ${WILSON('+')} as wilson_high,
      count(numerical_value)::int as n, avg(numerical_value) as mean, stddev_samp(numerical_value) as stddev,
      min(numerical_value) as min, max(numerical_value) as max,
      percentile_cont(0.5) within group (order by numerical_value) as p50,
      percentile_cont(0.9) within group (order by numerical_value) as p90,
      percentile_cont(0.99) within group (order by numerical_value) as p99,
      count(*) filter (where boolean_value)::int as true_count, count(*) filter (where not boolean_value)::int as false_count
     ${from} group by ${keys}`,
    [tenant.organizationId, ...params],
  );
  const choices = await sql<Row>(
    t,
    `select ${keys}, choice, count(distinct id)::int as n from (
       select scores.*, ${groups.join(', ')}${groups.length ? ', ' : ''}element as choice
       ${from.replace('from scores', 'from scores cross join lateral jsonb_array_elements_text(categorical_value) as element')}) chosen
     group by ${keys}, choice`,
    [tenant.organizationId, ...params],
  );
  const expected = new Map<string, Row>();
  const keyOf = (row: Row) => JSON.stringify([row.evaluator_id, row.evaluator_slug, ...groupBy.map((_field, index) => row[`g${index}`])]);
  for (const row of rows) expected.set(keyOf(row), { ...row, categories: null });
  for (const choice of choices) {
    const row = expected.get(keyOf(choice))!;
    row.categories = { ...(row.categories ?? {}), [choice.choice]: choice.n };
  }
  return expected;
}

/** A result's key: its evaluator and its group values in `group_by` order. */
export const resultKey = (result: Row, groupBy: string[]) =>
  JSON.stringify([result.evaluator_id, result.evaluator_slug, ...groupBy.map((field) => result.group[field])]);

const close = (actual: number | null, expected: unknown) => {
  if (expected === null || expected === undefined) return expect(actual).toBeNull();
  const value = Number(expected);
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
};

/** Every number of `results` equals the direct computation (floats to 1e-9 relative). */
export function expectSummaryEquals(results: Row[], expected: Map<string, Row>, groupBy: string[], percentiles = true): void {
  expect(results.map((result) => resultKey(result, groupBy)).sort()).toEqual([...expected.keys()].sort());
  for (const result of results) {
    const row = expected.get(resultKey(result, groupBy))!;
    expect([result.count, result.passed]).toEqual([row.count, row.passed]);
    close(result.pass_rate, row.count ? row.passed / row.count : null);
    if (row.count === 0) expect(result.pass_rate_ci95).toBeNull();
    else [0, 1].forEach((index) => close(result.pass_rate_ci95[index], [row.wilson_low, row.wilson_high][index]));
    if (row.n === 0) expect(result.numerical).toBeNull();
    else {
      expect(result.numerical.count).toBe(row.n);
      for (const field of ['mean', 'stddev', 'min', 'max']) close(result.numerical[field], row[field]);
      for (const field of ['p50', 'p90', 'p99']) close(result.numerical[field], percentiles ? row[field] : null);
    }
    const booleans = row.true_count + row.false_count;
    expect(result.boolean).toEqual(booleans ? { true: row.true_count, false: row.false_count } : null);
    expect(result.categories).toEqual(row.categories);
  }
}
