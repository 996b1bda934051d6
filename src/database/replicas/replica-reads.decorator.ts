import { SetMetadata } from '@nestjs/common';

export const REPLICA_READS = 'scorekeeper:replica-reads';

/**
 * Marks reads that may be served by a replica (when DATABASE_REPLICA_URLS is set): on a controller, its GET
 * routes; on a route, that route (e.g. a list sent as POST); `ReplicaReads(false)` on a route opts it out.
 * Such a route must only read: its statements outside a transaction run on the replica the request was given
 * (one that has replayed every write acknowledged before the request arrived), or on the primary.
 */
export const ReplicaReads = (eligible = true) => SetMetadata(REPLICA_READS, eligible);
