/**
 * Hostile Word returns in a batch (the cases themselves run with the hostile workbooks in test/xlsx/hostile.test.ts):
 * the 500,000-row table and the bombs are each that file's coded Vietnamese rejection, in-process and in the worker
 * pool, while the rest of the batch reads; the Word reader counts rows and cells exactly as the workbook reader does
 * (the same data refused at the same limit); a wrong encoding is worded for Word.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFiles, type FileRead } from '../../batch/read-files';
import { readDocx } from '../../docx/read';
import { readXlsx, type ReadLimits } from '../../xlsx/read';
import { tableSheet } from '../xlsx/hostile-cases';
import { xlsxPackage } from '../xlsx/read-helpers';
import { openZip, readNamed } from '../../xlsx/zip/read';
import { docxPackage, WORD_CASES, wordReturn } from './hostile-cases';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-word-hostile-'));
const files: Record<string, string> = {};
const AS_OF = '2025-11-15';

beforeAll(() => {
  const put = (name: string, bytes: Buffer) => { files[name] = join(dir, name); writeFileSync(files[name], bytes); };
  put('bo-y-te.docx', wordReturn(12));
  put('bo-tai-chinh.xlsx', xlsxPackage({ sheets: [tableSheet(7, { unit: 'Bộ Tài chính' })] }));
  for (const name of ['word-huge-table', 'word-bomb-honest', 'word-foreign-encoding', 'word-truncated', 'word-not-zip']) {
    const c = WORD_CASES.find((x) => x.name === name)!;
    put(`${name}.${c.ext}`, c.bytes());
  }
  put('bo-tu-phap.docx', wordReturn(5));
}, 120_000);

const order = () => ['bo-y-te.docx', 'word-huge-table.docx', 'bo-tai-chinh.xlsx', 'word-bomb-honest.docx', 'word-foreign-encoding.docx', 'word-truncated.docx', 'word-not-zip.docx', 'bo-tu-phap.docx'].map((n) => files[n]);

function outcome(results: FileRead[]): string[] {
  return results.map((r) => `${r.file.replace(/^.*\//, '')}:${r.error?.code ?? r.read?.tasks.length}`);
}

const EXPECTED = [
  'bo-y-te.docx:12', 'word-huge-table.docx:FILE_TOO_LARGE', 'bo-tai-chinh.xlsx:7', 'word-bomb-honest.docx:FILE_TOO_LARGE',
  'word-foreign-encoding.docx:FILE_CORRUPT', 'word-truncated.docx:FILE_TRUNCATED', 'word-not-zip.docx:FILE_CORRUPT', 'bo-tu-phap.docx:5',
];

function checkRejections(results: FileRead[]): void {
  for (const r of results.filter((x) => x.error)) {
    expect(r.read).toBeNull();
    expect(r.error!.message).toContain(r.file.replace(/^.*\//, ''));
    expect(r.error!.message).toMatch(/[ạ-ỹđĐ]/u);
  }
  const huge = results.find((r) => r.file.endsWith('word-huge-table.docx'))!;
  expect(huge.error!.message).toContain('nhiều dòng dữ liệu');
  expect(huge.error!.message).toContain('chia bảng thành nhiều tệp');
}

describe('hostile Word returns in a batch', () => {
  it('in-process: each hostile file is its coded rejection, the others read', async () => {
    const results = await readFiles(order(), { asOf: AS_OF, concurrency: 1 });
    expect(outcome(results)).toEqual(EXPECTED);
    checkRejections(results);
  }, 120_000);

  it('in the worker pool: the same outcome, file for file', async () => {
    const fallbacks: Error[] = [];
    const results = await readFiles(order(), { asOf: AS_OF, concurrency: 2, inProcessBelow: 0, onFallback: (e) => fallbacks.push(e) });
    expect(fallbacks).toEqual([]);
    expect(outcome(results)).toEqual(EXPECTED);
    checkRejections(results);
  }, 120_000);

  it('the workers apply the row limit they are given to Word returns', async () => {
    const results = await readFiles([files['bo-y-te.docx'], files['bo-tu-phap.docx']], { concurrency: 2, inProcessBelow: 0, limits: { maxRows: 8 } });
    // bo-y-te: a header and 12 tasks (13 rows) is over 8; bo-tu-phap: a header and 5 tasks is within it
    expect(outcome(results)).toEqual(['bo-y-te.docx:FILE_TOO_LARGE', 'bo-tu-phap.docx:5']);
  }, 120_000);
});

describe('rows and cells are counted as in a workbook', () => {
  const word = wordReturn(9);
  // the same table as a workbook, its empty result cells left out as Excel leaves them out
  const book = xlsxPackage({ sheets: [tableSheet(9).replace(/<c r="E\d+" t="inlineStr"><is><t xml:space="preserve"><\/t><\/is><\/c>/g, '')] });
  const grid = readDocx(word, { file: 'x.docx' }).grids[0];
  const rows = grid.rows.filter((r) => r.some((v) => v !== null && v !== undefined)).length;
  const cells = grid.rows.flat().filter((v) => v !== null && v !== undefined).length;

  it.each<[string, Partial<ReadLimits>, string | null]>([
    ['rows at the limit', { maxRows: rows }, null],
    ['one row over', { maxRows: rows - 1 }, 'nhiều dòng dữ liệu'],
    ['cells at the limit', { maxCells: cells }, null],
    ['one cell over', { maxCells: cells - 1 }, 'nhiều ô dữ liệu'],
  ])('%s: the Word return and the same table as a workbook get the same answer', (_, limits, says) => {
    expect(rows).toBe(10);
    const w = readDocx(word, { file: 'bo-y-te.docx', limits });
    const b = readXlsx(book, { file: 'bo-y-te.xlsx', limits });
    expect(w.error?.code ?? null).toBe(b.error?.code ?? null);
    if (says) {
      expect(w.error?.code).toBe('FILE_TOO_LARGE');
      expect(w.error?.message).toContain(says);
      expect(w.error?.message).toContain('bo-y-te.docx');
    } else {
      expect(w.grids).toHaveLength(1);
    }
  });
});

describe('a wrong encoding in a Word return', () => {
  it('says to save it again in Word as .docx, not in Excel as .xlsx', () => {
    const c = WORD_CASES.find((x) => x.name === 'word-foreign-encoding')!;
    const r = readDocx(c.bytes(), { file: 'nop/bo-y-te.docx' });
    expect(r.error?.code).toBe('FILE_CORRUPT');
    expect(r.error?.message).toBe('Tệp bị hỏng bo-y-te.docx: phần "word/document.xml" dùng bảng mã "windows-1258", không phải UTF-8 hay UTF-16 mà tệp Word bắt buộc: hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi gửi lại.');
    const book = readXlsx(xlsxPackage({ sheets: [tableSheet(2).replace('encoding="UTF-8"', 'encoding="windows-1258"')] }), { file: 'bo-y-te.xlsx' });
    expect(book.error?.message).toContain('mở tệp bằng Excel, lưu lại dưới dạng .xlsx');
  });

  it('reads UTF-16 (both byte orders) and UTF-8 with a byte order mark to the same grids', () => {
    const xml = Buffer.from(readDocxXml(wordReturn(3)));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.toString('utf8'), 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), xml]);
    const base = readDocx(wordReturn(3), { file: 'a.docx' }).grids;
    expect(base[0].rows).toHaveLength(4);
    for (const b of [le, be, bom]) expect(readDocx(repack(b), { file: 'a.docx' }).grids).toEqual(base);
  });
});

function readDocxXml(docx: Buffer): string {
  return readNamed(openZip(docx), 'word/document.xml')!.toString('utf8');
}

function repack(documentBytes: Buffer): Buffer {
  return docxPackage(documentBytes);
}
