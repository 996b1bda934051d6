import type { Options } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../config/app-config';
import { ReplicaRouter } from './replica-router';
import { ReplicaRoutingDriver } from './replica-routing.driver';

/** MikroORM's read replicas for DATABASE_REPLICA_URLS, routed per request by `ReplicaRoutingDriver`; nothing without them. */
export function replicaOptions(database: DatabaseConfig): Partial<Options> {
  const urls = database.kind === 'postgresql' ? (database.replicas?.urls ?? []) : [];
  if (urls.length === 0) return {};
  return {
    driver: ReplicaRoutingDriver,
    replicas: urls.map((url, index) => ({ name: `replica-${index + 1}`, clientUrl: url })),
    preferReadReplicas: true,
  };
}

/** The router of the ORM's replicas (one that routes nothing when there are none, as on the embedded database). */
export function replicaRouterFor(orm: MikroORM, database: DatabaseConfig): ReplicaRouter {
  const driver = orm.em.getDriver();
  if (!(driver instanceof ReplicaRoutingDriver) || database.kind !== 'postgresql' || !database.replicas) return ReplicaRouter.none();
  const { primary, replicas } = driver.connections();
  return new ReplicaRouter(primary, replicas, database.replicas);
}
