import { loadConfig } from '../../../src/config/app-config';
import { buildOrmOptions } from '../../../src/database/orm-options';
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
});
