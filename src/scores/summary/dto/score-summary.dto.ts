import { OmitType, PickType } from '@nestjs/swagger';
import { RespanParameters, RespanSchema } from '../../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateNumber,
  ValidateString,
} from '../../../common/validation/validation';
import { ScoreListQuery } from '../../dto/score-list.dto';

/** A nested model or null, written out (a nullable model reference would be documented as `type: object` beside the null). */
const nullableModel = (name: string) => ({ anyOf: [{ $ref: `#/components/schemas/${name}` }, { type: 'null' }] });
const INTERVAL = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };

/** `GET /api/scores/summary/`: the list's query filters and the summary options. */
@RespanParameters()
export class ScoreSummaryQuery extends OmitType(ScoreListQuery, ['page', 'page_size', 'sort_by']) {
  @ValidateString({
    optional: true,
    maxLength: 200,
    description:
      'Comma-separated grouping fields besides the evaluator (always implied): environment, dataset_id, prompt_id, prompt_version_number, scorer, day (UTC date of created_at).',
  })
  group_by?: string;

  @ValidateString({
    optional: true,
    maxLength: 1000,
    description:
      '`<field>:<a>,<b>` (field one of prompt_version_number, prompt_id, environment, dataset_id, scorer, not grouped by): adds to each result a comparison of its scores with value b against those with value a.',
  })
  compare?: string;

  @ValidateBoolean({ optional: true, default: true, description: 'Compute p50, p90 and p99 from the rows (null when false).' })
  percentiles: boolean = true;
}

/** `POST /api/scores/summary/`: the filters in the body, the summary options in the query string. */
@RespanParameters()
export class ScoreSummaryOptions extends PickType(ScoreSummaryQuery, ['group_by', 'compare', 'percentiles']) {}

@RespanSchema('ScoreSummaryNumerical')
export class ScoreSummaryNumerical {
  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores with a numerical_value.' })
  count: number;

  @ValidateNumber({ description: 'Mean of numerical_value.' })
  mean: number;

  @ValidateNumber({ nullable: true, description: 'Sample standard deviation (n − 1); null below 2 values.' })
  stddev: number | null;

  @ValidateNumber({ description: 'Smallest numerical_value.' })
  min: number;

  @ValidateNumber({ description: 'Largest numerical_value.' })
  max: number;

  @ValidateNumber({ nullable: true, description: 'Median (continuous percentile); null when percentiles=false.' })
  p50: number | null;

  @ValidateNumber({ nullable: true, description: '90th continuous percentile; null when percentiles=false.' })
  p90: number | null;

  @ValidateNumber({ nullable: true, description: '99th continuous percentile; null when percentiles=false.' })
  p99: number | null;
}

@RespanSchema('ScoreSummaryBoolean')
export class ScoreSummaryBoolean {
  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores whose boolean_value is true.' })
  true: number;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores whose boolean_value is false.' })
  false: number;
}

@RespanSchema('ScoreSummarySide')
export class ScoreSummarySide {
  @ValidateJson('any', { description: 'The compared field’s value (an integer for prompt_version_number).' })
  value: string | number;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores with this value.' })
  count: number;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Passing scores with this value.' })
  passed: number;

  @ValidateNumber({ nullable: true, description: 'passed / count; null when count is 0.' })
  pass_rate: number | null;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores with a numerical_value.' })
  numerical_count: number;

  @ValidateNumber({ nullable: true, description: 'Mean of numerical_value; null without values.' })
  mean: number | null;

  @ValidateNumber({ nullable: true, description: 'Sample standard deviation; null below 2 values.' })
  stddev: number | null;
}

@RespanSchema('ScoreSummaryComparison')
export class ScoreSummaryComparison {
  @ValidateModel(() => ScoreSummarySide, { description: 'The scores with value a.' })
  a: ScoreSummarySide;

  @ValidateModel(() => ScoreSummarySide, { description: 'The scores with value b.' })
  b: ScoreSummarySide;

  @ValidateNumber({ nullable: true, description: 'pass_rate(b) − pass_rate(a); null when a side has no scores.' })
  pass_rate_diff: number | null;

  @ValidateJson('any', {
    nullable: true,
    schema: INTERVAL,
    description: 'Newcombe’s hybrid score interval (method 10) at 95 % for pass_rate_diff.',
  })
  pass_rate_diff_ci95: [number, number] | null;

  @ValidateNumber({ nullable: true, description: 'mean(b) − mean(a) of numerical_value; null when a side has no values.' })
  mean_diff: number | null;

  @ValidateJson('any', {
    nullable: true,
    schema: INTERVAL,
    description: 'Welch’s t interval at 95 % for mean_diff; null below 2 values a side.',
  })
  mean_diff_ci95: [number, number] | null;
}

@RespanSchema('ScoreSummaryResult')
export class ScoreSummaryResult {
  @ValidateString({ nullable: true, description: 'The evaluator; null for a custom (unknown-slug) evaluator.' })
  evaluator_id: string | null;

  @ValidateString({ description: 'The scores’ evaluator slug.' })
  evaluator_slug: string;

  @ValidateJson('object', { description: '`{<group_by field>: <value>}` of this result.' })
  group: Record<string, string | number | null>;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Scores in the group.' })
  count: number;

  @ValidateInt({ min: 0, max: Number.MAX_SAFE_INTEGER, description: 'Passing scores (is_passed).' })
  passed: number;

  @ValidateNumber({ nullable: true, description: 'passed / count; null when count is 0.' })
  pass_rate: number | null;

  @ValidateJson('any', { nullable: true, schema: INTERVAL, description: 'Wilson score interval at 95 % (z = 1.959964) for pass_rate.' })
  pass_rate_ci95: [number, number] | null;

  @ValidateJson('any', {
    schema: nullableModel('ScoreSummaryNumerical'),
    description: 'numerical_value statistics; null without values.',
  })
  numerical: ScoreSummaryNumerical | null;

  @ValidateJson('any', {
    schema: nullableModel('ScoreSummaryBoolean'),
    description: 'boolean_value counts; null without values.',
  })
  boolean: ScoreSummaryBoolean | null;

  @ValidateJson('object', {
    nullable: true,
    schema: { additionalProperties: { type: 'integer' } },
    description: '`{choice: scores that chose it}` from categorical_value; null without values.',
  })
  categories: Record<string, number> | null;

  @ValidateModel(() => ScoreSummaryComparison, { optional: true, description: 'With `compare`: value b against value a.' })
  comparison?: ScoreSummaryComparison;
}

@RespanSchema('ScoreSummaryResponse')
export class ScoreSummaryResponse {
  @ValidateModel(() => ScoreSummaryResult, { each: true, description: 'One result per evaluator and group.' })
  results: ScoreSummaryResult[];
}
