import type { FilterCondition } from '../../common/query/filter.compiler';
import { NO_EVALUATOR_KEY } from '../entities/score-count.entity';
import type { BucketDimension } from '../entities/score-summary.triggers';
import { type CompareField, type GroupField, type SummaryRequest, comparedCondition } from './summary-request';

/** Which bucket property a condition on a score property reads, and the dimension it needs. */
const BUCKET_TARGETS: Record<string, { property: 'evaluatorKey' | 'evaluatorSlug' | 'value'; dimension?: BucketDimension }> = {
  evaluatorId: { property: 'evaluatorKey' },
  evaluatorSlug: { property: 'evaluatorSlug' },
  environment: { property: 'value', dimension: 'environment' },
  datasetId: { property: 'value', dimension: 'dataset_id' },
  promptId: { property: 'value', dimension: 'prompt_id' },
  promptVersionNumber: { property: 'value', dimension: 'prompt_version_number' },
  scorer: { property: 'value', dimension: 'scorer' },
};

/** The buckets that answer a summary: one dimension's, and the list conditions as conditions on bucket columns. */
export interface BucketPlan {
  dimension: BucketDimension;
  conditions: FilterCondition[];
}

const onBucket = (condition: FilterCondition): FilterCondition | null => {
  const bucketTarget = typeof condition.target === 'string' ? BUCKET_TARGETS[condition.target] : undefined;
  if (!bucketTarget || condition.operator !== 'eq') return null;
  if (bucketTarget.property === 'evaluatorKey' && condition.values.some((value) => String(value) === NO_EVALUATOR_KEY)) return null;
  const values = bucketTarget.property === 'value' ? condition.values.map(String) : condition.values;
  const type = bucketTarget.property === 'value' ? 'text' : condition.type;
  return { ...condition, target: bucketTarget.property, values, type, nullable: false };
};

const dimensionOf = (condition: FilterCondition): BucketDimension | undefined =>
  typeof condition.target === 'string' ? BUCKET_TARGETS[condition.target]?.dimension : undefined;

/**
 * The buckets answer exactly when every condition is an equality on the evaluator or on one grouping
 * dimension, and the groups, the conditions and the comparison together use at most one dimension
 * (buckets hold one dimension each, and whole UTC days). Otherwise (undefined) the rows are read.
 */
export function bucketPlan(request: SummaryRequest): BucketPlan | undefined {
  const conditions = request.compare ? [...request.conditions, comparedCondition(request.compare)] : [...request.conditions];
  const mapped = conditions.map(onBucket);
  if (mapped.some((condition) => condition === null)) return undefined;
  const dimensions = new Set<BucketDimension>([
    ...request.groupBy.filter((field): field is Exclude<GroupField, 'day'> => field !== 'day'),
    ...conditions.map(dimensionOf).filter((dimension) => dimension !== undefined),
    ...(request.compare ? [request.compare.field satisfies CompareField] : []),
  ]);
  if (dimensions.size > 1) return undefined;
  const [dimension = 'evaluator'] = [...dimensions];
  return { dimension, conditions: mapped as FilterCondition[] };
}
