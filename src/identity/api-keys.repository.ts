import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import type { ApiKeyCredential } from '../auth/credential-store';
import { ApiKey } from './entities/api-key.entity';
import { User } from './entities/user.entity';

const LAST_USED_RESOLUTION_MS = 60_000;

export interface NewApiKey {
  organizationId: string;
  userId: string;
  createdBy: string;
  description: string;
  prefix: string;
  keyHash: string;
  truncated: string;
  expiresAt: Date | null;
}

const active = (now: Date) => ({ revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] });

interface CredentialRow {
  organization_id: string;
  id: string;
  key_hash: string;
  description: string;
  last_used: string | Date | null;
  user_id: string;
  email: string;
}

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly em: EntityManager) {}

  async create(key: NewApiKey): Promise<ApiKey> {
    const { userId, ...fields } = key;
    const entity = this.em.create(ApiKey, { ...fields, user: this.em.getReference(User, [key.organizationId, userId]) });
    await this.em.persist(entity).flush();
    return entity;
  }

  /**
   * Credential lookup precedes tenancy: the keys (of any organization) whose clear prefix matches, with
   * their owner, in one query.
   */
  findActiveByPrefix(prefix: string, now = new Date()): Promise<ApiKey[]> {
    return this.em.find(ApiKey, { prefix, ...active(now) }, { populate: ['user'], strategy: 'joined' });
  }

  /**
   * The same lookup for authentication, on every request: one query on the prefix index, read as plain
   * records (nothing enters the identity map), so a revoked key is refused by the next request.
   */
  async findCredentials(prefix: string, now = new Date()): Promise<ApiKeyCredential[]> {
    const rows = await this.em.execute<CredentialRow[]>(
      `select k.organization_id, k.id, k.key_hash, k.description, k.last_used, u.id as user_id, u.email
       from api_keys k join users u on u.organization_id = k.organization_id and u.id = k.user_id
       where k.prefix = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?)`,
      [prefix, now],
    );
    return rows.map((row) => ({
      organizationId: row.organization_id,
      id: row.id,
      keyHash: row.key_hash,
      description: row.description,
      lastUsed: row.last_used === null ? null : new Date(row.last_used),
      userId: row.user_id,
      email: row.email,
    }));
  }

  findActive(organizationId: string, id: string, now = new Date()): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { organizationId, id, ...active(now) });
  }

  /** One page of a user's usable keys, newest first, and whether more follow. */
  async pageForUser(organizationId: string, userId: string, offset: number, limit: number): Promise<{ keys: ApiKey[]; more: boolean }> {
    const rows = await this.em.find(
      ApiKey,
      { organizationId, user: [organizationId, userId], ...active(new Date()) },
      { orderBy: { createdAt: 'desc', id: 'asc' }, offset, limit: limit + 1 },
    );
    return { keys: rows.slice(0, limit), more: rows.length > limit };
  }

  /** Revokes a usable key; false when there is none with that id in the organization. */
  async revoke(organizationId: string, id: string): Promise<boolean> {
    const now = new Date();
    const changed = await this.em.nativeUpdate(ApiKey, { organizationId, id, ...active(now) }, { revokedAt: now, updatedAt: now });
    return changed > 0;
  }

  /** Records use at most once a minute per key, whichever instance serves it. */
  async touchLastUsed(organizationId: string, id: string): Promise<void> {
    const now = new Date();
    await this.em.nativeUpdate(
      ApiKey,
      { organizationId, id, $or: [{ lastUsed: null }, { lastUsed: { $lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      { lastUsed: now },
    );
  }
}
