import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'custom-elements.json',
      'test/hosts/dist/',
      'test/hosts/angular/dist/',
      'test/hosts/angular/.angular/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts', 'bench/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    plugins: { lit, 'lit-a11y': litA11y, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
    },
  },
  {
    files: [
      'emulator/**/*.ts',
      'server/**/*.ts',
      'examples/**/*.ts',
      'test/emulator/**/*.ts',
      'test/server/**/*.ts',
      'test/demo/**/*.ts',
      'scripts/**/*.mjs',
      '*.config.*',
      'bin/**/*.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Type-aware rules where a forgotten promise is a bug: the library, the emulator, the server
    // helper and the examples. (In tests, chai's assertions and node:test's describe/it are
    // thenables by type, so these rules would flag every line.)
    files: ['src/**/*.ts', 'emulator/**/*.ts', 'server/**/*.ts', 'examples/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'emulator/cli.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
