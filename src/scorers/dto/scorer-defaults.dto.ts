import { GalileoSchema } from '../../common/openapi/schema-styles';
import { ValidateBoolean, ValidateEnum, ValidateInt, ValidateJson, ValidateString } from '../../common/validation/validation';
import { INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM } from './galileo-enums';

/** Default settings for new versions of a scorer. Stored as given. */
@GalileoSchema('ScorerDefaults')
export class ScorerDefaults {
  @ValidateString({ optional: true, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @ValidateInt({ optional: true, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ValidateJson('objects', { optional: true, nullable: true, maxItems: 100, description: 'Node filters, stored as given.' })
  filters?: Record<string, unknown>[] | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  scoreable_node_types?: string[] | null;

  @ValidateBoolean({ optional: true, nullable: true })
  cot_enabled?: boolean | null;

  @ValidateEnum(OUTPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @ValidateEnum(INPUT_TYPE_ENUM.values, { optional: true, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;
}
