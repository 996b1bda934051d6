import { GalileoSchema } from '../../common/openapi/schema-styles';
import { StringField } from '../../common/validation/fields';

/** OAuth2 password form (`application/x-www-form-urlencoded`). */
@GalileoSchema('Body_login_email_login_post')
export class LoginForm {
  @StringField({ required: false, nullable: true, pattern: '^password$' })
  grant_type?: string | null;

  @StringField({ maxLength: 320 })
  username: string;

  @StringField({ maxLength: 1024, secret: true, openapi: { format: 'password' } })
  password: string;

  @StringField({ required: false, default: '', applyDefault: true })
  scope: string;

  @StringField({ required: false, nullable: true })
  client_id?: string | null;

  @StringField({ required: false, nullable: true, secret: true, openapi: { format: 'password' } })
  client_secret?: string | null;
}

@GalileoSchema('ApiKeyLoginRequest')
export class ApiKeyLoginRequest {
  @StringField({ maxLength: 256, secret: true })
  api_key: string;
}

@GalileoSchema('Token')
export class TokenResponse {
  @StringField()
  access_token: string;

  @StringField({ default: 'bearer' })
  token_type: string;
}
