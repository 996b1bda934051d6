import { RespanParameters, RespanSchema } from '../../common/openapi/schema-styles';
import { DateTimeField, EnumField, IntField, ListField, ObjectField, StringField } from '../../common/validation/fields';
import { EVALUATOR_TYPES, SCORE_VALUE_TYPES } from '../scorer-kinds';

const SLUG_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]*$';

@RespanSchema('Evaluator')
export class EvaluatorResponse {
  @StringField({ description: 'Evaluator ID.' })
  id: string;

  @StringField({ description: 'Human-readable evaluator name.' })
  name: string;

  @StringField({ description: 'Slug that scores use to name this evaluator.' })
  evaluator_slug: string;

  @StringField({ description: 'The same as evaluator_slug (the name Respan’s SDK reads).' })
  slug: string;

  @EnumField(EVALUATOR_TYPES, { description: 'Evaluator execution type.' })
  type: string;

  @EnumField(SCORE_VALUE_TYPES, { nullable: true, description: 'Which value field its scores use.' })
  score_value_type: string | null;

  @ObjectField({ nullable: true, description: 'Value bounds: {min_score, max_score, choices: [{name, value}]}.' })
  score_config: Record<string, unknown> | null;

  @ObjectField({ nullable: true, description: 'When a score passes: {"primary_score": {"operator", "value"}}.' })
  passing_conditions: Record<string, unknown> | null;

  @StringField({ description: 'What the evaluator measures; empty when none was given.' })
  description: string;

  @ListField({ kind: 'string' }, { description: 'Tags.' })
  tags: string[];

  @DateTimeField({ description: 'When the evaluator was created.' })
  created_at: string;

  @DateTimeField({ description: 'When the evaluator last changed.' })
  updated_at: string;
}

@RespanSchema('CreateEvaluatorRequest')
export class CreateEvaluatorRequest {
  @StringField({ minLength: 1, maxLength: 255, description: 'Human-readable evaluator name.' })
  name: string;

  @StringField({
    required: false,
    minLength: 1,
    maxLength: 100,
    pattern: SLUG_PATTERN,
    description: 'Unique slug; derived from the name when absent.',
  })
  evaluator_slug?: string;

  @EnumField(EVALUATOR_TYPES, { description: 'Evaluator execution type.' })
  type: (typeof EVALUATOR_TYPES)[number];

  @EnumField(SCORE_VALUE_TYPES, { description: 'Which value field its scores use.' })
  score_value_type: (typeof SCORE_VALUE_TYPES)[number];

  @ObjectField({ required: false, nullable: true, description: 'Value bounds: {min_score, max_score, choices: [{name, value}]}.' })
  score_config?: Record<string, unknown> | null;

  @ObjectField({ required: false, nullable: true, description: 'When a score passes: {"primary_score": {"operator", "value"}}.' })
  passing_conditions?: Record<string, unknown> | null;

  @StringField({
    required: false,
    nullable: true,
    default: '',
    maxLength: 10000,
    description: 'What the evaluator measures; null means none ("").',
  })
  description?: string | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, maxLength: 100, description: 'Tags.' })
  tags?: string[];
}

@RespanSchema('UpdateEvaluatorRequest')
export class UpdateEvaluatorRequest {
  @StringField({ required: false, minLength: 1, maxLength: 255, description: 'Human-readable evaluator name.' })
  name?: string;

  @StringField({ required: false, minLength: 1, maxLength: 100, pattern: SLUG_PATTERN, description: 'Unique slug.' })
  evaluator_slug?: string;

  @EnumField(EVALUATOR_TYPES, { required: false, description: 'Evaluator execution type.' })
  type?: (typeof EVALUATOR_TYPES)[number];

  @EnumField(SCORE_VALUE_TYPES, { required: false, description: 'Which value field its scores use.' })
  score_value_type?: (typeof SCORE_VALUE_TYPES)[number];

  @ObjectField({ required: false, nullable: true, description: 'Value bounds: {min_score, max_score, choices: [{name, value}]}.' })
  score_config?: Record<string, unknown> | null;

  @ObjectField({ required: false, nullable: true, description: 'When a score passes: {"primary_score": {"operator", "value"}}.' })
  passing_conditions?: Record<string, unknown> | null;

  @StringField({
    required: false,
    nullable: true,
    default: '',
    maxLength: 10000,
    description: 'What the evaluator measures; null means none ("").',
  })
  description?: string | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, maxLength: 100, description: 'Tags.' })
  tags?: string[];
}

@RespanSchema('PaginatedEvaluators')
export class PaginatedEvaluators {
  @IntField({ description: 'Total number of evaluators.' })
  count: number;

  @StringField({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @StringField({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ListField(() => EvaluatorResponse)
  results: EvaluatorResponse[];
}

@RespanParameters()
export class EvaluatorIdParams {
  @StringField({ maxLength: 100, description: 'Evaluator ID returned as id in evaluator responses.' })
  id: string;
}
