import { randomUUID } from 'node:crypto';
import { createEvaluator } from '../../support/scores';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';

/** The evaluators a mixed batch names: one of each value type, with rules and passing conditions. */
export interface BatchEvaluators {
  numerical: { id: string; evaluator_slug: string };
  percentage: { id: string; evaluator_slug: string };
  boolean: { id: string; evaluator_slug: string };
  single: { id: string; evaluator_slug: string };
  multi: { id: string; evaluator_slug: string };
  text: { id: string; evaluator_slug: string };
}

export async function createBatchEvaluators(t: TestApp, tenant: Tenant): Promise<BatchEvaluators> {
  const slug = (kind: string) => `batch_${kind}_${randomUUID().slice(0, 8)}`;
  const choices = { choices: [{ name: 'good', value: 1 }, { name: 'bad', value: 0 }, { name: 'meh' }] };
  return {
    numerical: await createEvaluator(t, tenant, {
      evaluator_slug: slug('numerical'),
      score_value_type: 'numerical',
      score_config: { min_score: 0, max_score: 10 },
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
    }),
    percentage: await createEvaluator(t, tenant, {
      evaluator_slug: slug('percentage'),
      score_value_type: 'percentage',
      passing_conditions: { primary_score: { operator: 'gt', value: 50 } },
    }),
    boolean: await createEvaluator(t, tenant, {
      evaluator_slug: slug('boolean'),
      score_value_type: 'boolean',
      passing_conditions: { primary_score: { operator: 'eq', value: true } },
    }),
    single: await createEvaluator(t, tenant, {
      evaluator_slug: slug('single'),
      score_value_type: 'single_select',
      score_config: choices,
      passing_conditions: { primary_score: { operator: 'eq', value: 1 } },
    }),
    multi: await createEvaluator(t, tenant, {
      evaluator_slug: slug('multi'),
      score_value_type: 'multi_select',
      score_config: choices,
      passing_conditions: { primary_score: { operator: 'in', value: [1, 'meh'] } },
    }),
    text: await createEvaluator(t, tenant, { evaluator_slug: slug('text'), score_value_type: 'text' }),
  };
}

/**
 * Item `n` of a mixed batch: valid creates of every evaluator type (by id, by slug, by an id in upper
 * case, custom slugs), and every way an item can fail — schema, rules of the evaluator, references,
 * text PostgreSQL cannot store, duplicates of an earlier item's (log, evaluator, scorer) and of a row
 * `taken` names. `prefix` makes the log ids of one run its own.
 */
/** How many kinds of item `mixedItem` cycles through. */
export const MIXED_KINDS = 29;

export function mixedItem(n: number, prefix: string, e: BatchEvaluators, taken: { log_id: string; evaluator_slug: string }): unknown {
  const log_id = `${prefix}-${n}`;
  const base = { log_id, scorer: `scorer-${n % 3}`, environment: n % 4 === 0 ? undefined : 'staging', inputs: { n, q: `question ${n}` } };
  const cases: (() => unknown)[] = [
    () => ({ ...base, evaluator_id: e.numerical.id, numerical_value: n % 11, cost: n / 100, prompt_version_number: n % 5 }),
    () => ({ ...base, evaluator_slug: e.numerical.evaluator_slug, numerical_value: (n % 7) + 0.25, timestamp: '2026-03-04T05:06:07Z' }),
    () => ({ ...base, evaluator_id: e.percentage.id.toUpperCase(), numerical_value: n % 101 }),
    () => ({ ...base, evaluator_slug: e.boolean.evaluator_slug, boolean_value: n % 2 === 0 }),
    () => ({ ...base, evaluator_id: e.single.id, categorical_value: [['good', 'bad', 'meh'][n % 3]] }),
    () => ({
      ...base,
      evaluator_id: e.multi.id,
      evaluator_slug: e.multi.evaluator_slug,
      categorical_value: ['meh', 'good'].slice(0, 1 + (n % 2)),
    }),
    () => ({ ...base, evaluator_slug: e.text.evaluator_slug, string_value: `because ${n}`, json_value: '{"k": [1, 2]}' }),
    () => ({ ...base, evaluator_slug: `custom_${n % 4}`, numerical_value: n, dataset_id: `dataset-${n % 2}`, status: 'done' }),
    // Invalid: the evaluator's rules.
    () => ({ ...base, evaluator_id: e.numerical.id, numerical_value: 11 }),
    () => ({ ...base, evaluator_id: e.percentage.id, numerical_value: -1 }),
    () => ({ ...base, evaluator_id: e.single.id, categorical_value: ['good', 'bad'] }),
    () => ({ ...base, evaluator_id: e.multi.id, categorical_value: ['nope'] }),
    () => ({ ...base, evaluator_id: e.boolean.id }),
    // Invalid: the schema.
    () => ({ ...base, evaluator_slug: 'custom_types', numerical_value: '3' }),
    () => ({ ...base, evaluator_slug: 'custom_types', categorical_value: [1] }),
    () => ({ ...base, evaluator_slug: 'custom_types', prompt_version_number: 2 ** 31 }),
    () => ({ ...base, evaluator_slug: 'x'.repeat(300) }),
    () => ({ ...base, evaluator_slug: 'custom_types', timestamp: 'yesterday' }),
    () => ['not', 'an', 'object'],
    () => (n % 2 ? 'text' : null),
    () => ({ ...base, evaluator_slug: 'custom_types', environment: 'nul\u0000here' }),
    () => ({ ...base, evaluator_slug: 'custom_types', inputs: { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) } }),
    // Invalid: what the body names.
    () => ({ ...base, log_id: undefined, evaluator_id: e.numerical.id, numerical_value: 1 }),
    () => ({ ...base, numerical_value: 1 }),
    () => ({ ...base, evaluator_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, numerical_value: 1 }),
    () => ({ ...base, evaluator_id: 'not-a-uuid', numerical_value: 1 }),
    () => ({ ...base, evaluator_id: e.numerical.id, evaluator_slug: e.boolean.evaluator_slug, numerical_value: 1 }),
    // Invalid: (log, evaluator, scorer) taken — by an earlier item (the custom-slug case 20 items before), or by a row of the database.
    () => ({
      ...base,
      log_id: `${prefix}-${n - 20}`,
      scorer: `scorer-${(n - 20) % 3}`,
      evaluator_slug: `custom_${(n - 20) % 4}`,
      numerical_value: 2,
    }),
    () => ({ ...taken, numerical_value: 2 }),
  ];
  return cases[n % cases.length]();
}
