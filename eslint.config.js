// Lint configuration. The analysis core must stay a pure library: no vscode, no LSP, no fs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.vscode-test/', 'bench/corpora/', 'bench/out/', 'test/e2e/workspace/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The e2e suite runs under mocha inside VS Code's extension host.
    files: ['test/e2e/suite/**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'child_process'], message: 'The core is pure: text in, findings out. Do I/O in an adapter.' },
      ] }],
    },
  },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] } },
);
