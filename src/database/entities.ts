import { ApiKey } from '../identity/entities/api-key.entity';
import { Organization } from '../identity/entities/organization.entity';
import { User } from '../identity/entities/user.entity';
import { TenantRow } from './tenant-row.entity';

/** Every entity the ORM maps. */
export const ENTITIES: Function[] = [TenantRow, Organization, User, ApiKey];
