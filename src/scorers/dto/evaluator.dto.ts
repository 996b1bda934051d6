import { PartialType } from '@nestjs/swagger';
import { RespanParameters, RespanSchema } from '../../common/openapi/schema-styles';
import {
  ValidateDateTime,
  ValidateEnum,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateString,
} from '../../common/validation/validation';
import { EVALUATOR_TYPES, SCORE_VALUE_TYPES } from '../scorer-kinds';

const SLUG_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]*$';
const SCORE_CONFIG = 'Value bounds: {min_score, max_score, choices: [{name, value}]}.';
const PASSING_CONDITIONS = 'When a score passes: {"primary_score": {"operator", "value"}}.';

@RespanSchema('Evaluator')
export class EvaluatorResponse {
  @ValidateString({ description: 'Evaluator ID.' })
  id: string;

  @ValidateString({ description: 'Human-readable evaluator name.' })
  name: string;

  @ValidateString({ description: 'Slug that scores use to name this evaluator.' })
  evaluator_slug: string;

  @ValidateString({ description: 'The same as evaluator_slug (the name Respan’s SDK reads).' })
  slug: string;

  @ValidateEnum(EVALUATOR_TYPES, { description: 'Evaluator execution type.' })
  type: string;

  @ValidateEnum(SCORE_VALUE_TYPES, { nullable: true, description: 'Which value field its scores use.' })
  score_value_type: string | null;

  @ValidateJson('object', { nullable: true, description: SCORE_CONFIG })
  score_config: Record<string, unknown> | null;

  @ValidateJson('object', { nullable: true, description: PASSING_CONDITIONS })
  passing_conditions: Record<string, unknown> | null;

  @ValidateString({ description: 'What the evaluator measures; empty when none was given.' })
  description: string;

  @ValidateString({ each: true, description: 'Tags.' })
  tags: string[];

  @ValidateDateTime({ description: 'When the evaluator was created.' })
  created_at: string;

  @ValidateDateTime({ description: 'When the evaluator last changed.' })
  updated_at: string;
}

@RespanSchema('CreateEvaluatorRequest')
export class CreateEvaluatorRequest {
  @ValidateString({ minLength: 1, maxLength: 255, description: 'Human-readable evaluator name.' })
  name: string;

  @ValidateString({
    optional: true,
    minLength: 1,
    maxLength: 100,
    pattern: SLUG_PATTERN,
    description: 'Unique slug; on create, derived from the name when absent.',
  })
  evaluator_slug?: string;

  @ValidateEnum(EVALUATOR_TYPES, { description: 'Evaluator execution type.' })
  type: (typeof EVALUATOR_TYPES)[number];

  @ValidateEnum(SCORE_VALUE_TYPES, { description: 'Which value field its scores use.' })
  score_value_type: (typeof SCORE_VALUE_TYPES)[number];

  @ValidateJson('object', { optional: true, nullable: true, description: SCORE_CONFIG })
  score_config?: Record<string, unknown> | null;

  @ValidateJson('object', { optional: true, nullable: true, description: PASSING_CONDITIONS })
  passing_conditions?: Record<string, unknown> | null;

  @ValidateString({
    optional: true,
    nullable: true,
    default: '',
    maxLength: 10000,
    description: 'What the evaluator measures; null means none ("").',
  })
  description?: string | null;

  @ValidateString({ each: true, optional: true, maxItems: 100, maxLength: 255, description: 'Tags.' })
  tags?: string[];
}

/** PATCH: any field of a create; `null` only where the create accepts it. */
@RespanSchema('UpdateEvaluatorRequest')
export class UpdateEvaluatorRequest extends PartialType(CreateEvaluatorRequest, { skipNullProperties: false }) {}

@RespanSchema('PaginatedEvaluators')
export class PaginatedEvaluators {
  @ValidateInt({ description: 'Total number of evaluators.' })
  count: number;

  @ValidateString({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @ValidateString({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ValidateModel(() => EvaluatorResponse, { each: true })
  results: EvaluatorResponse[];
}

@RespanParameters()
export class EvaluatorIdParams {
  @ValidateString({ maxLength: 100, description: 'Evaluator ID returned as id in evaluator responses.' })
  id: string;
}
