import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  AnyField,
  BooleanField,
  EnumField,
  IntField,
  ListField,
  NestedField,
  StringField,
  Uuid4Field,
} from '../../common/validation/fields';
import { INPUT_TYPE_ENUM, MODEL_TYPE_ENUM, OUTPUT_TYPE_ENUM, SCORER_TYPES_ENUM } from '../../scorers/dto/galileo-enums';
import { BaseScorerVersionDB } from '../../scorers/dto/scorer-version.dto';

const NOT_MODELLED = 'Accepted for compatibility; not modelled by Scorekeeper (always null).';
const OF_THE_SCORER = 'Always that of the scorer named by `id`.';

/** A scorer enabled on a run: the scorer, an optional pinned version, and the settings given for this run. */
@GalileoSchema('ScorerConfig')
export class ScorerConfig {
  @StringField({ required: false, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @IntField({ required: false, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ListField({ kind: 'object' }, { required: false, nullable: true, maxLength: 100, description: NOT_MODELLED })
  filters?: null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, nullable: true, maxLength: 100 })
  scoreable_node_types?: string[] | null;

  @BooleanField({ required: false, nullable: true })
  cot_enabled?: boolean | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;

  @Uuid4Field()
  id: string;

  @StringField({ required: false, nullable: true, maxLength: 255, description: OF_THE_SCORER })
  name?: string | null;

  @EnumField(SCORER_TYPES_ENUM.values, { enumName: SCORER_TYPES_ENUM.enumName, description: OF_THE_SCORER })
  scorer_type: string;

  @EnumField(MODEL_TYPE_ENUM.values, { required: false, nullable: true, enumName: MODEL_TYPE_ENUM.enumName, description: OF_THE_SCORER })
  model_type?: string | null;

  @NestedField(() => BaseScorerVersionDB, {
    required: false,
    nullable: true,
    description: 'The version this run uses (pinned by its id); the latest version when null.',
  })
  scorer_version?: BaseScorerVersionDB | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, nullable: true, maxLength: 20, description: NOT_MODELLED })
  multimodal_capabilities?: null;

  @AnyField({ required: false, nullable: true, description: NOT_MODELLED })
  roll_up_method?: null;

  @StringField({ required: false, nullable: true, maxLength: 255, description: NOT_MODELLED })
  score_type?: null;
}

@GalileoSchema('RunScorerSettingsPatchRequest')
export class RunScorerSettingsPatchRequest {
  @ListField(() => ScorerConfig, {
    required: false,
    nullable: true,
    maxLength: 200,
    description:
      'List of Galileo scorers to enable. POST replaces the run’s set (null: none); PATCH merges by scorer id (null: unchanged).',
  })
  scorers?: ScorerConfig[] | null;

  @ListField({ kind: 'object' }, { required: false, nullable: true, maxLength: 100, description: NOT_MODELLED })
  segment_filters?: null;

  @Uuid4Field({ description: 'ID of the run: the one in the path.' })
  run_id: string;
}

@GalileoSchema('RunScorerSettingsResponse')
export class RunScorerSettingsResponse {
  @ListField(() => ScorerConfig)
  scorers: ScorerConfig[];

  @ListField({ kind: 'object' }, { required: false, nullable: true, description: NOT_MODELLED })
  segment_filters: null;

  @Uuid4Field({ description: 'ID of the run.' })
  run_id: string;
}

@GalileoParameters()
export class RunParams {
  @Uuid4Field()
  project_id: string;

  @Uuid4Field()
  run_id: string;
}
