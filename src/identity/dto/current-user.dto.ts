import { GalileoSchema } from '../../common/openapi/schema-styles';
import { BooleanField, DateTimeField, EnumField, ListField, StringField, Uuid4Field } from '../../common/validation/fields';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

/** Galileo's user roles. Scorekeeper has none: every user may do everything in its organization. */
export const USER_ROLES = ['admin', 'manager', 'user', 'read_only'] as const;
export const AUTH_METHODS = ['email', 'google', 'github', 'okta', 'azure-ad', 'custom', 'saml', 'invite'] as const;

@GalileoSchema('CurrentUserDB')
export class CurrentUserDB {
  @Uuid4Field()
  id: string;

  @ListField({ kind: 'object' }, { required: false, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @StringField()
  email: string;

  @StringField({ required: false, nullable: true, default: '', description: NOT_MODELLED })
  first_name: string | null;

  @StringField({ required: false, nullable: true, default: '', description: NOT_MODELLED })
  last_name: string | null;

  @EnumField(AUTH_METHODS, {
    required: false,
    default: 'email',
    enumName: 'AuthMethod',
    description: 'Users sign in with e-mail and password.',
  })
  auth_method: string;

  @EnumField(USER_ROLES, {
    required: false,
    default: 'read_only',
    enumName: 'UserRole',
    description: 'Always admin: Scorekeeper has no roles, every user may do everything in its organization.',
  })
  role: string;

  @BooleanField({ required: false, nullable: true, description: NOT_MODELLED })
  email_is_verified: boolean | null;

  @Uuid4Field()
  organization_id: string;

  @StringField()
  organization_name: string;

  @DateTimeField()
  created_at: string;

  @DateTimeField({ description: 'Users are not updated: their creation time.' })
  updated_at: string;

  @ListField({ kind: 'object' }, { required: false, default: [], description: NOT_MODELLED })
  generic_permissions: unknown[];
}
