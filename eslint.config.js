// One lint config for the whole monorepo. Type-aware rules are left out on purpose:
// `npm run typecheck` (tsc) already does that work, and lint stays fast enough to run on save.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/coverage/**',
      '**/playwright-report/**',
      '**/test-results/**',
      // Temporary folders of the dev-server and bench tests, left only by an interrupted run. (The
      // scaffold test's folders are linted on purpose: that test checks a new plugin passes lint.)
      '**/.dev-test-*/**',
      '**/.browser-test-*/**',
      '**/.bench-*/**',
      // Fixture plugins imitate real third-party webapp2 plugins: sloppy-mode classic scripts on purpose.
      '**/fixtures/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  prettier,
);
