import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import {
  AnyField,
  BooleanField,
  DateTimeField,
  EnumField,
  IntField,
  ListField,
  NestedField,
  ObjectField,
  StringField,
  Uuid4Field,
} from '../../common/validation/fields';
import { NODE_TYPE_ENUM } from '../../code-validation/node-types';
import { INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM } from './galileo-enums';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always null.';

@GalileoSchema('FewShotExample')
export class FewShotExample {
  @StringField({ maxLength: 100_000 })
  generation_prompt_and_response: string;

  @StringField({ maxLength: 100_000 })
  evaluating_response: string;
}

@GalileoSchema('ChainPollTemplate')
export class ChainPollTemplate {
  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  metric_system_prompt?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  metric_description?: string | null;

  @StringField({ required: false, default: 'rating', applyDefault: true, maxLength: 255 })
  value_field_name: string;

  @StringField({ required: false, default: 'explanation', applyDefault: true, maxLength: 255 })
  explanation_field_name: string;

  @StringField({ maxLength: 100_000 })
  template: string;

  @ListField(() => FewShotExample, { required: false, default: [], applyDefault: true, maxLength: 100 })
  metric_few_shot_examples: FewShotExample[];

  @ObjectField({ required: false, nullable: true })
  response_schema?: Record<string, unknown> | null;
}

/** Settings every version has (preset versions are made of these alone). */
@GalileoSchema('CreateScorerVersionRequest')
export class CreateScorerVersionRequest {
  @StringField({ required: false, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @IntField({ required: false, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, nullable: true, maxLength: 100 })
  scoreable_node_types?: string[] | null;

  @BooleanField({ required: false, nullable: true })
  cot_enabled?: boolean | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;
}

@GalileoSchema('CreateLLMScorerVersionRequest')
export class CreateLLMScorerVersionRequest extends CreateScorerVersionRequest {
  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  instructions?: string | null;

  @NestedField(() => ChainPollTemplate, { required: false, nullable: true })
  chain_poll_template?: ChainPollTemplate | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  user_prompt?: string | null;
}

/** The prompt an LLM version was created with (Galileo's generated scorer; its id is the version's). */
@GalileoSchema('BaseGeneratedScorerDB')
export class BaseGeneratedScorerDB {
  @Uuid4Field()
  id: string;

  @StringField()
  name: string;

  @StringField({ required: false, nullable: true })
  instructions: string | null;

  @NestedField(() => ChainPollTemplate, {
    description: 'The template the version was created with; `template` is empty when none was given.',
  })
  chain_poll_template: ChainPollTemplate;

  @StringField({ required: false, nullable: true })
  user_prompt: string | null;
}

/** The settings of a generated scorer: those of its version (absent when the version has none). */
@GalileoSchema('GeneratedScorerConfiguration')
export class GeneratedScorerConfiguration {
  @StringField({ required: false, default: 'gpt-4.1-mini' })
  model_alias?: string;

  @IntField({ required: false, default: 3 })
  num_judges?: number;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, default: 'boolean', enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string;

  @ListField({ kind: 'string' }, { required: false })
  scoreable_node_types?: string[];

  @BooleanField({ required: false, default: false })
  cot_enabled?: boolean;

  @BooleanField({ required: false, default: false })
  ground_truth?: boolean;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: NOT_MODELLED })
  multimodal_capabilities?: null;
}

@GalileoSchema('GeneratedScorerResponse')
export class GeneratedScorerResponse extends BaseGeneratedScorerDB {
  @Uuid4Field()
  created_by: string;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @ListField({ kind: 'enum', values: NODE_TYPE_ENUM.values, enumName: NODE_TYPE_ENUM.enumName }, { nullable: true })
  scoreable_node_types: string[] | null;

  @NestedField(() => GeneratedScorerConfiguration)
  scorer_configuration: GeneratedScorerConfiguration;
}

/** A version as embedded in a scorer (`latest_version`, `default_version`). */
@GalileoSchema('BaseScorerVersionDB')
export class BaseScorerVersionDB {
  @Uuid4Field()
  id: string;

  @IntField()
  version: number;

  @Uuid4Field()
  scorer_id: string;

  @NestedField(() => BaseGeneratedScorerDB, { required: false, nullable: true, description: 'Filled on LLM versions.' })
  generated_scorer: BaseGeneratedScorerDB | null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  registered_scorer: null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  finetuned_scorer: null;

  @StringField({ required: false, nullable: true })
  model_name: string | null;

  @IntField({ required: false, nullable: true })
  num_judges: number | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true })
  scoreable_node_types: string[] | null;

  @BooleanField({ required: false, nullable: true })
  cot_enabled: boolean | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type: string | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type: string | null;
}

@GalileoSchema('BaseScorerVersionResponse')
export class BaseScorerVersionResponse extends BaseScorerVersionDB {
  @NestedField(() => GeneratedScorerResponse, { required: false, nullable: true, description: 'Filled on LLM versions.' })
  declare generated_scorer: GeneratedScorerResponse | null;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @NestedField(() => ChainPollTemplate, { required: false, nullable: true })
  chain_poll_template: ChainPollTemplate | null;

  @BooleanField({ required: false, nullable: true, description: NOT_MODELLED })
  allowed_model: boolean | null;

  @Uuid4Field({ required: false, nullable: true })
  created_by: string | null;
}

@GalileoSchema('ListScorerVersionsResponse')
export class ListScorerVersionsResponse extends GalileoPageResponse {
  @ListField(() => BaseScorerVersionResponse, { required: false })
  versions: BaseScorerVersionResponse[];
}

@GalileoParameters()
export class ScorerIdParams {
  @Uuid4Field()
  scorer_id: string;
}

@GalileoParameters()
export class ScorerVersionParams extends ScorerIdParams {
  @IntField({ coerce: true })
  version_number: number;
}

@GalileoParameters()
export class ScorerVersionQuery {
  @IntField({ required: false, coerce: true })
  version?: number;
}

@GalileoParameters()
export class ListScorerVersionsQuery extends GalileoPageQuery {
  @Uuid4Field({ required: false, nullable: true, description: 'Accepted for compatibility; runs are not modelled.' })
  run_id?: string | null;
}
