/** The add-in's shape: only excel-adapter.ts touches Office.js; pane logic imports core, the rollups and the adapter only. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ADDIN = join(ROOT, 'addin');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Source without comments and string contents, so prose mentioning "Excel." does not count. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g, '""');
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('add-in architecture', () => {
  const files = tsFiles(ADDIN);

  it('finds the add-in sources', () => {
    expect(files.map((f) => relative(ADDIN, f))).toContain('excel-adapter.ts');
    expect(files.length).toBeGreaterThan(8);
  });

  it('only excel-adapter.ts uses the Office.js globals', () => {
    const offenders = files
      .filter((f) => !f.endsWith('excel-adapter.ts'))
      .filter((f) => /\b(Excel|Office|OfficeExtension)\s*\.\s*\w/.test(code(f)))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
    expect(code(join(ADDIN, 'excel-adapter.ts'))).toMatch(/Excel\.run/);
  });

  it('pane logic imports only core, the rollups, the adapter and itself', () => {
    const allowed = [/^\.\.\/\.\.\/core\//, /^\.\.\/\.\.\/report(\/|$)/, /^\.\.\/excel-adapter$/, /^\.\/[\w-]+$/];
    const bad = tsFiles(join(ADDIN, 'pane')).flatMap((f) => imports(f).filter((i) => !allowed.some((a) => a.test(i))).map((i) => `${relative(ROOT, f)}: ${i}`));
    expect(bad).toEqual([]);
  });

  it('the task pane never writes HTML from data (no innerHTML / insertAdjacentHTML / outerHTML)', () => {
    const bad = files.filter((f) => /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/.test(code(f))).map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});
