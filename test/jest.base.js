/** Settings every test tier shares (the CJS template's ts-jest transform). */
module.exports = {
  rootDir: '..',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // The test cluster is shared with the benchmarks (run by Node without a compiler): it imports `./pg-server.ts`.
  moduleNameMapper: { '^\\./pg-server\\.js$': '<rootDir>/test/support/pg-server.ts' },
  testEnvironment: 'node',
  maxWorkers: 2,
};
