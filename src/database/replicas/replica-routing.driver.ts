import type { AnyEntity, ConnectionType, EntityData, LoggingOptions, Transaction } from '@mikro-orm/core';
import type { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { QueryResult } from '@mikro-orm/sql';
import { BindingPostgreSqlDriver } from '../binding/bound-parameters';
import { readTarget } from './read-target';

type Query = Parameters<PostgreSqlDriver['execute']>[0];
type Params = Parameters<PostgreSqlDriver['execute']>[1];

/**
 * PostgreSQL (parameters bound) with read replicas, routed per request instead of at random: MikroORM's `read` connection is the
 * replica the current request was given (see `ReplicaReadsInterceptor`), the primary everywhere else. Inside such
 * a request, `em.find`/`em.count`/query builders (`preferReadReplicas`) and raw `em.execute` statements outside a
 * transaction run on that replica; a transaction always runs on the primary.
 */
export class ReplicaRoutingDriver extends BindingPostgreSqlDriver {
  override getConnection(type: ConnectionType = 'write'): PostgreSqlConnection {
    return (type === 'read' ? readTarget.getStore() : undefined) ?? this.connection;
  }

  override execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    query: Query,
    params?: Params,
    method?: 'all' | 'get' | 'run',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
    connection: PostgreSqlConnection = this.connection,
  ): Promise<T> {
    const routed = !ctx && connection === this.connection ? this.getConnection('read') : connection;
    return super.execute<T>(query, params, method, ctx, loggerContext, routed);
  }

  /** The primary's connection and the replicas' (in the order of DATABASE_REPLICA_URLS). */
  connections(): { primary: PostgreSqlConnection; replicas: readonly PostgreSqlConnection[] } {
    return { primary: this.connection, replicas: this.replicas };
  }
}
