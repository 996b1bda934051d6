import { GalileoSchema } from '../common/openapi/schema-styles';
import { StringField } from '../common/validation/fields';

@GalileoSchema('HealthcheckResponse')
export class HealthcheckResponse {
  @StringField()
  api_version: string;

  @StringField()
  message: string;

  @StringField()
  version: string;
}
