import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly em: EntityManager) {}

  async create(organizationId: string, email: string, passwordHash: string): Promise<User> {
    const user = this.em.create(User, { organizationId, email, passwordHash });
    await this.em.persist(user).flush();
    return user;
  }

  findById(organizationId: string, id: string): Promise<User | null> {
    return this.em.findOne(User, { organizationId, id });
  }

  /** Sign-in precedes tenancy: e-mail addresses are unique across organizations. */
  findForSignIn(email: string): Promise<User | null> {
    return this.em.findOne(User, { email }, { populate: ['passwordHash'] });
  }

  /** Whether the installation has any user at all (the first start creates or asks for one). */
  async anyExists(): Promise<boolean> {
    return (await this.em.count(User, {})) > 0;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email });
  }
}
