import type { EntityClass, EntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Rows read with `em.execute`, converted by the ORM's own result mapper (column names to properties,
 * dates, JSON) but not made managed entities: no identity map, no change tracking, nothing flushed.
 * For reads on hot paths whose result is only looked at or written back with explicit SQL.
 */
export function detached<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: Record<string, unknown>[]): T[] {
  const meta = em.getMetadata().get(entity);
  const driver = em.getDriver();
  return rows.map((row) => driver.mapResult(row as EntityData<T>, meta) as T);
}
