import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (see docs/development.md).
 *
 * Every project carries one `scope:*` and one `type:*` tag in its project.json.
 * A project whose tags match no constraint below cannot import any other project,
 * so a new project (for example libs/web/<name>) only needs its tags: ["scope:web", "type:lib"].
 */
const depConstraints = [
  // Who may depend on whom, by area of the product.
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Apps and e2e suites are leaves: they use libraries, libraries never use them.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vitest.config.*.timestamp*', '**/test-output'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          // The given-name data ('@lantern/shared-domain/names') is imported lazily by web-ui's
          // PersonalDataScanner to keep it out of the initial bundle; the rest of the library is static.
          checkDynamicDependenciesExceptions: ['@lantern/shared-domain'],
          depConstraints,
        },
      ],
    },
  },
];
