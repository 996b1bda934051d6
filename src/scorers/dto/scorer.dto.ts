import { GalileoSchema } from '../../common/openapi/schema-styles';
import {
  AnyField,
  BooleanField,
  DateTimeField,
  EnumField,
  ListField,
  NestedField,
  StringField,
  Uuid4Field,
} from '../../common/validation/fields';
import { MODEL_TYPE_ENUM, INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM, SCORER_TYPES_ENUM } from './galileo-enums';
import { ScorerDefaults } from './scorer-defaults.dto';
import { BaseScorerVersionDB } from './scorer-version.dto';

const ACCEPTED_NOT_MODELLED = 'Accepted for compatibility; not modelled by Scorekeeper.';
const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

const tagList = { kind: 'string', maxLength: 255 } as const;
const nameList = { kind: 'string', maxLength: 255 } as const;

@GalileoSchema('CreateScorerRequest')
export class CreateScorerRequest {
  @StringField({ minLength: 1, maxLength: 255 })
  name: string;

  @Uuid4Field({ required: false, nullable: true })
  id?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 255 })
  label?: string | null;

  @StringField({ required: false, nullable: true, default: '', maxLength: 10_000 })
  description?: string | null;

  @ListField(tagList, { required: false, maxLength: 100 })
  tags?: string[];

  @NestedField(() => ScorerDefaults, { required: false, nullable: true })
  defaults?: ScorerDefaults | null;

  @EnumField(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName })
  scorer_type: (typeof SCORER_TYPES_ENUM.values)[number];

  @BooleanField({ required: false, nullable: true })
  deprecated?: boolean | null;

  @EnumField(MODEL_TYPE_ENUM.values, { required: false, nullable: true, enumName: MODEL_TYPE_ENUM.enumName })
  model_type?: string | null;

  @BooleanField({ required: false, nullable: true })
  ground_truth?: boolean | null;

  @Uuid4Field({ required: false, nullable: true })
  default_version_id?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  user_prompt?: string | null;

  @ListField(nameList, { required: false, nullable: true, maxLength: 100 })
  scoreable_node_types?: string[] | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: (typeof OUTPUT_TYPE_ENUM.values)[number] | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  multimodal_capabilities?: string[] | null;

  @ListField(nameList, { required: false, nullable: true, maxLength: 100 })
  required_scorers?: string[] | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  required_metric_ids?: string[] | null;

  @AnyField({ required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  roll_up_method?: unknown;

  @AnyField({ required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  metric_color_picker_config?: unknown;

  @BooleanField({ required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  is_global?: boolean | null;

  @ListField({ kind: 'uuid4' }, { required: false, maxLength: 1000, description: ACCEPTED_NOT_MODELLED })
  project_ids?: string[];
}

@GalileoSchema('UpdateScorerRequest')
export class UpdateScorerRequest {
  @StringField({ required: false, nullable: true, minLength: 1, maxLength: 255 })
  name?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 10_000 })
  description?: string | null;

  @ListField(tagList, { required: false, nullable: true, maxLength: 100 })
  tags?: string[] | null;

  @NestedField(() => ScorerDefaults, { required: false, nullable: true })
  defaults?: ScorerDefaults | null;

  @EnumField(MODEL_TYPE_ENUM.values, { required: false, nullable: true, enumName: MODEL_TYPE_ENUM.enumName })
  model_type?: string | null;

  @BooleanField({ required: false, nullable: true })
  ground_truth?: boolean | null;

  @Uuid4Field({ required: false, nullable: true })
  default_version_id?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  user_prompt?: string | null;

  @ListField(nameList, { required: false, nullable: true, maxLength: 100 })
  scoreable_node_types?: string[] | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: (typeof OUTPUT_TYPE_ENUM.values)[number] | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  multimodal_capabilities?: string[] | null;

  @AnyField({ required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  roll_up_method?: unknown;

  @AnyField({ required: false, nullable: true, description: ACCEPTED_NOT_MODELLED })
  metric_color_picker_config?: unknown;
}

@GalileoSchema('ScorerResponse')
export class ScorerResponse {
  @Uuid4Field()
  id: string;

  @ListField({ kind: 'object' }, { required: false, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @StringField()
  name: string;

  @EnumField(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName })
  scorer_type: string;

  @NestedField(() => ScorerDefaults, { required: false, nullable: true })
  defaults: ScorerDefaults | null;

  @NestedField(() => BaseScorerVersionDB, { required: false, nullable: true })
  latest_version: BaseScorerVersionDB | null;

  @EnumField(MODEL_TYPE_ENUM.values, { required: false, nullable: true, enumName: MODEL_TYPE_ENUM.enumName })
  model_type: string | null;

  @BooleanField({ required: false, nullable: true })
  ground_truth: boolean | null;

  @Uuid4Field({ required: false, nullable: true })
  default_version_id: string | null;

  @NestedField(() => BaseScorerVersionDB, { required: false, nullable: true })
  default_version: BaseScorerVersionDB | null;

  @StringField({ required: false, nullable: true })
  user_prompt: string | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true })
  scoreable_node_types: string[] | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type: string | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type: string | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: NOT_MODELLED })
  multimodal_capabilities: string[] | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true })
  required_scorers: string[] | null;

  @ListField({ kind: 'string' }, { required: false, nullable: true, description: NOT_MODELLED })
  required_metric_ids: string[] | null;

  @BooleanField({ required: false, nullable: true })
  deprecated: boolean | null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  roll_up_method: null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  roll_up_config: null;

  @StringField({ required: false, nullable: true, default: '' })
  label: string | null;

  @ListField({ kind: 'string' })
  tags: string[];

  @ListField({ kind: 'string' }, { required: false, description: NOT_MODELLED })
  included_fields: string[];

  @StringField({ required: false, nullable: true })
  description: string | null;

  @Uuid4Field({ required: false, nullable: true })
  created_by: string | null;

  @DateTimeField({ required: false, nullable: true })
  created_at: string | null;

  @DateTimeField({ required: false, nullable: true })
  updated_at: string | null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  metric_color_picker_config: null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  color_threshold_config: null;

  @StringField({ required: false, nullable: true })
  metric_name: string | null;

  @BooleanField({ required: false, default: false, description: NOT_MODELLED })
  is_global: boolean;

  @ListField({ kind: 'object' }, { required: false, description: NOT_MODELLED })
  scope_projects: unknown[];
}

@GalileoSchema('DeleteScorerResponse')
export class DeleteScorerResponse {
  @StringField()
  message: string;
}
