import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '../../../src/auth/principal';
import { AppModule } from '../../../src/app.module';
import { loadConfig } from '../../../src/config/app-config';
import { Organization } from '../../../src/identity/entities/organization.entity';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';

/**
 * The service tier (immich's "medium" tests): the application's modules with their real
 * repositories on the suite's database (PGlite, or PostgreSQL with TEST_DB=postgres), no HTTP.
 */
export interface ServiceContext {
  module: TestingModule;
  get<T>(type: new (...args: never[]) => T): T;
  /** Runs `work` in a unit of work of its own, as a request does. */
  run<T>(work: () => Promise<T>): Promise<T>;
  em(): EntityManager;
  close(): Promise<void>;
}

export async function serviceContext(): Promise<ServiceContext> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...database.env });
  const module = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  await module.init();
  const orm = module.get(MikroORM);
  return {
    module,
    get: (type) => module.get(type),
    run: (work) => RequestContext.create(orm.em, work),
    em: () => module.get(EntityManager),
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}

/** A new organization and a caller of it (an API key named `description`, as scores record their actor). */
export async function tenantOf(context: ServiceContext, description = 'service test key'): Promise<Principal> {
  const organizationId = randomUUID();
  await context.run(() =>
    context.em().insert(Organization, { id: organizationId, name: `org ${organizationId.slice(0, 8)}`, createdAt: new Date() }),
  );
  return {
    organizationId,
    userId: randomUUID(),
    email: `user-${organizationId.slice(0, 8)}@example.test`,
    method: 'api_key',
    apiKeyId: randomUUID(),
    apiKeyDescription: description,
  };
}
