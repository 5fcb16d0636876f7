import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // The layers of docs/architecture.md: imports only go one way.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['devices/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/renderer/**', '**/sync/**', '**/electron/**'] },
      ],
    },
  },
  {
    files: ['sync/client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/sync/server/**', '**/server/**', '**/renderer/**'] },
      ],
    },
  },
  {
    files: ['sync/server/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/sync/client/**', '**/client/**', '**/renderer/**', '**/devices/**'] },
          ],
        },
      ],
    },
  },
  {
    files: ['sync/protocol/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**', '**/server/**', '**/renderer/**', '**/devices/**'] },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The renderer may take the bridge contract and two browser-safe pieces of the card
    // reader's knowledge (the GB 11643 check and masking), nothing else of devices/.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/sync/server/**',
                '**/devices/host/**',
                '**/devices/printer/**',
                '**/devices/scanner/**',
                '**/devices/manager/**',
                '**/devices/transport/**',
                '**/electron/**',
              ],
            },
            { group: ['**/devices/idcard/**'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
