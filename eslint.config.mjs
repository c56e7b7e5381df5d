// ESLint for Paperlab (`npm run lint`, part of `npm test` and `.ci/run`): typescript-eslint's
// type-aware recommended rules. The plug-in points — where a paper meets the rest (src/papers/**,
// src/core/paper/**, the recipe contract) — get all of them, `no-explicit-any` and the `no-unsafe-*`
// family included: a paper is typed end to end. Elsewhere in src/ and webview/ the `any`-tracking rules
// are off (JSON Schema walking and message parsing read untyped data on purpose, and check it by hand);
// tests, scripts and benchmarks also drop the rules that fight node:test (floating `test()` promises).
// bench/ is not linted: like tsc, it is left out (its page functions run in the browser).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const anyTracking = {
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
};

export const PLUG_IN_POINTS = ['src/papers/**/*.ts', 'src/core/paper/**/*.ts', 'src/trainer/recipe.ts'];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', '.vscode-test/', 'test-results/', 'bench/', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `(a.dispose(), b.dispose())` and `cond && fn()` are house style for short side effects.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowArray: true },
      ],
      // Off, on purpose: `'mnist' | string` documents the known values of an open set; messages
      // String() untrusted values deliberately; VS Code APIs want async functions that may not await;
      // jsonc-parser's token kinds are compared as the numbers its scanner returns.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  { files: ['src/**/*.ts', 'webview/**/*.ts'], ignores: PLUG_IN_POINTS, rules: anyTracking },
  { files: ['webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Tensor code narrows tfjs's generic results (`tf.matMul(a, b) as Tensor2D`) by assertion, as tfjs's
    // own examples do; the rule would have each written as a type argument instead.
    files: ['src/trainer/**/*.ts', 'src/papers/*/recipe.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      ...anyTracking,
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'preserve-caught-error': 'off',
    },
  },
);
