import { GalileoSchema } from '../../common/openapi/schema-styles';
import { BooleanField, EnumField, IntField, ListField, StringField } from '../../common/validation/fields';
import { INPUT_TYPE_ENUM, OUTPUT_TYPE_ENUM } from './galileo-enums';

/** Default settings for new versions of a scorer. Stored as given. */
@GalileoSchema('ScorerDefaults')
export class ScorerDefaults {
  @StringField({ required: false, nullable: true, maxLength: 255 })
  model_name?: string | null;

  @IntField({ required: false, nullable: true, min: 1, max: 100 })
  num_judges?: number | null;

  @ListField({ kind: 'object' }, { required: false, nullable: true, maxLength: 100, description: 'Node filters, stored as given.' })
  filters?: Record<string, unknown>[] | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, nullable: true, maxLength: 100 })
  scoreable_node_types?: string[] | null;

  @BooleanField({ required: false, nullable: true })
  cot_enabled?: boolean | null;

  @EnumField(OUTPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: OUTPUT_TYPE_ENUM.enumName })
  output_type?: string | null;

  @EnumField(INPUT_TYPE_ENUM.values, { required: false, nullable: true, enumName: INPUT_TYPE_ENUM.enumName })
  input_type?: string | null;
}
