import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tiendo-out/**', 'test-output/**', 'bench-data/**', 'core/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is pure: shared by the add-in (browser) and the analytics (Node).
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'core/ must not import Node built-ins (it also runs in the browser).' },
          { group: ['exceljs', 'exceljs/*', 'fflate', 'xlsx'], message: 'core/ must not touch an xlsx library: only analytics/xlsx adapters do.' },
          { group: ['office-js', '@microsoft/office-js', '**/addin/**', '**/analytics/**'], message: 'core/ must not import Office.js or the adapters.' },
        ],
        paths: ['fs', 'path', 'os', 'zlib', 'worker_threads', 'child_process', 'stream', 'buffer', 'crypto', 'util', 'url', 'events'],
      }],
      'no-restricted-globals': ['error', { name: 'Office', message: 'core/ must not use Office.js.' }, { name: 'Excel', message: 'core/ must not use Office.js.' }, { name: 'process', message: 'core/ is pure: no process.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ never reads the clock: pass asOf.' }],
    },
  },
);
