import type { EntityManager } from '@mikro-orm/sql';

/**
 * Instances starting at once on one database would run the same migrations, or create the same
 * administrator, side by side (and all but one fail). Each of these steps runs in a transaction that
 * first takes this advisory lock, so they happen one instance after the other.
 */
export async function takeStartupLock(em: EntityManager): Promise<void> {
  await em.execute("select pg_advisory_xact_lock(hashtext('scorekeeper:startup'))");
}
