import { GalileoSchema, GalileoUpdateType } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateJson,
  ValidateModel,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';
import { MODEL_TYPE_ENUM, INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM, SCORER_TYPES_ENUM } from './galileo-enums';
import { ScorerDefaults } from './scorer-defaults.dto';
import { BaseScorerVersionDB } from './scorer-version.dto';

const ACCEPTED_NOT_MODELLED = 'Accepted for compatibility; not modelled by Scorekeeper.';
const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

@GalileoSchema('CreateScorerRequest')
export class CreateScorerRequest {
  @ValidateString({ minLength: 1, maxLength: 255 })
  name: string;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  id?: string | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 255 })
  label?: string | null;

  @ValidateString({ optional: true, nullable: true, default: '', maxLength: 10_000 })
  description?: string | null;

  @ValidateString({ each: true, optional: true, maxItems: 100, maxLength: 255 })
  tags?: string[];

  @ValidateModel(() => ScorerDefaults, { optional: true, nullable: true })
  defaults?: ScorerDefaults | null;

  @ValidateEnum(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName })
  scorer_type: (typeof SCORER_TYPES_ENUM.values)[number];

  @ValidateBoolean({ optional: true, nullable: true })
  deprecated?: boolean | null;

  @ValidateEnum(MODEL_TYPE_ENUM.values, { optional: true, nullable: true, enumName: MODEL_TYPE_ENUM.enumName })
  model_type?: string | null;

  @ValidateBoolean({ optional: true, nullable: true })
  ground_truth?: boolean | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  default_version_id?: string | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  user_prompt?: string | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  scoreable_node_types?: string[] | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: (typeof OUTPUT_TYPE_ENUM.values)[number] | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;

  @ValidateString({ each: true, optional: true, nullable: true, description: ACCEPTED_NOT_MODELLED })
  multimodal_capabilities?: string[] | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  required_scorers?: string[] | null;

  @ValidateString({ each: true, optional: true, nullable: true, description: ACCEPTED_NOT_MODELLED })
  required_metric_ids?: string[] | null;

  @ValidateJson('any', { optional: true, nullable: true, description: ACCEPTED_NOT_MODELLED })
  roll_up_method?: unknown;

  @ValidateJson('any', { optional: true, nullable: true, description: ACCEPTED_NOT_MODELLED })
  metric_color_picker_config?: unknown;

  @ValidateBoolean({ optional: true, nullable: true, description: ACCEPTED_NOT_MODELLED })
  is_global?: boolean | null;

  @ValidateUUID({ version: 4, each: true, optional: true, maxItems: 1000, description: ACCEPTED_NOT_MODELLED })
  project_ids?: string[];
}

/** pydantic's update model: the updatable fields of a create, each optional and nullable. */
@GalileoSchema('UpdateScorerRequest')
export class UpdateScorerRequest extends GalileoUpdateType(CreateScorerRequest, [
  'name',
  'description',
  'tags',
  'defaults',
  'model_type',
  'ground_truth',
  'default_version_id',
  'user_prompt',
  'scoreable_node_types',
  'output_type',
  'input_type',
  'multimodal_capabilities',
  'roll_up_method',
  'metric_color_picker_config',
]) {}

@GalileoSchema('ScorerResponse')
export class ScorerResponse {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateJson('objects', { optional: true, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @ValidateString()
  name: string;

  @ValidateEnum(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName })
  scorer_type: string;

  @ValidateModel(() => ScorerDefaults, { optional: true, nullable: true })
  defaults: ScorerDefaults | null;

  @ValidateModel(() => BaseScorerVersionDB, { optional: true, nullable: true })
  latest_version: BaseScorerVersionDB | null;

  @ValidateEnum(MODEL_TYPE_ENUM.values, { optional: true, nullable: true, enumName: MODEL_TYPE_ENUM.enumName })
  model_type: string | null;

  @ValidateBoolean({ optional: true, nullable: true })
  ground_truth: boolean | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  default_version_id: string | null;

  @ValidateModel(() => BaseScorerVersionDB, { optional: true, nullable: true })
  default_version: BaseScorerVersionDB | null;

  @ValidateString({ optional: true, nullable: true })
  user_prompt: string | null;

  @ValidateString({ each: true, optional: true, nullable: true })
  scoreable_node_types: string[] | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type: string | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type: string | null;

  @ValidateString({ each: true, optional: true, nullable: true, description: NOT_MODELLED })
  multimodal_capabilities: string[] | null;

  @ValidateString({ each: true, optional: true, nullable: true })
  required_scorers: string[] | null;

  @ValidateString({ each: true, optional: true, nullable: true, description: NOT_MODELLED })
  required_metric_ids: string[] | null;

  @ValidateBoolean({ optional: true, nullable: true })
  deprecated: boolean | null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  roll_up_method: null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  roll_up_config: null;

  @ValidateString({ optional: true, nullable: true, default: '' })
  label: string | null;

  @ValidateString({ each: true })
  tags: string[];

  @ValidateString({ each: true, optional: true, description: NOT_MODELLED })
  included_fields: string[];

  @ValidateString({ optional: true, nullable: true })
  description: string | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  created_by: string | null;

  @ValidateDateTime({ optional: true, nullable: true })
  created_at: string | null;

  @ValidateDateTime({ optional: true, nullable: true })
  updated_at: string | null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  metric_color_picker_config: null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  color_threshold_config: null;

  @ValidateString({ optional: true, nullable: true })
  metric_name: string | null;

  @ValidateBoolean({ optional: true, default: false, description: NOT_MODELLED })
  is_global: boolean;

  @ValidateJson('objects', { optional: true, description: NOT_MODELLED })
  scope_projects: unknown[];
}

@GalileoSchema('DeleteScorerResponse')
export class DeleteScorerResponse {
  @ValidateString()
  message: string;
}
