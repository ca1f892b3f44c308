/** Unit tests run from TypeScript through ts-jest; e2e tests run the compiled CLI in dist/ (built by `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testTimeout: 120000,
  verbose: false,
};
