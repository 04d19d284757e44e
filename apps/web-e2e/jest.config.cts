/**
 * Browser tests: Jest drives Debian's Chromium through playwright-core against a real api
 * (started by the global setup on a fresh database). Run with `npx nx run web-e2e:e2e`.
 */
const ESM_PACKAGES = ['@noble/hashes', '@scure/base'];

module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/src/support/environment.ts',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/support/setup-after-env.ts'],
  transform: {
    // otplib's dependencies (@noble/hashes 2, @scure/base 2) ship only ES modules: made CommonJS for Jest.
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!(${ESM_PACKAGES.join('|')})/)(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/)`,
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lantern/shared-domain$': '<rootDir>/../../libs/shared/domain/src/index.ts',
  },
  testTimeout: 90_000,
  maxWorkers: 1,
};
