import { isDatabaseUnavailable } from '../../common/filters/database-errors';

/**
 * Errors of a read on a replica that the primary would not have: the replica is unreachable or restarting
 * (`isDatabaseUnavailable`), the database is not there yet (created on the primary, not yet replayed), or the
 * statement was cancelled by a recovery conflict (replay removed rows it still needed).
 */
const REPLICA_ONLY_CODES = new Set(['3D000', '40001', '40P01', '57P04']);

export function isReplicaFailure(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && REPLICA_ONLY_CODES.has(current.code)) return true;
    current = current.cause as typeof current;
  }
  return false;
}
