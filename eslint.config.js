import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'scratch/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain reads no clock: pass today as an argument (style.md §6)',
        },
      ],
    },
  },
  // The layers (DESIGN.md: HTTP/CLI → services → domain + store). Web reaches data only through services:
  // no query builder, no store values (types from store are allowed). Services never reach up into web.
  // The domain imports nothing outside the domain.
  {
    files: ['src/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', message: 'web reaches data through a service (src/services), never SQL', allowTypeImports: true }],
          patterns: [
            {
              group: ['**/store/*'],
              message: 'web reaches data through a service (src/services), not a repository',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**', 'src/store/**', 'src/domain/**', 'src/search/**', 'src/export/**', 'src/audit/**', 'src/jobs/**'],
    ignores: [],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/*', '**/web/**'], message: 'only the web layer imports the web layer' }] },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', message: 'the domain is pure: no SQL' }],
          patterns: [
            {
              // src/domain has no folder of these names, so any such import leaves the domain
              group: ['**/store/*', '**/services/*', '**/web/*', '**/cli/*', '**/jobs/*', '**/export/*', '**/search/*', '**/audit/*'],
              message: 'the domain imports nothing outside src/domain',
            },
            { group: ['node:*', 'fs', 'pg', 'better-sqlite3', 'fastify'], message: 'the domain does no I/O' },
          ],
        },
      ],
    },
  },
  {
    // migrations are frozen in time and typed loosely on purpose (kysely docs: Kysely<any>)
    files: ['src/store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/web/**', 'src/cli/**', 'src/store/**', 'src/services/**', 'src/jobs/**', 'test/**', 'bench/**', 'scripts/**', 'src/export/**', 'src/audit/**', 'src/search/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
