import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import boundaries from 'eslint-plugin-boundaries';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers: lib, api → domain, components/ui → shared → features → app. `shared` holds what more
 * than one feature uses (the decision outbox, the keyboard shortcuts, the wellness state that
 * previews obey); a feature reads no other feature, and the app reads a feature only through its
 * `public.ts`. The server reads api, domain and lib; the mocks read those and the server; nothing
 * in the console reads mocks, the server or test helpers.
 */
const elements = [
  { type: 'app', pattern: 'src/app' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'shared', pattern: 'src/shared' },
  { type: 'ui', pattern: 'src/components/ui' },
  { type: 'domain', pattern: 'src/domain' },
  { type: 'api', pattern: 'src/api' },
  { type: 'lib', pattern: 'src/lib' },
  { type: 'mocks', pattern: 'src/mocks' },
  { type: 'server', pattern: 'src/server' },
  { type: 'test', pattern: 'src/test' },
];

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'src/api/openapi.json',
      '.verity',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // TanStack Router's redirects are thrown on purpose.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'Redirect' }] },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery, boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...tanstackQuery.configs.recommended.rules,
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('app', ['app', 'shared', 'ui', 'domain', 'api', 'lib']),
            // A feature's public.ts is all the app may read of it.
            {
              from: { element: { type: 'app' } },
              allow: { to: { element: { type: 'feature', fileInternalPath: 'public.ts' } } },
            },
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: {
                  element: {
                    type: 'feature',
                    captured: { feature: '{{ from.captured.feature }}' },
                  },
                },
              },
            },
            allow('feature', ['shared', 'ui', 'domain', 'api', 'lib']),
            allow('shared', ['shared', 'ui', 'domain', 'api', 'lib']),
            allow('ui', ['ui', 'api', 'lib']),
            allow('domain', ['domain', 'api', 'lib']),
            allow('api', ['api', 'lib']),
            allow('lib', ['lib']),
            allow('mocks', ['mocks', 'server', 'api', 'domain', 'lib']),
            allow('server', ['server', 'api', 'domain', 'lib']),
            allow('test', ['test', 'mocks', 'server', 'app', 'api']),
          ],
        },
      ],
    },
  },
  {
    // zod's runtime comes configured from src/lib/zod.ts (zod/mini, English messages, no eval
    // probe under the CSP); classic zod's methods would bring the whole library into the bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: 'The contract is built with zod/mini: import { z } from src/lib/zod.ts.',
            },
            {
              name: 'zod/mini',
              message: 'Import { z } from src/lib/zod.ts, which configures it.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['zod/*', '!zod/mini'],
              message: 'The contract is built with zod/mini: import { z } from src/lib/zod.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may reach the server and the test helpers; the console itself never may.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'boundaries/dependencies': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    // A context opened past the fixtures escapes the guard (console errors, foreign requests, CSP).
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='browser'][callee.property.name=/^new(Context|Page)$/]",
          message: 'Open another browser through the newContext or signInElsewhere fixture.',
        },
      ],
    },
  },
);
