import { GalileoSchema } from '../../common/openapi/schema-styles';
import { ValidateString, ValidateUUID } from '../../common/validation/validation';

/** A user's basic information, used for display purposes. */
@GalileoSchema('UserInfo')
export class UserInfo {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateString()
  email: string;

  @ValidateString({ optional: true, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  first_name: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  last_name: string | null;
}
