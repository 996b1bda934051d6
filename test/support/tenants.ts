import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { IdentityService } from '../../src/identity/identity.service';

/** An organization with one user and one API key, and the headers each mechanism sends. */
export interface Tenant {
  organizationId: string;
  userId: string;
  email: string;
  password: string;
  apiKey: string;
  apiKeyId: string;
  galileoKey: Record<string, string>;
  bearerKey: Record<string, string>;
  basic: Record<string, string>;
}

/** Runs `work` with the application's services inside a unit of work, as a request would. */
export function withServices<T>(app: INestApplication, work: () => Promise<T>): Promise<T> {
  return RequestContext.create(app.get(MikroORM).em, work);
}

export async function createTenant(app: INestApplication, label = 'tenant'): Promise<Tenant> {
  const identity = app.get(IdentityService);
  const email = `${label}-${randomBytes(4).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  return withServices(app, async () => {
    const organization = await identity.createOrganization(`${label} organization`);
    const user = await identity.createUser(organization.id, email, password);
    const { apiKey, plainKey } = await identity.createApiKey(organization.id, user.id, user.id, {
      description: `${label} key`,
      expiresAt: null,
    });
    return {
      organizationId: organization.id,
      userId: user.id,
      email,
      password,
      apiKey: plainKey,
      apiKeyId: apiKey.id,
      galileoKey: { 'Galileo-API-Key': plainKey },
      bearerKey: { Authorization: `Bearer ${plainKey}` },
      basic: { Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` },
    };
  });
}
