import { GalileoSchema } from '../common/openapi/schema-styles';
import { ValidateString } from '../common/validation/validation';

@GalileoSchema('HealthcheckResponse')
export class HealthcheckResponse {
  @ValidateString()
  api_version: string;

  @ValidateString()
  message: string;

  @ValidateString()
  version: string;
}
