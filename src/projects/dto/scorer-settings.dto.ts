import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateEnum,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';
import { INPUT_TYPE_ENUM, MODEL_TYPE_ENUM, OUTPUT_TYPE_ENUM, SCORER_TYPES_ENUM } from '../../scorers/dto/galileo-enums';
import { BaseScorerVersionDB } from '../../scorers/dto/scorer-version.dto';

const NOT_MODELLED = 'Accepted for compatibility; not modelled by Scorekeeper (always null).';
const OF_THE_SCORER = 'Always that of the scorer named by `id`.';

/** A scorer enabled on a run: the scorer, an optional pinned version, and the settings given for this run. */
@GalileoSchema('ScorerConfig')
export class ScorerConfig {
  @ValidateString({ optional: true, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @ValidateInt({ optional: true, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ValidateJson('objects', { optional: true, nullable: true, maxItems: 100, description: NOT_MODELLED })
  filters?: null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  scoreable_node_types?: string[] | null;

  @ValidateBoolean({ optional: true, nullable: true })
  cot_enabled?: boolean | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;

  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateString({ optional: true, nullable: true, maxLength: 255, description: OF_THE_SCORER })
  name?: string | null;

  @ValidateEnum(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName, description: OF_THE_SCORER })
  scorer_type: string;

  @ValidateEnum(MODEL_TYPE_ENUM.values, { optional: true, nullable: true, enumName: MODEL_TYPE_ENUM.enumName, description: OF_THE_SCORER })
  model_type?: string | null;

  @ValidateModel(() => BaseScorerVersionDB, {
    optional: true,
    nullable: true,
    description: 'The version this run uses (pinned by its id); the latest version when null.',
  })
  scorer_version?: BaseScorerVersionDB | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 20, maxLength: 255, description: NOT_MODELLED })
  multimodal_capabilities?: null;

  @ValidateJson('any', { optional: true, nullable: true, description: NOT_MODELLED })
  roll_up_method?: null;

  @ValidateString({ optional: true, nullable: true, maxLength: 255, description: NOT_MODELLED })
  score_type?: null;
}

@GalileoSchema('RunScorerSettingsPatchRequest')
export class RunScorerSettingsPatchRequest {
  @ValidateModel(() => ScorerConfig, {
    each: true,
    optional: true,
    nullable: true,
    maxItems: 200,
    description:
      'List of Galileo scorers to enable. POST replaces the run’s set (null: none); PATCH merges by scorer id (null: unchanged).',
  })
  scorers?: ScorerConfig[] | null;

  @ValidateJson('objects', { optional: true, nullable: true, maxItems: 100, description: NOT_MODELLED })
  segment_filters?: null;

  @ValidateUUID({ version: 4, description: 'ID of the run: the one in the path.' })
  run_id: string;
}

@GalileoSchema('RunScorerSettingsResponse')
export class RunScorerSettingsResponse {
  @ValidateModel(() => ScorerConfig, { each: true })
  scorers: ScorerConfig[];

  @ValidateJson('objects', { optional: true, nullable: true, description: NOT_MODELLED })
  segment_filters: null;

  @ValidateUUID({ version: 4, description: 'ID of the run.' })
  run_id: string;
}

@GalileoParameters()
export class RunParams {
  @ValidateUUID({ version: 4 })
  project_id: string;

  @ValidateUUID({ version: 4 })
  run_id: string;
}
