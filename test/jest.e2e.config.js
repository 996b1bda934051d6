const base = require('./jest.base');

/**
 * Service-tier and HTTP tests against a real database: the embedded PGlite by default,
 * PostgreSQL with TEST_DB=postgres (TEST_DATABASE_URL, or a container when Docker runs).
 */
module.exports = {
  ...base,
  displayName: `e2e:${process.env.TEST_DB ?? 'pglite'}`,
  testMatch: ['<rootDir>/test/{service,e2e}/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous for a loaded 2-core machine: suites seed hundreds of rows in their beforeAll.
  testTimeout: 180000,
};
