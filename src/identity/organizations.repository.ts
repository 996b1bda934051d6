import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { Organization } from './entities/organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly em: EntityManager) {}

  async create(name: string): Promise<Organization> {
    const organization = this.em.create(Organization, { name });
    await this.em.persist(organization).flush();
    return organization;
  }

  findById(id: string): Promise<Organization | null> {
    return this.em.findOne(Organization, { id });
  }
}
