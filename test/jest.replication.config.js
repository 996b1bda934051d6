const base = require('./jest.base');

/**
 * Read replicas and Citus-ready SQL (test/replication): each file builds its own PostgreSQL primary and
 * streaming replica from the server binaries (PG_BIN or /usr/lib/postgresql/N/bin) on free ports, and removes
 * them. Never touches the machine's PostgreSQL server. One file at a time: each runs a cluster.
 */
module.exports = {
  ...base,
  displayName: 'replication',
  testMatch: ['<rootDir>/test/replication/**/*.spec.ts'],
  maxWorkers: 1,
  testTimeout: 600000,
};
