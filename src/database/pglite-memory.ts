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
};

/** PGlite's start parameters with the settings above added (`-c name=value` after its defaults). */
export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(PGLITE_MEMORY_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}
