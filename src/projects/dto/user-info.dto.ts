import { GalileoSchema } from '../../common/openapi/schema-styles';
import { StringField, Uuid4Field } from '../../common/validation/fields';

/** A user's basic information, used for display purposes. */
@GalileoSchema('UserInfo')
export class UserInfo {
  @Uuid4Field()
  id: string;

  @StringField()
  email: string;

  @StringField({ required: false, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  first_name: string | null;

  @StringField({ required: false, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  last_name: string | null;
}
