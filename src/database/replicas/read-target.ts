import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgreSqlConnection } from '@mikro-orm/postgresql';

/**
 * The replica a replica-read request was given (set by `ReplicaReadsInterceptor` around the handler, once the
 * replica has replayed past the primary's position at the request's arrival). Absent: everything goes to the primary.
 */
export const readTarget = new AsyncLocalStorage<PostgreSqlConnection>();
