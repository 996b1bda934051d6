import type { CurrentUserDB } from './dto/current-user.dto';
import type { Organization } from './entities/organization.entity';
import type { User } from './entities/user.entity';

export function toCurrentUser(user: User, organization: Organization): CurrentUserDB {
  return {
    id: user.id,
    permissions: [],
    email: user.email,
    first_name: '',
    last_name: '',
    auth_method: 'email',
    role: 'admin',
    email_is_verified: null,
    organization_id: organization.id,
    organization_name: organization.name,
    created_at: user.createdAt.toISOString(),
    updated_at: user.createdAt.toISOString(),
    generic_permissions: [],
  };
}
