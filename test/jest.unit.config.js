const base = require('./jest.base');

/** Unit and contract tests: no database, no network. */
module.exports = { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/{unit,contract}/**/*.spec.ts'] };
