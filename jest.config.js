/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `npm run typecheck` (tsc over src and test); Jest only transpiles, file by file.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['<rootDir>/test/setup-fast-check.js'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  maxWorkers: 2,
};
