import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import type { FilterCondition } from '../../../src/common/query/filter.compiler';
import { bucketPlan } from '../../../src/scores/summary/summary-buckets';
import { type SummaryRequest, parseCompare, parseGroupBy } from '../../../src/scores/summary/summary-request';

const eq = (target: string, ...values: string[]): FilterCondition => ({ target, operator: 'eq', values, type: 'text' });
const request = (conditions: FilterCondition[], groupBy: SummaryRequest['groupBy'] = [], compare: SummaryRequest['compare'] = null) => ({
  organizationId: 'o',
  conditions,
  groupBy,
  compare,
  percentiles: true,
});

describe('summary request options', () => {
  it('reads group_by as comma-separated fields, evaluator implied', () => {
    expect(parseGroupBy(undefined)).toEqual([]);
    expect(parseGroupBy('evaluator, environment,day')).toEqual(['environment', 'day']);
    expect(() => parseGroupBy('colour')).toThrow(RequestValidationException);
  });

  it('reads compare as <field>:<a>,<b>, integers for prompt versions', () => {
    expect(parseCompare('prompt_version_number:1,2', [])).toEqual({ field: 'prompt_version_number', a: 1, b: 2 });
    expect(parseCompare('environment:a:b,c', [])).toEqual({ field: 'environment', a: 'a:b', b: 'c' });
    for (const sent of ['prompt_version_number:1.5,2', 'scorer:a', 'scorer:a,b,c', 'type:a,b', 'scorer:,b']) {
      expect(() => parseCompare(sent, [])).toThrow(RequestValidationException);
    }
  });
});

describe('which summaries the running buckets answer', () => {
  it('answers equality on the evaluator and at most one dimension across filters, groups and the comparison', () => {
    expect(bucketPlan(request([]))?.dimension).toBe('evaluator');
    expect(bucketPlan(request([eq('evaluatorId', '6f1c2a52-0000-4000-8000-000000000001')], ['day']))?.dimension).toBe('evaluator');
    expect(bucketPlan(request([eq('environment', 'a', 'b')], ['environment', 'day']))?.dimension).toBe('environment');
    expect(bucketPlan(request([], [], { field: 'prompt_version_number', a: 1, b: 2 }))).toMatchObject({
      dimension: 'prompt_version_number',
      conditions: [{ target: 'value', values: ['1', '2'], type: 'text' }],
    });
  });

  it('leaves the rest to the rows', () => {
    expect(bucketPlan(request([eq('environment', 'a')], ['dataset_id']))).toBeUndefined();
    expect(bucketPlan(request([], ['scorer', 'prompt_id']))).toBeUndefined();
    expect(bucketPlan(request([eq('logId', 'x')]))).toBeUndefined();
    expect(bucketPlan(request([{ ...eq('environment', 'a'), operator: 'icontains' }]))).toBeUndefined();
    expect(bucketPlan(request([{ target: 'createdAt', operator: 'gte', values: [new Date()] }]))).toBeUndefined();
    expect(bucketPlan(request([eq('evaluatorId', '00000000-0000-0000-0000-000000000000')]))).toBeUndefined();
  });
});
