// Lint, with the layer rules of ../shared/DESIGN.md as errors:
// renderer → shared ← electron/core ← electron/main, electron/host.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'better-sqlite3'];
// A folder pattern `**/core/**` must also catch an import of the folder itself (`../core`).
const withFolders = (patterns) => patterns.flatMap((p) => (p.endsWith('/**') ? [p, p.slice(0, -3)] : [p]));
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: withFolders(patterns), message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', ...nodeBuiltins], 'shared/ runs on both sides: no Electron, Node or renderer imports (DESIGN.md "Layout").'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(['electron', '**/electron/**', ...nodeBuiltins], 'The renderer talks to the core only through the typed client (DESIGN.md "Layout").'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(['electron', '**/main/**', '**/host/**', '**/preload/**', '**/renderer/**'], 'electron/core is plain Node: it never imports Electron, the shells or the renderer (DESIGN.md "Layout").'),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: restrict(['electron', '**/main/**', '**/preload/**', '**/renderer/**'], 'The host is plain Node beside the Electron shell, not on top of it.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(['**/core/**', '**/host/**', '**/main/**', '**/renderer/**', ...nodeBuiltins], 'The sandboxed preload only bridges IPC: it imports electron and shared/api names, nothing else.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['**/host/**', '**/renderer/**'], 'The Electron shell binds the core; it does not reach into the host or the renderer.'),
  },
);
