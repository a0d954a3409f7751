/**
 * Issue 10: hostile and huge workbooks never take a run down and never hide a row. Every case of
 * hostile-cases.ts, and every hostile Word return of test/docx/hostile-cases.ts, is read in-process (small ones) and, one child process each, under the CLI's real
 * 1 GB heap cap (`npm run tiendo` uses --max-old-space-size=1024): it reads right, or it is one coded
 * Vietnamese rejection, and the child finishes normally within a bounded time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOne } from '../../batch/read-one';
import { readXlsxFile } from '../../xlsx/read';
import { writeWorkbook } from '../../xlsx/write';
import { openZip, OWN_OUTPUT, readEntry } from '../../xlsx/zip/read';
import { WORD_CASES } from '../docx/hostile-cases';
import { CASES as BOOK_CASES, type HostileCase, type Outcome } from './hostile-cases';

/** The hostile workbooks, and beside them the hostile Word returns (read by the same pool entry, batch/read-one.ts). */
const CASES = [...BOOK_CASES, ...WORD_CASES];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = join(ROOT, 'test/xlsx/hostile-child.ts');
/** Each child must finish within this (the quadratic cases took minutes before the fix). */
const CHILD_SECONDS = 90;

const dir = mkdtempSync(join(tmpdir(), 'tiendo-hostile-'));
const paths = new Map<string, string>();

function pathOf(c: HostileCase): string {
  let p = paths.get(c.name);
  if (!p) {
    p = join(dir, `${c.name}.${c.ext ?? 'xlsx'}`);
    writeFileSync(p, c.bytes());
    paths.set(c.name, p);
  }
  return p;
}

interface Summary {
  error: { code: string; message: string } | null;
  tasks: number;
  texts: string[];
  allTexts: string[];
  issues: string[];
  wellFormedJson: boolean;
}

function expectOutcome(s: Summary, o: Outcome, file: string): void {
  if (o.error) {
    expect(s.error?.code).toBe(o.error);
    expect(s.error?.message).toContain(file);
    expect(s.error?.message).toMatch(/[ạ-ỹđĐ]/u); // Vietnamese
    for (const w of o.says ?? []) expect(s.error?.message).toContain(w);
    expect(s.tasks).toBe(0);
    return;
  }
  expect(s.error).toBeNull();
  if (o.tasks !== undefined) expect(s.tasks).toBe(o.tasks);
  for (const code of o.notes ?? []) expect(s.issues).toContain(code);
  if (o.texts) expect(s.texts.slice(0, o.texts.length)).toEqual(o.texts);
  for (const t of o.absent ?? []) expect(s.allTexts).not.toContain(t);
  expect(s.wellFormedJson).toBe(true);
}

describe('hostile workbooks, in-process', () => {
  for (const c of CASES.filter((x) => !x.large)) {
    it(`${c.name}: ${c.what}`, async () => {
      const r = await readOne(pathOf(c), undefined, '2025-11-15');
      const tasks = r.read?.tasks ?? [];
      const json = JSON.stringify(tasks);
      expectOutcome({
        error: r.error ? { code: r.error.code, message: r.error.message } : null,
        tasks: tasks.length,
        texts: tasks.slice(0, 5).map((t) => t.task),
        allTexts: tasks.map((t) => t.task),
        issues: r.read?.issues.map((i) => i.code) ?? [],
        wellFormedJson: !/\\u[dD][89abAB]/.test(json),
      }, c.outcome, `${c.name}.${c.ext ?? 'xlsx'}`);
    }, 60_000);
  }

  it('many sheet entries on one part are read once and said so, naming the sheets', async () => {
    const r = await readOne(pathOf(CASES.find((c) => c.name === 'many-entries-one-part')!));
    const note = r.read?.issues.find((i) => i.code === 'SHARED_SHEET_PART');
    expect(note?.message).toContain('349 trang tính');
    expect(note?.message).toContain('"Trang 1"');
    const { grids } = await readXlsxFile(pathOf(CASES.find((c) => c.name === 'many-entries-one-part')!));
    expect(grids).toHaveLength(1);
  });

  it('memory follows the cells present: a lone XFD cell leaves a sparse row, not 16,384 slots', async () => {
    const { grids } = await readXlsxFile(pathOf(CASES.find((c) => c.name === 'xfd-padding')!));
    const row = grids[0].rows[9];
    expect(row.length).toBe(16_384);
    expect(Object.keys(row)).toEqual(['16383']);
    expect(row[16_383]).toBe(1);
  });

  it('a literal _xHHHH_ in a task is escaped on write and comes back as typed, not as "=1+1"', async () => {
    const path = join(dir, 'tong-hop-escape.xlsx');
    const texts = ['_x003D_1+1', 'a_x0041_b', '_x005F_'];
    await writeWorkbook({ sheets: [{ name: 'A', columns: [{ header: 'Nội dung', width: 20 }], rows: texts.map((t) => [t]) }] }, path);
    const zip = openZip(readFileSync(path), OWN_OUTPUT);
    const xml = [...zip.entries.values()].map((e) => readEntry(zip, e).toString('utf8')).join('\n');
    expect(xml).toContain('_x005F_x003D_1+1');
    expect(xml).not.toMatch(/[^F]_x003D_1\+1/);
    const { grids } = await readXlsxFile(path);
    expect(grids[0].rows.flat()).toEqual(expect.arrayContaining(texts));
  });
});

describe('hostile workbooks, each in a child process under the 1 GB heap cap', () => {
  beforeAll(() => { for (const c of CASES) pathOf(c); }, 120_000);

  for (const c of CASES) {
    it(`${c.name} finishes normally`, () => {
      const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', CHILD, pathOf(c)], {
        cwd: ROOT, encoding: 'utf8', timeout: CHILD_SECONDS * 1000, maxBuffer: 1 << 26,
      });
      expect(r.signal, r.stderr).toBeNull();
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      const s = JSON.parse(r.stdout.trim().split('\n').pop()!) as Summary & { peakMb: number };
      expectOutcome(s, c.outcome, `${c.name}.${c.ext ?? 'xlsx'}`);
      expect(s.peakMb).toBeLessThan(1024);
    }, (CHILD_SECONDS + 30) * 1000);
  }
});
