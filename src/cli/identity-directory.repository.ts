import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';

export interface OrganizationRow {
  id: string;
  name: string;
  users: number;
  created_at: Date;
}

export interface UserRow {
  id: string;
  email: string;
  organization_id: string;
  created_at: Date;
}

export interface ApiKeyRow {
  id: string;
  organization_id: string;
  email: string;
  description: string;
  truncated: string;
  created_at: Date;
  expires_at: Date | null;
  last_used: Date | null;
  revoked_at: Date | null;
}

const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** The installation's organizations, users and keys across tenants: what an operator at the CLI sees. */
@Injectable()
export class IdentityDirectoryRepository {
  constructor(private readonly em: EntityManager) {}

  async organizations(): Promise<OrganizationRow[]> {
    const rows = await this.em.execute<(OrganizationRow & { users: string | number })[]>(
      `select o.id, o.name, o.created_at, (select count(*) from users u where u.organization_id = o.id) as users
       from organizations o order by o.created_at, o.id`,
    );
    return rows.map((row) => ({ ...row, users: Number(row.users), created_at: asDate(row.created_at)! }));
  }

  async users(organizationId?: string): Promise<UserRow[]> {
    const rows = await this.em.execute<UserRow[]>(
      `select id, email, organization_id, created_at from users
       where (?::uuid is null or organization_id = ?::uuid) order by created_at, id`,
      [organizationId ?? null, organizationId ?? null],
    );
    return rows.map((row) => ({ ...row, created_at: asDate(row.created_at)! }));
  }

  /** Every key (revoked and expired ones too), or those of the user with this e-mail address. */
  async apiKeys(email?: string): Promise<ApiKeyRow[]> {
    const rows = await this.em.execute<ApiKeyRow[]>(
      `select k.id, k.organization_id, u.email, k.description, k.truncated, k.created_at, k.expires_at, k.last_used, k.revoked_at
       from api_keys k join users u on u.organization_id = k.organization_id and u.id = k.user_id
       where (?::text is null or u.email = ?::text) order by k.created_at, k.id`,
      [email ?? null, email ?? null],
    );
    return rows.map((row) => ({
      ...row,
      created_at: asDate(row.created_at)!,
      expires_at: asDate(row.expires_at),
      last_used: asDate(row.last_used),
      revoked_at: asDate(row.revoked_at),
    }));
  }

  /** The organization of the key with this id and whether it was revoked; null when there is none. */
  async apiKeyById(id: string): Promise<{ organizationId: string; revoked: boolean } | null> {
    const rows = await this.em.execute<{ organization_id: string; revoked_at: unknown }[]>(
      'select organization_id, revoked_at from api_keys where id = ?',
      [id],
    );
    return rows[0] ? { organizationId: rows[0].organization_id, revoked: rows[0].revoked_at !== null } : null;
  }
}
