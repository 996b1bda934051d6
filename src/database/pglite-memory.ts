import { PGlite } from '@electric-sql/pglite';

/**
 * The embedded PostgreSQL's memory: it runs in one WebAssembly heap that grows and never shrinks, and
 * its own defaults (128 MB of shared buffers) are sized for a server. One process and one connection
 * need far less; docs/decisions.md ("Memory") has the measurements behind these values.
 */
export const PGLITE_MEMORY_SETTINGS: Record<string, string> = {
  shared_buffers: '1MB',
  maintenance_work_mem: '16MB',
  temp_buffers: '2MB',
  wal_buffers: '1MB',
  // Shared memory is sized for max_connections backends (and WAL senders, autovacuum workers) although
  // PGlite runs one: 8 MB with the defaults, 5 MB with these (~2 MiB less resident). The lock table
  // still holds a transaction that creates ~4,500 tables (test/service/pglite-memory.spec.ts).
  max_connections: '1',
  max_wal_senders: '0',
  max_replication_slots: '0',
  autovacuum_max_workers: '1',
};

/** PGlite's start parameters with the settings above added (`-c name=value` after its defaults). */
export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(PGLITE_MEMORY_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}
