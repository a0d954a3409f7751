/**
 * The Word reader in the browser: docx/read-browser.ts bundled by esbuild for platform "browser" (no Node built-in may be
 * reached, no Buffer), loaded into headless Chromium, reads a Word return written by the docx library (merges across and
 * down, a table split over pages) to the same grids as the Node reader, and refuses the hostile Word returns (the
 * 500,000-row table and the bombs included) with the same codes and messages. The fflate codec is also checked against
 * node:zlib in Node.
 */
import { builtinModules } from 'node:module';

import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { bundleInPage, CHROMIUM, hasChromium, type BundleInPage } from '../support/browser-bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx as readBrowserCodec } from '../../docx/read-browser';
import { readDocx as readNode, type DocxRead } from '../../docx/read';
import { HEADER, WORD_CASES } from './hostile-cases';

if (!hasChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: run scripts/system-deps.sh`);

/** What a read gives, as JSON, so reads from two realms compare exactly. */
const plain = (r: DocxRead): unknown => JSON.parse(JSON.stringify(r));

const cell = (text: string, o: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: text.split('\n\n').map((t) => new Paragraph({ children: t.split('\n').map((l, i) => new TextRun({ text: l, break: i ? 1 : undefined })) })), ...o });

/** A Word return as Word-like software writes it: a section row across the width, a lead merged down, a page split. */
async function libraryReturn(): Promise<Buffer> {
  const head = new TableRow({ tableHeader: true, children: HEADER.map((h) => cell(h)) });
  const rows = [
    new TableRow({ children: [cell('A. NHIỆM VỤ CHUNG', { columnSpan: 6 })] }),
    new TableRow({ children: [cell('1'), cell('Xây dựng Kế hoạch chuyển đổi số\nnăm 2025'), cell('Bộ Y tế', { rowSpan: 2 }), cell('31/03/2025'), cell('Đã ban hành.\n\nĐã gửi các đơn vị.'), cell('Đã hoàn thành')] }),
    new TableRow({ children: [cell('2'), cell('Rà soát thủ tục hành chính'), cell('30/06/2025'), cell('Đang rà soát'), cell('   ')] }),
  ];
  const rest = [new TableRow({ children: [cell('3'), cell('Số hóa hồ sơ bệnh án'), cell('Bộ Công an'), cell('Năm 2025'), cell(''), cell('Chưa hoàn thành')] })];
  const doc = new Document({ sections: [{ children: [new Paragraph('Phụ lục'), new Table({ rows: [head, ...rows] }), new Paragraph(''), new Table({ rows: [head, ...rest] })] }] });
  return Packer.toBuffer(doc);
}

let cases: [string, Buffer][];

beforeAll(async () => {
  cases = [['bo-y-te.docx', await libraryReturn()], ...WORD_CASES.map((c): [string, Buffer] => [`${c.name}.${c.ext}`, c.bytes()])];
}, 120_000);

describe('the fflate codec reads Word returns as node:zlib does (in Node)', () => {
  it('gives the same grids and refusals on a real return and every hostile Word case', () => {
    for (const [file, bytes] of cases) expect(plain(readBrowserCodec(bytes, { file })), file).toEqual(plain(readNode(bytes, { file })));
    const lib = readNode(cases[0][1], { file: 'bo-y-te.docx' });
    expect(lib.error).toBeNull();
    expect(lib.grids).toHaveLength(1); // the split table is joined, its header typed again kept for the core to skip
    expect(lib.grids[0].rows.map((r) => r[0])).toEqual(['STT', 'A. NHIỆM VỤ CHUNG', '1', '2', 'STT', '3']);
    expect(lib.grids[0].rows[2][1]).toBe('Xây dựng Kế hoạch chuyển đổi số\nnăm 2025');
    expect(lib.grids[0].merges).toEqual(expect.arrayContaining([{ top: 1, left: 0, bottom: 1, right: 5 }, { top: 2, left: 2, bottom: 3, right: 2 }]));
  }, 120_000);
});

describe.skipIf(!hasChromium)('the Word reader bundled for the browser, in headless Chromium', () => {
  let inPage: BundleInPage;
  let bundle: string;
  let inputs: string[];

  beforeAll(async () => {
    inPage = await bundleInPage('docx/read-browser.ts', 'tiendoWord');
    ({ bundle, inputs } = inPage);
  }, 120_000);

  afterAll(async () => {
    await inPage?.close();
  });

  async function readInPage(file: string, bytes: Buffer): Promise<DocxRead> {
    return (await inPage.read('readDocx', file, bytes)) as DocxRead;
  }

  it('bundles with no Node built-in and no Buffer, and without the docx library', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(inputs.filter((i) => builtins.has(i) || i.startsWith('node:'))).toEqual([]);
    expect(inputs.some((i) => i.includes('fflate'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('docx/document.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('xlsx/reader/decode-part.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/docx/'))).toEqual([]);
    expect(bundle).not.toMatch(/\bBuffer\.|\brequire\(|\bprocess\./);
  });

  it('reads a Word return and refuses every hostile one with the codes and messages of the CLI', async () => {
    const seen: Record<string, string | null> = {};
    // The 1.2 M-cell table is left to the Node comparison above (the 500,000-row one shows the limits in the page).
    for (const [file, bytes] of cases.filter(([f]) => f !== 'word-wide-table.docx')) {
      const inPage = await readInPage(file, bytes);
      expect(inPage, file).toEqual(plain(readNode(bytes, { file })));
      seen[file] = inPage.error?.code ?? null;
    }
    expect(seen).toEqual({
      'bo-y-te.docx': null, 'word-huge-table.docx': 'FILE_TOO_LARGE',
      'word-bomb-honest.docx': 'FILE_TOO_LARGE', 'word-bomb-lying.docx': 'FILE_TOO_LARGE', 'word-foreign-encoding.docx': 'FILE_CORRUPT',
      'word-utf16.docx': null, 'word-truncated.docx': 'FILE_TRUNCATED', 'word-not-zip.docx': 'FILE_CORRUPT', 'word-rtf.doc': 'FILE_LEGACY_DOC',
      'word-legacy-doc.doc': 'FILE_LEGACY_DOC', 'word-valid.docx': null,
    });
  }, 180_000);
});
