import { APP_INTERCEPTOR } from '@nestjs/core';
import { loadConfig } from '../../../src/config/app-config';
import { DatabaseModule } from '../../../src/database/database.module';
import { buildOrmOptions } from '../../../src/database/orm-options';
import { ReplicaReadsInterceptor } from '../../../src/database/replicas/replica-reads.interceptor';
import { ReplicaRoutingDriver } from '../../../src/database/replicas/replica-routing.driver';

describe('read replicas in the ORM options', () => {
  it('are absent without DATABASE_REPLICA_URLS, on PostgreSQL and on the embedded database', () => {
    for (const env of [{ DATABASE_URL: 'postgres://db/sk' }, {}]) {
      const options = buildOrmOptions(loadConfig(env).database, []);
      expect(options.replicas).toBeUndefined();
      expect(options.driver).not.toBe(ReplicaRoutingDriver);
    }
  });

  it('are MikroORM replicas, routed per request, when DATABASE_REPLICA_URLS lists them', () => {
    const { database } = loadConfig({ DATABASE_URL: 'postgres://db/sk', DATABASE_REPLICA_URLS: 'postgres://r1/sk,postgres://r2/sk' });
    expect(buildOrmOptions(database, [])).toMatchObject({
      driver: ReplicaRoutingDriver,
      preferReadReplicas: true,
      replicas: [
        { name: 'replica-1', clientUrl: 'postgres://r1/sk' },
        { name: 'replica-2', clientUrl: 'postgres://r2/sk' },
      ],
    });
  });

  it('route requests through the replica interceptor only when there are replicas (a global interceptor costs every request)', () => {
    const interceptors = (env: Record<string, string>) =>
      (DatabaseModule.forRoot([], loadConfig(env).database).providers ?? []).filter(
        (provider) => typeof provider === 'object' && 'provide' in provider && provider.provide === APP_INTERCEPTOR,
      );
    expect(interceptors({ DATABASE_URL: 'postgres://db/sk' })).toEqual([]);
    expect(interceptors({})).toEqual([]);
    expect(interceptors({ DATABASE_URL: 'postgres://db/sk', DATABASE_REPLICA_URLS: 'postgres://r1/sk' })).toEqual([
      { provide: APP_INTERCEPTOR, useClass: ReplicaReadsInterceptor },
    ]);
  });
});
