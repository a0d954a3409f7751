/**
 * Hostile and odd workbooks (issue 10), each generated here as a small file, with the outcome tiendo
 * owes for it: read right (tasks, notes), or one coded Vietnamese rejection. Used in-process by
 * hostile.test.ts and, one child process per case, under the CLI's real 1 GB heap cap.
 */
import { deflateRawSync } from 'node:zlib';
import type { IssueCode } from '../../core/issue';
import { deflated, rawZip, sheetXml, xlsxPackage, type RawEntry } from './read-helpers';

export interface Outcome {
  /** The one rejection expected; absent: the file reads. */
  error?: IssueCode;
  /** Words the rejection message must contain (it says what to do). */
  says?: string[];
  tasks?: number;
  /** Issue codes that must be among the read's issues. */
  notes?: IssueCode[];
  /** Task texts that must be read exactly (first tasks, in order). */
  texts?: string[];
  /** Task texts that must not appear. */
  absent?: string[];
}

export interface HostileCase {
  name: string;
  /** The file's extension (default xlsx): Word cases (test/docx/hostile-cases.ts) are .docx or .doc. */
  ext?: 'xlsx' | 'docx' | 'doc';
  /** What the case does to the reader, for the test title. */
  what: string;
  bytes: () => Buffer;
  outcome: Outcome;
  /** Large cases are left out of the in-process run (they run in a child with the 1 GB cap). */
  large?: boolean;
}

const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];
const COLS = 'ABCDEF';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline-string cell; `raw` text is already XML (entities, references kept as written). */
export function inl(ref: string, text: string, raw = false): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${raw ? text : esc(text)}</t></is></c>`;
}

function headerRow(r: number): string {
  return `<row r="${r}">${HEADER.map((h, i) => inl(`${COLS[i]}${r}`, h)).join('')}</row>`;
}

/** Task row `i` (1-based) at sheet row r, with inline strings. */
function taskRow(r: number, i: number, task = `Nhiệm vụ số ${i}`, raw = false, unit = 'Bộ Y tế'): string {
  return `<row r="${r}"><c r="A${r}"><v>${i}</v></c>${inl(`B${r}`, task, raw)}${inl(`C${r}`, unit)}${inl(`D${r}`, '31/12/2025')}${inl(`E${r}`, '')}${inl(`F${r}`, i % 2 ? 'Đã hoàn thành' : 'Đang thực hiện')}</row>`;
}

/** A sheet with a header on row 1 and `n` tasks below; `extra` rows are appended after. */
export function tableSheet(n: number, opts: { tasks?: string[]; raw?: boolean; unit?: string; extraRows?: string; after?: string } = {}): string {
  const rows = [headerRow(1)];
  for (let i = 1; i <= n; i++) rows.push(taskRow(i + 1, i, opts.tasks?.[i - 1], opts.raw, opts.unit));
  return sheetXml(rows.join('') + (opts.extraRows ?? ''), opts.after ?? '');
}

/** A package whose parts are given explicitly (any names, any bytes). */
function pkg(entries: RawEntry[]): Buffer {
  return rawZip(entries);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookXml(sheets: { name: string; rid: string; state?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="${s.rid}"/>`).join('')}</sheets></workbook>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;
}

const ROOT_RELS = relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]);

/** The 330,000-task workbook: 2.3 M cells with shared strings, about 2 MB on disk. */
export const BIG_TASKS = 330_000;

export function bigWorkbookFor(n: number): Buffer {
  const units = ['Bộ Y tế', 'Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Xây dựng'];
  const statuses = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành'];
  const fixed = [...HEADER, ...units, ...statuses, 'Đã triển khai theo kế hoạch'];
  const si = (s: string): string => `<si><t>${esc(s)}</t></si>`;
  const parts: string[] = [headerRowShared(1)];
  for (let i = 1; i <= n; i++) {
    const r = i + 1;
    parts.push(`<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="s"><v>${fixed.length + i - 1}</v></c><c r="C${r}" t="s"><v>${6 + (i % 5)}</v></c><c r="D${r}"><v>${45000 + (i % 700)}</v></c><c r="E${r}" t="s"><v>14</v></c><c r="F${r}" t="s"><v>${11 + (i % 3)}</v></c><c r="G${r}"><v>${i % 97}</v></c></row>`);
  }
  const shared: string[] = fixed.map(si);
  for (let i = 1; i <= n; i++) shared.push(si(`Nhiệm vụ số ${i}`));
  const sst = `<sst xmlns="${NS}" count="${fixed.length + n}" uniqueCount="${fixed.length + n}">${shared.join('')}</sst>`;
  return xlsxPackage({ sheets: [sheetXml(parts.join(''))], shared: sst });
}

function headerRowShared(r: number): string {
  return `<row r="${r}">${HEADER.map((_, i) => `<c r="${COLS[i]}${r}" t="s"><v>${i}</v></c>`).join('')}</row>`;
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
  return bigEndian ? Buffer.from(le).swap16() : le;
}

export const CASES: HostileCase[] = [
  {
    name: 'xfd-padding',
    what: 'one cell in column XFD on each of 12,000 rows: memory follows the cells present',
    bytes: () => {
      let extra = '';
      for (let r = 10; r < 12_010; r++) extra += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
      return xlsxPackage({ sheets: [tableSheet(5, { extraRows: extra })] });
    },
    outcome: { tasks: 5 },
  },
  {
    name: 'big-330k',
    what: `${BIG_TASKS.toLocaleString('en')} task rows (2.3 M cells): refused while scanning, before memory runs out`,
    bytes: () => bigWorkbookFor(BIG_TASKS),
    outcome: { error: 'FILE_TOO_LARGE', says: ['nhiều dòng dữ liệu', 'chia bảng thành nhiều tệp'] },
    large: true,
  },
  {
    name: 'many-entries-one-part',
    what: '350 sheet entries pointing at one 2,000-task part: read once, and said',
    bytes: () => {
      const sheets = Array.from({ length: 350 }, (_, i) => ({ name: `Trang ${i + 1}`, rid: 'rId1' }));
      return pkg([
        deflated('_rels/.rels', ROOT_RELS),
        deflated('xl/workbook.xml', workbookXml(sheets)),
        deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }])),
        deflated('xl/worksheets/sheet1.xml', tableSheet(2000)),
      ]);
    },
    outcome: { tasks: 2000, notes: ['SHARED_SHEET_PART'] },
  },
  {
    name: 'three-identical-sheets',
    what: 'three identical 5,000-task sheets (a copied sheet)',
    bytes: () => {
      const s = tableSheet(5000);
      return xlsxPackage({ sheets: [s, s, s] });
    },
    outcome: { tasks: 5000 },
  },
  {
    name: 'xml-comment-pi-cdata',
    what: 'a <row> inside a comment, processing instructions, CDATA text',
    bytes: () => xlsxPackage({
      sheets: [sheetXml(
        headerRow(1) +
        '<!-- <row r="2"><c r="A2"><v>99</v></c><c r="B2" t="inlineStr"><is><t>Nhiệm vụ ma trong chú thích</t></is></c><c r="C2" t="inlineStr"><is><t>Bộ Y tế</t></is></c></row> -->' +
        `<row r="3"><?tiendo <c r="A3"><v>7</v></c> ?><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t><![CDATA[Sửa đổi <Luật> & "Nghị định" </c></row>]]></t></is></c>${inl('C3', 'Bộ Y tế')}${inl('D3', '31/12/2025')}${inl('F3', 'Đã hoàn thành')}</row>` +
        taskRow(4, 2),
      )],
    }),
    outcome: { tasks: 2, texts: ['Sửa đổi <Luật> & "Nghị định" </c></row>', 'Nhiệm vụ số 2'], absent: ['Nhiệm vụ ma trong chú thích'] },
  },
  {
    name: 'duplicate-entry',
    what: 'two zip entries with the same name and different content',
    bytes: () => {
      const base = [
        deflated('_rels/.rels', ROOT_RELS),
        deflated('xl/workbook.xml', workbookXml([{ name: 'Phụ lục', rid: 'rId1' }])),
        deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }])),
        deflated('xl/worksheets/sheet1.xml', tableSheet(5)),
        deflated('xl/worksheets/sheet1.xml', tableSheet(3)),
      ];
      return pkg(base);
    },
    outcome: { error: 'FILE_CORRUPT', says: ['hai mục cùng tên', 'Excel'] },
  },
  {
    name: 'utf16-le',
    what: 'UTF-16LE parts with a byte order mark (allowed by the package standard)',
    bytes: () => pkg([
      deflated('_rels/.rels', ROOT_RELS),
      deflated('xl/workbook.xml', utf16(workbookXml([{ name: 'Phụ lục', rid: 'rId1' }]), false)),
      deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }])),
      deflated('xl/worksheets/sheet1.xml', utf16(tableSheet(4), false)),
    ]),
    outcome: { tasks: 4, texts: ['Nhiệm vụ số 1'] },
  },
  {
    name: 'utf16-be',
    what: 'UTF-16BE parts with a byte order mark',
    bytes: () => pkg([
      deflated('_rels/.rels', ROOT_RELS),
      deflated('xl/workbook.xml', utf16(workbookXml([{ name: 'Phụ lục', rid: 'rId1' }]), true)),
      deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }])),
      deflated('xl/worksheets/sheet1.xml', utf16(tableSheet(4), true)),
    ]),
    outcome: { tasks: 4, texts: ['Nhiệm vụ số 1'] },
  },
  {
    name: 'foreign-encoding',
    what: 'a part declaring an encoding Excel never writes (windows-1258)',
    bytes: () => xlsxPackage({ sheets: [tableSheet(2).replace('encoding="UTF-8"', 'encoding="windows-1258"')] }),
    outcome: { error: 'FILE_CORRUPT', says: ['bảng mã', 'windows-1258', 'lưu lại'] },
  },
  {
    name: 'ooxml-escape',
    what: 'a task written as _x005F_x003D_1+1 (literal "_x003D_1+1") and one as _x0041_ (an "A")',
    bytes: () => xlsxPackage({ sheets: [tableSheet(2, { tasks: ['_x005F_x003D_1+1', 'Nhiệm vụ _x0041_'] })] }),
    outcome: { tasks: 2, texts: ['_x003D_1+1', 'Nhiệm vụ A'] },
  },
  {
    name: 'mz-prefix',
    what: 'a self-extractor prefix ("MZ…") before the zip',
    bytes: () => Buffer.concat([Buffer.from('MZ\x90\x00\x03' + 'This program cannot be run in DOS mode. '.repeat(100), 'latin1'), xlsxPackage({ sheets: [tableSheet(3)] })]),
    outcome: { tasks: 3 },
  },
  {
    name: 'trailing-zeros',
    what: '100 KB of zeros after the archive',
    bytes: () => Buffer.concat([xlsxPackage({ sheets: [tableSheet(3)] }), Buffer.alloc(100 * 1024)]),
    outcome: { tasks: 3 },
  },
  {
    name: 'long-cell',
    what: 'a cell longer than Excel\'s 32,767 characters',
    bytes: () => xlsxPackage({ sheets: [tableSheet(2, { tasks: ['Nhiệm vụ dài ' + 'x'.repeat(40_000), 'Nhiệm vụ ngắn'] })] }),
    outcome: { tasks: 2, notes: ['CELL_TOO_LONG'] },
  },
  {
    name: 'control-chars',
    what: 'control characters and lone surrogates (as references, escapes and raw bytes)',
    bytes: () => xlsxPackage({ sheets: [tableSheet(3, { raw: true, tasks: ['Nhiệm vụ &#1;một', 'Nhiệm vụ _xD800_hai', 'Nhiệm vụ \u0007ba'] })] }),
    outcome: { tasks: 3, notes: ['INVALID_CHARACTER'], texts: ['Nhiệm vụ \uFFFDmột', 'Nhiệm vụ \uFFFDhai', 'Nhiệm vụ \uFFFDba'] },
  },
  {
    name: 'very-hidden-table',
    what: 'a second table on a veryHidden sheet',
    bytes: () => pkg([
      deflated('_rels/.rels', ROOT_RELS),
      deflated('xl/workbook.xml', workbookXml([{ name: 'Phụ lục', rid: 'rId1' }, { name: 'Bảng ẩn', rid: 'rId2', state: 'veryHidden' }])),
      deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }, { id: 'rId2', type: 'worksheet', target: 'worksheets/sheet2.xml' }])),
      deflated('xl/worksheets/sheet1.xml', tableSheet(3)),
      deflated('xl/worksheets/sheet2.xml', tableSheet(8)),
    ]),
    outcome: { tasks: 3, notes: ['HIDDEN_TABLE'] },
  },
  {
    name: 'missing-shared-strings',
    what: 'cells of type "s" and no sharedStrings part',
    bytes: () => xlsxPackage({ sheets: [sheetXml(headerRowShared(1) + '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>7</v></c></row>')] }),
    outcome: { error: 'FILE_CORRUPT', says: ['sharedStrings', 'lưu lại'] },
  },
  {
    name: 'oversized-part',
    what: 'a sheet part declaring more than the part limit (refused before inflating)',
    bytes: () => {
      const raw = Buffer.from(tableSheet(1));
      const e: RawEntry = { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(raw), size: 300 * 1024 * 1024 };
      return pkg([
        deflated('_rels/.rels', ROOT_RELS),
        deflated('xl/workbook.xml', workbookXml([{ name: 'Phụ lục', rid: 'rId1' }])),
        deflated('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }])),
        e,
      ]);
    },
    outcome: { error: 'FILE_TOO_LARGE', says: ['giới hạn'] },
  },
];
