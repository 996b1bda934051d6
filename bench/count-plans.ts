import type pg from 'pg';

export interface CountPlans {
  matchingScores: number;
  /** Median execution time of counting the rows (the index-only scan a `count(*)` gets), in ms. */
  rowCountMs: number;
  /** Median execution time of summing the kept per-evaluator counts (`score_counts`), in ms. */
  keptCountMs: number;
  rowCountPlan: string;
}

async function executionMs(client: pg.Client, sql: string, params: unknown[]): Promise<{ ms: number; plan: string }> {
  const { rows } = await client.query<{ 'QUERY PLAN': [{ 'Execution Time': number; Plan: { 'Node Type': string; Plans?: unknown[] } }] }>(
    `explain (analyze, format json) ${sql}`,
    params,
  );
  const [result] = rows[0]['QUERY PLAN'];
  const nodes: string[] = [];
  const walk = (node: { 'Node Type': string; Plans?: unknown[] }) => {
    nodes.push(node['Node Type']);
    (node.Plans as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(result.Plan);
  return { ms: result['Execution Time'], plan: nodes.join(' → ') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The two ways to answer the list's `count` for the listed evaluator, measured on the seeded data. */
export async function measureCountPlans(client: pg.Client, organizationId: string, evaluatorId: string): Promise<CountPlans> {
  const params = [organizationId, evaluatorId];
  const rows: number[] = [];
  const kept: number[] = [];
  let plan = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const counted = await executionMs(client, 'select count(*) from scores where organization_id = $1 and evaluator_id = $2', params);
    rows.push(counted.ms);
    plan = counted.plan;
    kept.push(
      (await executionMs(client, 'select sum(count) from score_counts where organization_id = $1 and evaluator_key = $2', params)).ms,
    );
  }
  const { rows: matching } = await client.query<{ count: string }>(
    'select count(*) from scores where organization_id = $1 and evaluator_id = $2',
    params,
  );
  return {
    matchingScores: Number(matching[0].count),
    rowCountMs: Math.round(median(rows) * 100) / 100,
    keptCountMs: Math.round(median(kept) * 1000) / 1000,
    rowCountPlan: plan,
  };
}
