const base = require('./jest.base');

/**
 * Reliability tests (test/reliability): fuzzing, injection, database faults, shutdown, several
 * instances, abuse limits. Against PostgreSQL; one file at a time (each loads the machine). The
 * database-fault tests stop and freeze a throwaway PostgreSQL cluster of their own, never the shared server.
 * RELIABILITY_LONG=1 runs the long variants.
 */
module.exports = {
  ...base,
  displayName: 'reliability',
  testMatch: ['<rootDir>/test/reliability/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/reliability/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 600000,
};
