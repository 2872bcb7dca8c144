// Three projects: unit (*.spec.ts beside the code), e2e (test/**/*.e2e-spec.ts, real PostgreSQL and Redis) and
// browser (test/browser/*.browser-spec.ts: chromium against the api serving the built console).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|m?j)s$': swc },
  // content-disposition (via @fastify/static, for the OpenAPI UI) is ESM-only: let swc turn it into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|structured-headers)/)'],
  moduleNameMapper: {
    '^@app/migrations$': '<rootDir>/migrations',
    '^@app/kernel/(calendar|identifiers|money)$': '<rootDir>/libs/kernel/src/$1',
    '^@app/([a-z]+)/domain$': '<rootDir>/libs/$1/src/domain',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
};
module.exports = {
  testTimeout: 60_000,
  // The Redis-outage fault test leaves BullMQ's internal blocking connection of a worker whose Redis never came up
  // retrying after close (it is not ours to disconnect); in production the process exits after shutdown anyway.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
    {
      // The console in Debian's chromium (playwright-core) against the real api serving the built console.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};
