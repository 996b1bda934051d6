import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';
import { NODE_TYPE_ENUM } from '../../code-validation/node-types';
import { INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM } from './galileo-enums';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always null.';

@GalileoSchema('FewShotExample')
export class FewShotExample {
  @ValidateString({ maxLength: 100_000 })
  generation_prompt_and_response: string;

  @ValidateString({ maxLength: 100_000 })
  evaluating_response: string;
}

@GalileoSchema('ChainPollTemplate')
export class ChainPollTemplate {
  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  metric_system_prompt?: string | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  metric_description?: string | null;

  @ValidateString({ optional: true, default: 'rating', maxLength: 255 })
  value_field_name: string = 'rating';

  @ValidateString({ optional: true, default: 'explanation', maxLength: 255 })
  explanation_field_name: string = 'explanation';

  @ValidateString({ maxLength: 100_000 })
  template: string;

  @ValidateModel(() => FewShotExample, { each: true, optional: true, default: [], maxItems: 100 })
  metric_few_shot_examples: FewShotExample[] = [];

  @ValidateJson('object', { optional: true, nullable: true })
  response_schema?: Record<string, unknown> | null;
}

/** Settings every version has (preset versions are made of these alone). */
@GalileoSchema('CreateScorerVersionRequest')
export class CreateScorerVersionRequest {
  @ValidateString({ optional: true, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @ValidateInt({ optional: true, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  scoreable_node_types?: string[] | null;

  @ValidateBoolean({ optional: true, nullable: true })
  cot_enabled?: boolean | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;
}

@GalileoSchema('CreateLLMScorerVersionRequest')
export class CreateLLMScorerVersionRequest extends CreateScorerVersionRequest {
  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  instructions?: string | null;

  @ValidateModel(() => ChainPollTemplate, { optional: true, nullable: true })
  chain_poll_template?: ChainPollTemplate | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  user_prompt?: string | null;
}

/** The prompt an LLM version was created with (Galileo's generated scorer; its id is the version's). */
@GalileoSchema('BaseGeneratedScorerDB')
export class BaseGeneratedScorerDB {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateString()
  name: string;

  @ValidateString({ optional: true, nullable: true })
  instructions: string | null;

  @ValidateModel(() => ChainPollTemplate, {
    description: 'The template the version was created with; `template` is empty when none was given.',
  })
  chain_poll_template: ChainPollTemplate;

  @ValidateString({ optional: true, nullable: true })
  user_prompt: string | null;
}

/** The settings of a generated scorer: those of its version (absent when the version has none). */
@GalileoSchema('GeneratedScorerConfiguration')
export class GeneratedScorerConfiguration {
  @ValidateString({ optional: true, default: 'gpt-4.1-mini' })
  model_alias?: string;

  @ValidateInt({ optional: true, default: 3 })
  num_judges?: number;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, default: 'boolean', enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string;

  @ValidateString({ each: true, optional: true })
  scoreable_node_types?: string[];

  @ValidateBoolean({ optional: true, default: false })
  cot_enabled?: boolean;

  @ValidateBoolean({ optional: true, default: false })
  ground_truth?: boolean;

  @ValidateString({ each: true, optional: true, nullable: true, description: NOT_MODELLED })
  multimodal_capabilities?: null;
}

@GalileoSchema('GeneratedScorerResponse')
export class GeneratedScorerResponse extends BaseGeneratedScorerDB {
  @ValidateUUID({ version: 4 })
  created_by: string;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateEnum(NODE_TYPE_ENUM.values, { each: true, nullable: true, enumName: NODE_TYPE_ENUM.enumName })
  scoreable_node_types: string[] | null;

  @ValidateModel(() => GeneratedScorerConfiguration)
  scorer_configuration: GeneratedScorerConfiguration;
}

/** A version as embedded in a scorer (`latest_version`, `default_version`). */
@GalileoSchema('BaseScorerVersionDB')
export class BaseScorerVersionDB {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateInt()
  version: number;

  @ValidateUUID({ version: 4 })
  scorer_id: string;

  @ValidateModel(() => BaseGeneratedScorerDB, { optional: true, nullable: true, description: 'Filled on LLM versions.' })
  generated_scorer: BaseGeneratedScorerDB | null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  registered_scorer: null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  finetuned_scorer: null;

  @ValidateString({ optional: true, nullable: true })
  model_name: string | null;

  @ValidateInt({ optional: true, nullable: true })
  num_judges: number | null;

  @ValidateString({ each: true, optional: true, nullable: true })
  scoreable_node_types: string[] | null;

  @ValidateBoolean({ optional: true, nullable: true })
  cot_enabled: boolean | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type: string | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type: string | null;
}

@GalileoSchema('BaseScorerVersionResponse')
export class BaseScorerVersionResponse extends BaseScorerVersionDB {
  @ValidateModel(() => GeneratedScorerResponse, { optional: true, nullable: true, description: 'Filled on LLM versions.' })
  declare generated_scorer: GeneratedScorerResponse | null;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateModel(() => ChainPollTemplate, { optional: true, nullable: true })
  chain_poll_template: ChainPollTemplate | null;

  @ValidateBoolean({ optional: true, nullable: true, description: NOT_MODELLED })
  allowed_model: boolean | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  created_by: string | null;
}

@GalileoSchema('ListScorerVersionsResponse')
export class ListScorerVersionsResponse extends GalileoPageResponse {
  @ValidateModel(() => BaseScorerVersionResponse, { each: true, optional: true })
  versions: BaseScorerVersionResponse[];
}

@GalileoParameters()
export class ScorerIdParams {
  @ValidateUUID({ version: 4 })
  scorer_id: string;
}

@GalileoParameters()
export class ScorerVersionParams extends ScorerIdParams {
  @ValidateInt()
  version_number: number;
}

@GalileoParameters()
export class ScorerVersionQuery {
  @ValidateInt({ optional: true })
  version?: number;
}

@GalileoParameters()
export class ListScorerVersionsQuery extends GalileoPageQuery {
  @ValidateUUID({ version: 4, optional: true, nullable: true, description: 'Accepted for compatibility; runs are not modelled.' })
  run_id?: string | null;
}
