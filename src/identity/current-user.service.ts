import { Injectable } from '@nestjs/common';
import { ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { Organization } from './entities/organization.entity';
import type { User } from './entities/user.entity';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';

/** The signed-in user and its organization. */
@Injectable()
export class CurrentUserService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async get(organizationId: string, userId: string): Promise<{ user: User; organization: Organization }> {
    const [user, organization] = await Promise.all([
      this.users.findById(organizationId, userId),
      this.organizations.findById(organizationId),
    ]);
    if (!user || !organization) throw new ResourceNotFoundException('User');
    return { user, organization };
  }
}
