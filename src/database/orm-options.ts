import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { Options } from '@mikro-orm/core';
import { migrationsList } from '../../migrations';
import type { DatabaseConfig } from '../config/app-config';
import { BindingPostgreSqlDriver } from './binding/bound-parameters';
import { QUERY_TIMEOUT_MARGIN_MS, surviveConnectionFaults } from './connection-faults';
import { replicaOptions } from './replicas/replica-options';

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** The one MikroORM configuration: PostgreSQL when a URL is configured, the embedded PGlite otherwise. */
export function buildOrmOptions(database: DatabaseConfig, entities: readonly Function[]): Partial<Options> {
  const common: Partial<Options> = {
    entities: [...entities],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      tableName: MIGRATIONS_TABLE,
      migrationsList,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
  };
  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver: BindingPostgreSqlDriver,
      clientUrl: database.url,
      pool: { min: 0, max: database.poolMax, idleTimeoutMillis: 30_000 },
      driverOptions: {
        connectionTimeoutMillis: database.timeoutMs,
        statement_timeout: database.timeoutMs,
        query_timeout: database.timeoutMs + QUERY_TIMEOUT_MARGIN_MS,
        idle_in_transaction_session_timeout: database.timeoutMs * 2,
        application_name: 'scorekeeper',
        onPoolCreated: surviveConnectionFaults,
      },
      ...replicaOptions(database),
    };
  }
  // Required here, not imported above: a service on PostgreSQL never loads PGlite (~2 MiB of heap).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pgliteOrmOptions } = require('./pglite-orm-options') as typeof import('./pglite-orm-options');
  return { ...common, ...pgliteOrmOptions(database.dataDir) };
}
