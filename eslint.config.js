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
