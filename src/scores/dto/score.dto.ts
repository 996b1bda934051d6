import { RespanParameters, RespanSchema } from '../../common/openapi/schema-styles';
import {
  BooleanField,
  DateTimeField,
  EnumField,
  IntField,
  ListField,
  NumberField,
  ObjectField,
  StringField,
} from '../../common/validation/fields';
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
  StringField({ required: false, maxLength: IDENTIFIER_MAX_LENGTH, ...(description ? { description } : {}) });

@RespanSchema('Score')
export class ScoreResponse {
  @StringField({ description: 'Score ID.' })
  id: string;

  @DateTimeField({ description: 'When the score was created.' })
  created_at: string;

  @EnumField(EVALUATOR_TYPES, { description: 'Evaluator execution type. Legacy rows may contain legacy type values.' })
  type: string;

  @StringField({ description: 'Environment associated with the score.' })
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

  @BooleanField({ required: false, nullable: true, description: 'Whether the score passes the evaluator conditions.' })
  is_passed: boolean | null;

  @NumberField({ required: false, nullable: true, description: 'Evaluation cost in USD, when available.', openapi: DOUBLE_FORMAT })
  cost: number | null;

  @StringField({ required: false, nullable: true, description: 'Evaluator ID associated with the score.' })
  evaluator_id: string | null;

  @StringField({ required: false, nullable: true, description: 'Evaluator slug associated with the score.' })
  evaluator_slug: string | null;

  @StringField({ required: false, nullable: true, description: 'Human-readable evaluator name, when available.' })
  evaluator_name: string | null;

  @StringField({
    required: false,
    nullable: true,
    description: 'Who or what produced the score. For log-scoped score writes, the backend derives this from the authenticated user.',
  })
  scorer: string | null;

  @StringField({ required: false, nullable: true, description: 'Associated log/span ID.' })
  log_id: string | null;

  @StringField({ required: false, nullable: true, description: 'Associated prompt ID, when available.' })
  prompt_id: string | null;

  @IntField({ required: false, nullable: true, description: 'Associated prompt version number, when available.' })
  prompt_version_number: number | null;

  @StringField({ required: false, nullable: true, description: 'Associated dataset ID, when available.' })
  dataset_id: string | null;

  @StringField({ required: false, nullable: true, description: 'Associated automation ID, when available.' })
  automation_id: string | null;

  @StringField({ required: false, nullable: true, description: 'Evaluation status, when available.' })
  status: string | null;

  @StringField({ required: false, nullable: true, description: 'Evaluation error message, when available.' })
  error_message: string | null;

  @ObjectField({ required: false, description: 'Unified evaluator inputs stored with the score, when available.' })
  inputs: Record<string, unknown>;

  @ObjectField({
    required: false,
    nullable: true,
    description: 'Evaluator metadata when the score is associated with a platform evaluator.',
  })
  evaluator: Record<string, unknown> | null;
}

/** PATCH: only the value fields (seed 002). */
@RespanSchema('UpdateScoreRequest')
export class UpdateScoreRequest {
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

/** PUT: every field a score's writer gives (seed 001); what is not sent is reset. */
@RespanSchema('ReplaceScoreRequest')
export class ReplaceScoreRequest {
  @StringField({ required: false, maxLength: SLUG_MAX_LENGTH, description: 'Evaluator ID. Provide either evaluator_id or evaluator_slug.' })
  evaluator_id?: string;

  @StringField({
    required: false,
    minLength: 1,
    maxLength: SLUG_MAX_LENGTH,
    description: 'Custom evaluator slug. Provide either evaluator_id or evaluator_slug.',
  })
  evaluator_slug?: string;

  @StringField({
    required: false,
    minLength: 1,
    maxLength: IDENTIFIER_MAX_LENGTH,
    description: 'Log/span ID. Required for general score creation when not using the log-scoped route.',
  })
  log_id?: string;

  @DateTimeField({ required: false, description: 'Log timestamp. Supplying it can avoid an additional log lookup.' })
  timestamp?: string;

  @StringField({ required: false, maxLength: IDENTIFIER_MAX_LENGTH, description: 'Score environment.' })
  environment?: string;

  @identifier()
  prompt_id?: string;

  @IntField({ required: false })
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

/** POST: a replace body plus what the producer of a score records with it. */
@RespanSchema('CreateScoreRequest')
export class CreateScoreRequest extends ReplaceScoreRequest {
  @NumberField({ required: false, nullable: true, description: 'Evaluation cost in USD, when available.', openapi: DOUBLE_FORMAT })
  cost?: number | null;

  @StringField({ required: false, nullable: true, maxLength: IDENTIFIER_MAX_LENGTH, description: 'Evaluation status, when available.' })
  status?: string | null;

  @StringField({ required: false, nullable: true, description: 'Evaluation error message, when available.' })
  error_message?: string | null;

  @ObjectField({ required: false, description: 'Unified evaluator inputs stored with the score (JSON, at most 32 levels deep).' })
  inputs?: Record<string, unknown>;
}

@RespanSchema('PaginatedScores')
export class PaginatedScores {
  @IntField({ description: 'Total number of scores.' })
  count: number;

  @StringField({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @StringField({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ListField(() => ScoreResponse)
  results: ScoreResponse[];
}

@RespanParameters()
export class ScoreIdParams {
  @StringField({ description: 'Score ID returned as id in score responses.' })
  id: string;
}

@RespanParameters()
export class LogIdParams {
  @StringField({ maxLength: IDENTIFIER_MAX_LENGTH, description: 'Log/span ID the scores belong to.' })
  log_id: string;
}

@RespanParameters()
export class LogScoreParams extends LogIdParams {
  @StringField({ description: 'Score ID returned as id in score responses.' })
  score_id: string;
}
