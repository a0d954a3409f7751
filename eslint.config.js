import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first; a folder may import only from the folders before it:
 *   core/   pure domain (Grid → tasks with issues), browser-safe, no clock
 *   report/ pure, browser-safe report model: counts, labels, sentences, summary tables, sheet layouts
 *   xlsx/   the workbook reader and writer (Node adapters; ExcelJS only reads outputs back in test/)
 *   docx/   Word documents (the only user of the docx library)
 *   history/ the period history store (Node adapter: Parquet files through embedded DuckDB), beside xlsx/
 *   batch/  Node jobs over files: the read pool, aggregate, distribute
 *   cli/    the command line;   api/  the scripting API for analysts' scripts;   addin/  the Excel add-in (its adapter is the only Office.js user)
 */
const layer = (name, forbidden, allow = []) => ({ group: [...forbidden.map((f) => `**/${f}/**`), ...allow.map((a) => `!**/${a}`)], message: `${name}/ must not import from ${forbidden.join(', ')} (imports run downward only; see ARCHITECTURE.md).` });
const NODE_BUILTINS = ['fs', 'path', 'os', 'zlib', 'worker_threads', 'child_process', 'stream', 'buffer', 'crypto', 'util', 'url', 'events'];
const pure = (name, upper) => ({
  files: [`${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['node:*'], message: `${name}/ must not import Node built-ins (it also runs in the browser).` },
        { group: ['exceljs', 'exceljs/*', 'fflate', 'xlsx', '@duckdb/*', 'docx'], message: `${name}/ must not touch a file-format library: only the adapters do.` },
        { group: ['office-js', '@microsoft/office-js'], message: `${name}/ must not import Office.js.` },
        layer(name, upper),
      ],
      paths: NODE_BUILTINS,
    }],
    'no-restricted-globals': ['error', { name: 'Office', message: `${name}/ must not use Office.js.` }, { name: 'Excel', message: `${name}/ must not use Office.js.` }, { name: 'process', message: `${name}/ is pure: no process.` }],
    'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: `${name}/ never reads the clock: pass asOf.` }],
  },
});
const adapter = (name, upper, allow) => ({
  files: [`${name}/**/*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [layer(name, upper, allow), { group: ['office-js', '@microsoft/office-js'], message: 'Only addin/excel-adapter.ts touches Office.js.' }, { group: ['exceljs', 'exceljs/*'], message: 'ExcelJS is the test oracle only (a dev dependency): xlsx/write.ts writes, xlsx/read.ts reads.' }] }] },
});

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
    // Type-checked rules for this async-heavy code: a promise is awaited, returned or explicitly `void`ed.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  pure('core', ['report', 'xlsx', 'history', 'batch', 'cli', 'api', 'addin']),
  pure('report', ['xlsx', 'history', 'batch', 'cli', 'api', 'addin']),
  adapter('xlsx', ['batch', 'cli', 'api', 'addin']),
  adapter('docx', ['batch', 'cli', 'api', 'addin']),
  adapter('history', ['xlsx', 'docx', 'batch', 'cli', 'api', 'addin']),
  adapter('batch', ['cli', 'api', 'addin']),
  adapter('cli', ['api', 'addin']),
  adapter('api', ['cli', 'addin']),
  // The pane's rollup reads returns with the browser builds of the readers (no Node built-ins; see xlsx/read-browser.ts, docx/read-browser.ts).
  adapter('addin', ['xlsx', 'docx', 'history', 'batch', 'cli', 'api'], ['xlsx/read-browser', 'docx/read-browser']),
);
