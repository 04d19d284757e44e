// @noble/hashes (2.x, under @otplib/plugin-crypto-noble) and @scure/base: otplib's dependencies.
const ESM_PACKAGES = [
  'pg-boss',
  'serialize-error',
  'non-error',
  'rrule-temporal',
  'temporal-spec',
  '@noble/hashes',
  '@scure/base',
];
const ESM_PACKAGES_JS = `/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`;

module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // pg-boss and its dependencies ship only ES modules; Node 24 loads them with require(), Jest's
    // sandbox does not, so they are turned into CommonJS for the tests (first match wins).
    [ESM_PACKAGES_JS]: [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Ignore node_modules except those packages, also where they are nested (a/node_modules/@noble/hashes).
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Integration tests run against a real PostgreSQL server (TEST_DATABASE_URL); see test/support.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  coverageDirectory: '../../coverage/apps/api',
};
