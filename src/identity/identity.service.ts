import { ConflictException, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { apiKeyMatches, generateApiKey, hashApiKey, isAcceptableApiKey, lookupPrefix, truncateApiKey } from '../auth/api-key-material';
import { hashPassword } from '../auth/passwords';
import { takeStartupLock } from '../database/startup-lock';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import { ApiKeysRepository } from './api-keys.repository';
import { checkEmail, checkId, checkOrganizationName, checkPassword } from './identity-rules';
import type { ApiKey } from './entities/api-key.entity';
import type { Organization } from './entities/organization.entity';
import type { User } from './entities/user.entity';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';

export interface ApiKeyRequest {
  description: string;
  expiresAt: Date | null;
  /** An exact key to import instead of generating one. */
  key?: string | null;
}

/** A key as created: the plain key is returned once and never stored. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  plainKey: string;
}

@Injectable()
export class IdentityService {
  constructor(
    private readonly em: EntityManager,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  createOrganization(name: string): Promise<Organization> {
    return this.organizations.create(checkOrganizationName(name));
  }

  async createUser(organizationId: string, email: string, password: string): Promise<User> {
    checkId('organization_id', organizationId);
    const normalized = checkEmail(email);
    checkPassword(password);
    if (!(await this.organizations.findById(organizationId))) throw new ResourceNotFoundException('Organization');
    try {
      return await this.users.create(organizationId, normalized, await hashPassword(password));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictException(`A user with e-mail ${normalized} already exists`);
      throw error;
    }
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email.trim().toLowerCase());
  }

  async createApiKey(organizationId: string, userId: string, createdBy: string, request: ApiKeyRequest): Promise<CreatedApiKey> {
    if (!(await this.users.findById(organizationId, userId))) throw new ResourceNotFoundException('User');
    const plainKey = request.key ?? generateApiKey();
    if (!isAcceptableApiKey(plainKey)) {
      throw new RequestValidationException([
        {
          type: 'value_error',
          loc: ['body', 'api_key'],
          msg: 'Value error, an API key must be 32 to 256 printable ASCII characters',
          input: '[redacted]',
        },
      ]);
    }
    const prefix = lookupPrefix(plainKey);
    const clash = (await this.apiKeys.findActiveByPrefix(prefix)).some((existing) => apiKeyMatches(plainKey, existing.keyHash));
    if (clash) throw new ConflictException('That API key is already in use');
    const apiKey = await this.apiKeys.create({
      organizationId,
      userId,
      createdBy,
      description: request.description,
      prefix,
      keyHash: hashApiKey(plainKey),
      truncated: truncateApiKey(plainKey),
      expiresAt: request.expiresAt,
    });
    return { apiKey, plainKey };
  }

  async listApiKeys(organizationId: string, userId: string, offset: number, limit: number): Promise<{ keys: ApiKey[]; more: boolean }> {
    if (!(await this.users.findById(organizationId, userId))) throw new ResourceNotFoundException('User');
    return this.apiKeys.pageForUser(organizationId, userId, offset, limit);
  }

  async revokeApiKey(organizationId: string, apiKeyId: string): Promise<void> {
    checkId('api_key_id', apiKeyId);
    if (!(await this.apiKeys.revoke(organizationId, apiKeyId))) throw new ResourceNotFoundException('API key');
  }

  /**
   * Makes sure the administrator of a fresh installation exists: their organization and user when the
   * e-mail is unknown, and the given key (imported exactly) when it is not already theirs.
   */
  async ensureAdministrator(
    email: string,
    password: string,
    apiKey?: string,
    keyDescription = 'Administrator key (SCOREKEEPER_ADMIN_API_KEY)',
  ): Promise<{ user: User; created: boolean; keyImported: boolean }> {
    return this.em.transactional(async () => {
      await takeStartupLock(this.em);
      let user = await this.findUserByEmail(email);
      const created = !user;
      if (!user) {
        const organization = await this.createOrganization('Default organization');
        user = await this.createUser(organization.id, email, password);
      }
      let keyImported = false;
      if (apiKey) {
        const existing = (await this.apiKeys.findActiveByPrefix(lookupPrefix(apiKey))).find((key) => apiKeyMatches(apiKey, key.keyHash));
        if (!existing) {
          await this.createApiKey(user.organizationId, user.id, user.id, {
            description: keyDescription,
            expiresAt: null,
            key: apiKey,
          });
          keyImported = true;
        } else if (existing.organizationId !== user.organizationId || existing.user.id !== user.id) {
          throw new ConflictException('SCOREKEEPER_ADMIN_API_KEY is already the key of another user');
        }
      }
      return { user, created, keyImported };
    });
  }
}
