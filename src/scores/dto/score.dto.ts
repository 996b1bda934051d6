import { PickType } from '@nestjs/swagger';
import { RespanParameters, RespanSchema } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateNumber,
  ValidateString,
} from '../../common/validation/validation';
import { EVALUATOR_TYPES } from '../../scorers/scorer-kinds';
import {
  BooleanValueField,
  CategoricalValueField,
  DOUBLE_FORMAT,
  IDENTIFIER_MAX_LENGTH,
  JsonValueField,
  NumericalValueField,
  SLUG_MAX_LENGTH,
  StringValueField,
} from './score-fields';

export const REPLACE_SCORE_BODY_DESCRIPTION =
  'Use the value field matching the evaluator `score_value_type`: `numerical`/`percentage` -> `numerical_value`, `boolean` -> `boolean_value`, `single_select`/`multi_select`/`categorical` -> `categorical_value`, `text`/`comment` -> `string_value`, `json` -> `json_value`.';

export const UPDATE_SCORE_BODY_DESCRIPTION =
  'Update one or more score values. Use the value field matching the evaluator `score_value_type`: `numerical`/`percentage` -> `numerical_value`, `boolean` -> `boolean_value`, `single_select`/`multi_select`/`categorical` -> `categorical_value`, `text`/`comment` -> `string_value`, `json` -> `json_value`.';

const identifier = (description?: string) =>
  ValidateString({ optional: true, maxLength: IDENTIFIER_MAX_LENGTH, ...(description ? { description } : {}) });

@RespanSchema('Score')
export class ScoreResponse {
  @ValidateString({ description: 'Score ID.' })
  id: string;

  @ValidateDateTime({ description: 'When the score was created.' })
  created_at: string;

  @ValidateEnum(EVALUATOR_TYPES, { description: 'Evaluator execution type. Legacy rows may contain legacy type values.' })
  type: string;

  @ValidateString({ description: 'Environment associated with the score.' })
  environment: string;

  @NumericalValueField()
  numerical_value: number | null;

  @StringValueField()
  string_value: string | null;

  @BooleanValueField()
  boolean_value: boolean | null;

  @CategoricalValueField()
  categorical_value: string[] | null;

  @JsonValueField()
  json_value: string | null;

  @ValidateBoolean({ optional: true, nullable: true, description: 'Whether the score passes the evaluator conditions.' })
  is_passed: boolean | null;

  @ValidateNumber({ optional: true, nullable: true, description: 'Evaluation cost in USD, when available.', schema: DOUBLE_FORMAT })
  cost: number | null;

  @ValidateString({ optional: true, nullable: true, description: 'Evaluator ID associated with the score.' })
  evaluator_id: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Evaluator slug associated with the score.' })
  evaluator_slug: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Human-readable evaluator name, when available.' })
  evaluator_name: string | null;

  @ValidateString({
    optional: true,
    nullable: true,
    description: 'Who or what produced the score. For log-scoped score writes, the backend derives this from the authenticated user.',
  })
  scorer: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Associated log/span ID.' })
  log_id: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Associated prompt ID, when available.' })
  prompt_id: string | null;

  @ValidateInt({ optional: true, nullable: true, description: 'Associated prompt version number, when available.' })
  prompt_version_number: number | null;

  @ValidateString({ optional: true, nullable: true, description: 'Associated dataset ID, when available.' })
  dataset_id: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Associated automation ID, when available.' })
  automation_id: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Evaluation status, when available.' })
  status: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Evaluation error message, when available.' })
  error_message: string | null;

  @ValidateJson('object', { optional: true, description: 'Unified evaluator inputs stored with the score, when available.' })
  inputs: Record<string, unknown>;

  @ValidateJson('object', {
    optional: true,
    nullable: true,
    description: 'Evaluator metadata when the score is associated with a platform evaluator.',
  })
  evaluator: Record<string, unknown> | null;
}

/** PUT: every field a score's writer gives (seed 001); what is not sent is reset. */
@RespanSchema('ReplaceScoreRequest')
export class ReplaceScoreRequest {
  @ValidateString({
    optional: true,
    maxLength: SLUG_MAX_LENGTH,
    description: 'Evaluator ID. Provide either evaluator_id or evaluator_slug.',
  })
  evaluator_id?: string;

  @ValidateString({
    optional: true,
    minLength: 1,
    maxLength: SLUG_MAX_LENGTH,
    description: 'Custom evaluator slug. Provide either evaluator_id or evaluator_slug.',
  })
  evaluator_slug?: string;

  @ValidateString({
    optional: true,
    minLength: 1,
    maxLength: IDENTIFIER_MAX_LENGTH,
    description: 'Log/span ID. Required for general score creation when not using the log-scoped route.',
  })
  log_id?: string;

  @ValidateDateTime({ optional: true, description: 'Log timestamp. Supplying it can avoid an additional log lookup.' })
  timestamp?: string;

  @ValidateString({ optional: true, maxLength: IDENTIFIER_MAX_LENGTH, description: 'Score environment.' })
  environment?: string;

  @identifier()
  prompt_id?: string;

  @ValidateInt({ optional: true })
  prompt_version_number?: number;

  @identifier()
  dataset_id?: string;

  @identifier()
  automation_id?: string;

  @identifier('Optional score producer for general score creation. Log-scoped routes derive this from the authenticated user.')
  scorer?: string;

  @NumericalValueField()
  numerical_value?: number | null;

  @StringValueField()
  string_value?: string | null;

  @BooleanValueField()
  boolean_value?: boolean | null;

  @CategoricalValueField()
  categorical_value?: string[] | null;

  @JsonValueField()
  json_value?: string | null;
}

/** PATCH: only the value fields (seed 002). */
@RespanSchema('UpdateScoreRequest')
export class UpdateScoreRequest extends PickType(ReplaceScoreRequest, [
  'numerical_value',
  'string_value',
  'boolean_value',
  'categorical_value',
  'json_value',
]) {}

/** POST: a replace body plus what the producer of a score records with it. */
@RespanSchema('CreateScoreRequest')
export class CreateScoreRequest extends ReplaceScoreRequest {
  @ValidateNumber({ optional: true, nullable: true, description: 'Evaluation cost in USD, when available.', schema: DOUBLE_FORMAT })
  cost?: number | null;

  @ValidateString({ optional: true, nullable: true, maxLength: IDENTIFIER_MAX_LENGTH, description: 'Evaluation status, when available.' })
  status?: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Evaluation error message, when available.' })
  error_message?: string | null;

  @ValidateJson('object', { optional: true, description: 'Unified evaluator inputs stored with the score (JSON, at most 32 levels deep).' })
  inputs?: Record<string, unknown>;
}

@RespanSchema('PaginatedScores')
export class PaginatedScores {
  @ValidateInt({ description: 'Total number of scores.' })
  count: number;

  @ValidateString({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @ValidateString({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ValidateModel(() => ScoreResponse, { each: true })
  results: ScoreResponse[];
}

@RespanParameters()
export class ScoreIdParams {
  @ValidateString({ description: 'Score ID returned as id in score responses.' })
  id: string;
}

@RespanParameters()
export class LogIdParams {
  @ValidateString({ maxLength: IDENTIFIER_MAX_LENGTH, description: 'Log/span ID the scores belong to.' })
  log_id: string;
}

@RespanParameters()
export class LogScoreParams extends LogIdParams {
  @ValidateString({ description: 'Score ID returned as id in score responses.' })
  score_id: string;
}
