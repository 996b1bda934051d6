const base = require('./jest.base');

/** Browser tests: Debian's Chromium driven by playwright-core against the real app. */
module.exports = {
  ...base,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
