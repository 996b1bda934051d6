import { GalileoSchema } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateJson,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

/** Galileo's user roles. Scorekeeper has none: every user may do everything in its organization. */
export const USER_ROLES = ['admin', 'manager', 'user', 'read_only'] as const;
export const AUTH_METHODS = ['email', 'google', 'github', 'okta', 'azure-ad', 'custom', 'saml', 'invite'] as const;

@GalileoSchema('CurrentUserDB')
export class CurrentUserDB {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateJson('objects', { optional: true, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @ValidateString()
  email: string;

  @ValidateString({ optional: true, nullable: true, default: '', description: NOT_MODELLED })
  first_name: string | null;

  @ValidateString({ optional: true, nullable: true, default: '', description: NOT_MODELLED })
  last_name: string | null;

  @ValidateEnum(AUTH_METHODS, {
    optional: true,
    default: 'email',
    enumName: 'AuthMethod',
    description: 'Users sign in with e-mail and password.',
  })
  auth_method: string;

  @ValidateEnum(USER_ROLES, {
    optional: true,
    default: 'read_only',
    enumName: 'UserRole',
    description: 'Always admin: Scorekeeper has no roles, every user may do everything in its organization.',
  })
  role: string;

  @ValidateBoolean({ optional: true, nullable: true, description: NOT_MODELLED })
  email_is_verified: boolean | null;

  @ValidateUUID({ version: 4 })
  organization_id: string;

  @ValidateString()
  organization_name: string;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime({ description: 'Users are not updated: their creation time.' })
  updated_at: string;

  @ValidateJson('objects', { optional: true, default: [], description: NOT_MODELLED })
  generic_permissions: unknown[];
}
