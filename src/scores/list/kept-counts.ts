import type { FilterCondition } from '../../common/query/filter.compiler';
import { arrayLiteral } from '../../common/query/array-literal';
import { NO_EVALUATOR_KEY } from '../entities/score-count.entity';
import type { KeptFilterField } from '../entities/score-filter-count.triggers';
import type { KeptCountQuery } from './count-query';
import { createdRangeCountQuery } from './time-range-counts';

/** The score properties whose equality counts `score_filter_counts` keeps, by the field it keeps them under. */
const KEPT_PROPERTIES: Readonly<Record<string, KeptFilterField>> = {
  evaluatorSlug: 'evaluator_slug',
  environment: 'environment',
  datasetId: 'dataset_id',
  scorer: 'scorer',
  type: 'type',
  isPassed: 'is_passed',
};

const ORGANIZATION_TOTAL = 'select coalesce(sum(count), 0) from score_counts where organization_id = ?';
const EVALUATORS_TOTAL = `${ORGANIZATION_TOTAL} and evaluator_key = any(?::uuid[])`;
const VALUES_TOTAL =
  'select coalesce(sum(count), 0) from score_filter_counts where organization_id = ? and field = ? and value = any(?::text[])';

/** The rows holding any of the values (each counted once), and for `ne` the organization's other rows (nulls included, as `not` keeps them). */
function ofValues(organizationId: string, operator: 'eq' | 'ne', total: string, params: unknown[]): KeptCountQuery {
  if (operator === 'eq') return { sql: `select (${total}) as count`, params: [organizationId, ...params] };
  return { sql: `select (${ORGANIZATION_TOTAL}) - (${total}) as count`, params: [organizationId, organizationId, ...params] };
}

/**
 * The kept counts that answer a list's count exactly: none or one condition, an equality (`''`, `in`)
 * or its negation (`not`) on the evaluator id (`score_counts`) or on a field `score_filter_counts`
 * keeps; or a `created_at` range (time-range-counts.ts). Undefined when the rows must be counted (value
 * ranges, patterns, `empty`, several fields, `log_id`).
 */
export function keptCountQuery(organizationId: string, conditions: readonly FilterCondition[]): KeptCountQuery | undefined {
  if (conditions.length === 0) return { sql: `select (${ORGANIZATION_TOTAL}) as count`, params: [organizationId] };
  if (conditions.every((condition) => condition.target === 'createdAt')) return createdRangeCountQuery(organizationId, conditions);
  if (conditions.length > 1) return undefined;
  const [{ target, operator, values }] = conditions;
  if ((operator !== 'eq' && operator !== 'ne') || typeof target !== 'string') return undefined;
  if (target === 'evaluatorId') {
    const keys = [...new Set(values.map((value) => String(value).toLowerCase()))];
    // A score without an evaluator is kept under this key: a filter naming it must count rows.
    if (keys.includes(NO_EVALUATOR_KEY)) return undefined;
    return ofValues(organizationId, operator, EVALUATORS_TOTAL, [arrayLiteral(keys)]);
  }
  const field = KEPT_PROPERTIES[target];
  if (!field) return undefined;
  const texts = [...new Set(values.map(String))];
  return ofValues(organizationId, operator, VALUES_TOTAL, [field, arrayLiteral(texts)]);
}
