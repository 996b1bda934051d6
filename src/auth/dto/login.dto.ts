import { GalileoSchema } from '../../common/openapi/schema-styles';
import { ValidateString } from '../../common/validation/validation';

/** OAuth2 password form (`application/x-www-form-urlencoded`). */
@GalileoSchema('Body_login_email_login_post')
export class LoginForm {
  @ValidateString({ optional: true, nullable: true, pattern: '^password$' })
  grant_type?: string | null;

  @ValidateString({ maxLength: 320 })
  username: string;

  @ValidateString({ maxLength: 1024, secret: true, schema: { format: 'password' } })
  password: string;

  @ValidateString({ optional: true, default: '' })
  scope: string = '';

  @ValidateString({ optional: true, nullable: true })
  client_id?: string | null;

  @ValidateString({ optional: true, nullable: true, secret: true, schema: { format: 'password' } })
  client_secret?: string | null;
}

@GalileoSchema('ApiKeyLoginRequest')
export class ApiKeyLoginRequest {
  @ValidateString({ maxLength: 256, secret: true })
  api_key: string;
}

@GalileoSchema('Token')
export class TokenResponse {
  @ValidateString()
  access_token: string;

  @ValidateString({ default: 'bearer' })
  token_type: string;
}
