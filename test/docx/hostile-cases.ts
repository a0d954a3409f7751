/**
 * Hostile Word returns, generated here beside the hostile workbooks (test/xlsx/hostile-cases.ts) and run by the same
 * test (test/xlsx/hostile.test.ts: in-process, and one child process each under the CLI's 1 GB heap cap): a table of
 * 500,000 rows, a table of more cells than a workbook may hold, decompression bombs, a part in an encoding Word never
 * writes, a truncated zip, content that is not a zip at all, and a few that must read. Each case says what tiendo owes.
 */
import { deflateRawSync } from 'node:zlib';
import type { HostileCase } from '../xlsx/hostile-cases';
import { deflated, rawZip, type RawEntry } from '../xlsx/read-helpers';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One table cell (an empty string is an empty paragraph, as Word writes it). */
const tc = (text: string): string => (text ? `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:tc>` : '<w:tc><w:p/></w:tc>');
export const tr = (cells: string[]): string => `<w:tr>${cells.map(tc).join('')}</w:tr>`;

/** The appendix row of task `i`. */
export function taskCells(i: number): string[] {
  return [String(i), `Nhiệm vụ số ${i}`, 'Bộ Y tế', '31/12/2025', '', i % 2 ? 'Đã hoàn thành' : 'Đang thực hiện'];
}

/** word/document.xml around body XML (tables and paragraphs). */
export function documentXml(body: string, decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'): string {
  return `${decl}<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body><w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p>${body}<w:sectPr/></w:body></w:document>`;
}

/** An appendix table of `n` tasks under the usual header. */
export function appendixTable(n: number): string {
  const rows = [tr(HEADER)];
  for (let i = 1; i <= n; i++) rows.push(tr(taskCells(i)));
  return `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`;
}

/** A .docx package (content types, package relationships, word/document.xml given as bytes or entry). */
export function docxPackage(document: string | Buffer | RawEntry): Buffer {
  const entry = typeof document === 'string' || Buffer.isBuffer(document) ? deflated('word/document.xml', document) : document;
  return rawZip([
    deflated('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    deflated('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    entry,
  ]);
}

/** A Word return with `n` tasks. */
export const wordReturn = (n: number): Buffer => docxPackage(documentXml(appendixTable(n)));

/** The 500,000-row table: three columns (STT, task, status), so the part stays under the 128 MB part limit and the row count is what refuses it. */
export const HUGE_ROWS = 500_000;

function hugeTable(): Buffer {
  const parts: string[] = [tr(['STT', 'Tên nhiệm vụ', 'Tiến độ'])];
  for (let i = 1; i <= HUGE_ROWS; i++) parts.push(tr([String(i), `Nhiệm vụ số ${i}`, i % 3 ? 'Đang thực hiện' : 'Đã hoàn thành']));
  return docxPackage(documentXml(`<w:tbl>${parts.join('')}</w:tbl>`));
}

/** 1,200,000 cells in 20,000 rows of 60 columns: under the row limit, over the cell limit. */
function wideTable(): Buffer {
  const parts: string[] = [tr(['STT', 'Tên nhiệm vụ', ...Array.from({ length: 58 }, (_, k) => `Cột ${k + 3}`)])];
  for (let i = 1; i <= 20_000; i++) parts.push(tr([String(i), `Nhiệm vụ số ${i}`, ...Array.from({ length: 58 }, (_, k) => String((i * 58 + k) % 1000))]));
  return docxPackage(documentXml(`<w:tbl>${parts.join('')}</w:tbl>`));
}

/** word/document.xml that is `mib` MiB of one repeated paragraph, deflated (about 1000:1), its size declared as `declared`. */
function bombEntry(mib: number, declared?: number): RawEntry {
  const filler = Buffer.alloc(mib << 20, ' ');
  const xml = Buffer.from(documentXml(appendixTable(2)));
  const raw = Buffer.concat([xml.subarray(0, xml.length - 30), filler, xml.subarray(xml.length - 30)]);
  return { name: 'word/document.xml', data: deflateRawSync(raw, { level: 9 }), size: declared ?? raw.length };
}

function utf16le(xml: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
}

export const WORD_CASES: HostileCase[] = [
  {
    name: 'word-huge-table',
    ext: 'docx',
    what: `a Word table of ${HUGE_ROWS.toLocaleString('en')} rows: refused while walking the table, as a workbook of as many rows is`,
    bytes: hugeTable,
    outcome: { error: 'FILE_TOO_LARGE', says: ['nhiều dòng dữ liệu', '100.000', 'chia bảng thành nhiều tệp'] },
    large: true,
  },
  {
    name: 'word-wide-table',
    ext: 'docx',
    what: 'a Word table of 20,000 rows by 60 columns (1.2 M cells): over the cell limit',
    bytes: wideTable,
    outcome: { error: 'FILE_TOO_LARGE', says: ['nhiều ô dữ liệu', '1.000.000', 'chia bảng thành nhiều tệp'] },
    large: true,
  },
  {
    name: 'word-bomb-honest',
    ext: 'docx',
    what: 'word/document.xml inflating 1000:1 to 64 MB, size declared: refused before inflating',
    bytes: () => docxPackage(bombEntry(64)),
    outcome: { error: 'FILE_TOO_LARGE', says: ['bom giải nén'] },
  },
  {
    name: 'word-bomb-lying',
    ext: 'docx',
    what: 'word/document.xml inflating to 64 MB while declaring 40 KB: stopped at the cap',
    bytes: () => docxPackage(bombEntry(64, 40_000)),
    outcome: { error: 'FILE_TOO_LARGE', says: ['bom giải nén'] },
  },
  {
    name: 'word-foreign-encoding',
    ext: 'docx',
    what: 'word/document.xml declaring windows-1258, an encoding Word never writes',
    bytes: () => docxPackage(documentXml(appendixTable(2), '<?xml version="1.0" encoding="windows-1258"?>')),
    outcome: { error: 'FILE_CORRUPT', says: ['bảng mã', 'windows-1258', 'mở tệp bằng Word', 'lưu lại dưới dạng .docx'] },
  },
  {
    name: 'word-utf16',
    ext: 'docx',
    what: 'word/document.xml in UTF-16LE with a byte order mark (allowed by the package standard)',
    bytes: () => docxPackage(utf16le(documentXml(appendixTable(4)))),
    outcome: { tasks: 4, texts: ['Nhiệm vụ số 1', 'Nhiệm vụ số 2'] },
  },
  {
    name: 'word-truncated',
    ext: 'docx',
    what: 'a Word return cut short (the end of the zip missing)',
    bytes: () => { const b = wordReturn(30); return b.subarray(0, b.length - 200); },
    outcome: { error: 'FILE_TRUNCATED', says: ['cắt cụt'] },
  },
  {
    name: 'word-not-zip',
    ext: 'docx',
    what: 'a .docx that is not a zip at all (plain text)',
    bytes: () => Buffer.from('Báo cáo tình hình thực hiện nhiệm vụ\r\n'.repeat(40), 'utf8'),
    outcome: { error: 'FILE_CORRUPT', says: ['không phải tài liệu Word .docx', 'lưu lại dưới dạng .docx'] },
  },
  {
    name: 'word-rtf',
    ext: 'doc',
    what: 'an RTF document saved under a .doc name',
    bytes: () => Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} B\\u225?o c\\u225?o}', 'latin1'),
    outcome: { error: 'FILE_LEGACY_DOC', says: ['RTF', '.docx'] },
  },
  {
    name: 'word-legacy-doc',
    ext: 'doc',
    what: 'a Word 97-2003 .doc (OLE2 container)',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(1024)]),
    outcome: { error: 'FILE_LEGACY_DOC', says: ['Word 97-2003', '.docx'] },
  },
  {
    name: 'word-valid',
    ext: 'docx',
    what: 'a plain Word return of 30 tasks (reads among the hostile ones)',
    bytes: () => wordReturn(30),
    outcome: { tasks: 30, texts: ['Nhiệm vụ số 1'] },
  },
];
