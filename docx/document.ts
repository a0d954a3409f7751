/**
 * The Word return reader itself, platform-neutral (plain Uint8Array, an injected ByteCodec, no Node built-ins), as the
 * workbook reader is (xlsx/reader/read-workbook.ts): Node's entry point is ./read.ts (node:zlib), the browser's (the task
 * pane's rollup worker) ./read-browser.ts (fflate). It reads the tables of a .docx as grids for the same core that reads
 * sheets, and its paragraphs for the notice extractor (`tiendo trich-xuat`). The package is opened by the project's zip
 * reader with the same size, ratio and bomb limits as workbooks; word/document.xml is decoded by the workbook reader's
 * decoder (UTF-8 or UTF-16) and walked once by a small event tokenizer, which counts rows and cells holding data against
 * the same `maxRows`/`maxCells` as a workbook and stops at the first one over (FILE_TOO_LARGE).
 *
 * Each table becomes a Grid named "Bảng N": horizontal merges (w:gridSpan, legacy w:hMerge), vertical merges (w:vMerge),
 * skipped grid columns (w:gridBefore), line breaks and paragraphs inside a cell (as "\n"), cells of spaces as empty.
 * A table that continues the one before it (split over pages: same width, its header typed again or its rows carrying on
 * the numbering) is joined to it, so a split appendix is one table.
 *
 * @example
 *   const { grids, error } = readDocxWith(bytes, { file: 'bo-y-te.docx' }, codec);
 *   const read = readWorkbook(grids, { file: 'bo-y-te.docx' });
 */
import type { CellValue, Grid, MergeRange } from '../core/grid';
import { issue, type Issue } from '../core/issue';
import { indexOfBytes, latin1, utf16leBytes, type ByteCodec } from '../xlsx/zip/bytes';
import { findEntry, looksLikeZip, openZipWith, readEntry } from '../xlsx/zip/unzip';
import { decodePart } from '../xlsx/reader/decode-part';
import { DEFAULT_LIMITS, ReadFailure, resolveLimits, type ReadLimits } from '../xlsx/reader/limits';
import { baseName, failureIssue } from '../xlsx/reader/read-workbook';
import { attrOf, tokenize } from './xml';

/** A run of text with its weight (bold deadlines mark the end of an item in a notice). */
export interface DocRun {
  text: string;
  bold: boolean;
}

export interface DocParagraph {
  kind: 'p';
  text: string;
  runs: DocRun[];
  /** Paragraph style id ("Heading1", "ListParagraph"), if any. */
  style: string | null;
  /** Automatic numbering level (w:numPr/w:ilvl) when the paragraph is numbered by Word, else null. */
  level: number | null;
}

export interface DocCell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface DocRow {
  cells: DocCell[];
  /** Header row repeated on every page (w:tblHeader). */
  header: boolean;
  gridBefore: number;
}

export interface DocTable {
  kind: 'tbl';
  rows: DocRow[];
}

export type DocBlock = DocParagraph | DocTable;

const TRUE_VALUES = new Set(['', '1', 'true', 'on']);
const on = (attrs: string): boolean => TRUE_VALUES.has((attrOf(attrs, 'val') ?? '').toLowerCase());

/** Rows and cells holding data that one document may have (a workbook's limits: xlsx/reader/limits.ts). */
export type TableBudget = Pick<ReadLimits, 'maxRows' | 'maxCells'>;

const tooMany = (what: string, max: number): ReadFailure => new ReadFailure('FILE_TOO_LARGE',
  `các bảng trong tài liệu có nhiều ${what} dữ liệu hơn giới hạn một tệp tiendo đọc được (${max.toLocaleString('vi-VN')} ${what}): hãy chia bảng thành nhiều tệp nhỏ hơn rồi gửi lại`);

/**
 * The body of word/document.xml as paragraphs and tables, in order. Nested tables are flattened into their cell's text.
 * Table rows and cells holding data are counted as they are met, across all tables, and the walk stops with
 * ReadFailure('FILE_TOO_LARGE') at the first one beyond `budget`, before the rest is built.
 */
export function parseDocument(xml: string, budget: TableBudget = DEFAULT_LIMITS): DocBlock[] {
  const blocks: DocBlock[] = [];
  let cells = 0;
  let dataRows = 0;
  let rowCounted = false;
  let tableDepth = 0;
  let table: DocTable | null = null;
  let row: DocRow | null = null;
  let cell: (DocCell & { paragraphs: string[] }) | null = null;
  let para: { runs: DocRun[]; style: string | null; level: number | null; inPPr: boolean } | null = null;
  let runBold = false;
  let inRun = false;
  let inRPr = false;
  let inText = false;
  let skipText = 0; // inside w:delText, w:instrText

  const addText = (text: string) => {
    if (!para || !text) return;
    const last = para.runs[para.runs.length - 1];
    if (last && last.bold === runBold) last.text += text;
    else para.runs.push({ text, bold: runBold });
  };

  tokenize(xml, (e) => {
    if (e.kind === 'text') {
      if (inText && !skipText) addText(e.text);
      return;
    }
    if (e.kind === 'open') {
      switch (e.name) {
        case 'tbl':
          tableDepth++;
          if (tableDepth === 1) table = { kind: 'tbl', rows: [] };
          break;
        case 'tr':
          if (tableDepth === 1 && table) { row = { cells: [], header: false, gridBefore: 0 }; table.rows.push(row); rowCounted = false; }
          break;
        case 'tblHeader':
          if (tableDepth === 1 && row && !cell) row.header = on(e.attrs);
          break;
        case 'gridBefore':
          if (tableDepth === 1 && row && !cell) row.gridBefore = Number(attrOf(e.attrs, 'val') ?? 0) || 0;
          break;
        case 'tc':
          if (tableDepth === 1 && row) { cell = { text: '', span: 1, vMerge: null, paragraphs: [] }; }
          break;
        case 'gridSpan':
          if (tableDepth === 1 && cell) cell.span = Math.max(1, Number(attrOf(e.attrs, 'val') ?? 1) || 1);
          break;
        case 'vMerge':
          if (tableDepth === 1 && cell) cell.vMerge = attrOf(e.attrs, 'val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          // Legacy horizontal merge: a "continue" cell belongs to the cell on its left.
          if (tableDepth === 1 && cell && attrOf(e.attrs, 'val') !== 'restart') cell.span = 0;
          break;
        case 'p':
          para = { runs: [], style: null, level: null, inPPr: false };
          break;
        case 'pPr':
          if (para) para.inPPr = !e.empty;
          break;
        case 'pStyle':
          if (para?.inPPr) para.style = attrOf(e.attrs, 'val');
          break;
        case 'ilvl':
          if (para?.inPPr) para.level = Number(attrOf(e.attrs, 'val') ?? 0) || 0;
          break;
        case 'numPr':
          if (para?.inPPr && para.level === null) para.level = 0;
          break;
        case 'r':
          inRun = !e.empty;
          runBold = false;
          break;
        case 'rPr':
          if (inRun) inRPr = !e.empty;
          break;
        case 'b':
          if (inRPr) runBold = on(e.attrs);
          break;
        case 'rStyle':
          if (inRPr && /strong|bold|đậm/i.test(attrOf(e.attrs, 'val') ?? '')) runBold = true;
          break;
        case 't':
          if (inRun && !e.empty) inText = true;
          break;
        case 'delText':
        case 'instrText':
          if (!e.empty) skipText++;
          break;
        case 'tab':
          if (inRun && !inRPr) addText(' ');
          break;
        case 'br':
        case 'cr':
          if (inRun) addText('\n');
          break;
        case 'noBreakHyphen':
          if (inRun) addText('-');
          break;
      }
      return;
    }
    switch (e.name) {
      case 'tbl':
        if (tableDepth === 1 && table) { blocks.push(table); table = null; row = null; }
        tableDepth = Math.max(0, tableDepth - 1);
        break;
      case 'tc':
        if (tableDepth === 1 && cell && row) {
          const text = cell.paragraphs.join('\n').replace(/^\s+$/, '');
          const { paragraphs: _p, ...c } = cell;
          const kept = text.trim() ? text : '';
          row.cells.push({ ...c, text: kept });
          if (kept) {
            if (++cells > budget.maxCells) throw tooMany('ô', budget.maxCells);
            if (!rowCounted) {
              rowCounted = true;
              if (++dataRows > budget.maxRows) throw tooMany('dòng', budget.maxRows);
            }
          }
          cell = null;
        }
        break;
      case 'pPr':
        if (para) para.inPPr = false;
        break;
      case 'p':
        if (para) {
          const text = para.runs.map((r) => r.text).join('');
          if (cell) cell.paragraphs.push(text);
          else if (tableDepth === 0) blocks.push({ kind: 'p', text, runs: para.runs, style: para.style, level: para.level });
          para = null;
        }
        break;
      case 'r':
        inRun = false;
        inRPr = false;
        runBold = false;
        break;
      case 'rPr':
        inRPr = false;
        break;
      case 't':
        inText = false;
        break;
      case 'delText':
      case 'instrText':
        skipText = Math.max(0, skipText - 1);
        break;
    }
  });
  return blocks;
}

/** One table as a grid: values at their grid columns, merges from gridSpan and vMerge. */
function tableGrid(t: DocTable, name: string): Grid {
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const open = new Map<number, MergeRange>(); // vertical merges by left grid column
  t.rows.forEach((row, r) => {
    const values: CellValue[] = [];
    let c = row.gridBefore;
    for (let k = 0; k < c; k++) values.push(null);
    for (const cell of row.cells) {
      if (cell.span === 0) {
        // legacy hMerge continue: widen the merge of the cell on the left
        const prev = merges.find((m) => m.top === r && m.right === c - 1);
        if (prev) prev.right = c; else merges.push({ top: r, left: c - 1, bottom: r, right: c });
        values.push(null);
        c++;
        continue;
      }
      const right = c + cell.span - 1;
      const above = open.get(c);
      if (cell.vMerge === 'continue' && above && above.right === right) {
        above.bottom = r;
        for (let k = c; k <= right; k++) values.push(null);
      } else {
        open.delete(c);
        values.push(cell.text === '' ? null : cell.text);
        for (let k = c + 1; k <= right; k++) values.push(null);
        const m = { top: r, left: c, bottom: r, right };
        if (cell.vMerge === 'restart') open.set(c, m);
        merges.push(m);
      }
      c = right + 1;
    }
    rows.push(values);
  });
  return { name, rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

const norm = (s: CellValue | undefined): string => String(s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const width = (g: Grid): number => Math.max(0, ...g.rows.map((r) => r.length));
const STT = /^(\d+|[IVXLC]+|[A-ZĐ])[.)]?$/;

/** Does grid `b` carry on grid `a` (a table split over pages)? */
function continues(a: Grid, b: Grid, between: string): boolean {
  if (width(a) !== width(b) || !b.rows.length || between.length > 40) return false;
  const first = b.rows[0].map(norm).join('|');
  const typedAgain = a.rows.slice(0, 4).some((r) => r.map(norm).join('|') === first && first.replace(/\|/g, '') !== '');
  const carriesOn = STT.test(String(b.rows[0][0] ?? '').trim()) && a.rows.some((r) => STT.test(String(r[0] ?? '').trim()));
  return typedAgain || carriesOn;
}

/** The document's tables as grids, continuation tables joined to the table they continue. */
function documentGrids(blocks: DocBlock[]): Grid[] {
  const grids: Grid[] = [];
  let n = 0;
  let between = '';
  let last: Grid | null = null;
  for (const b of blocks) {
    if (b.kind === 'p') {
      between += b.text.trim();
      continue;
    }
    n++;
    const g = tableGrid(b, `Bảng ${n}`);
    if (last && continues(last, g, between)) {
      const offset = last.rows.length;
      last.rows.push(...g.rows);
      last.merges.push(...g.merges.map((m) => ({ top: m.top + offset, left: m.left, bottom: m.bottom + offset, right: m.right })));
    } else {
      grids.push(g);
      last = g;
    }
    between = '';
  }
  return grids;
}

export interface DocxRead {
  grids: Grid[];
  blocks: DocBlock[];
  error: Issue | null;
}

const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = utf16leBytes('EncryptedPackage');
const ENCRYPTION_INFO = utf16leBytes('EncryptionInfo');
const LEGACY_DOC = 'tệp Word 97-2003 (.doc); hãy mở bằng Word rồi lưu lại dưới dạng .docx';

export interface ReadDocxOptions {
  file: string;
  limits?: Partial<ReadLimits>;
}

/**
 * Reads a .docx held in memory with the platform's codec (Node: readDocx in ./read.ts, the browser: ./read-browser.ts).
 * A legacy .doc, an encrypted, damaged or oversized file, or a document without tables is one coded issue naming the file.
 */
export function readDocxWith(bytes: Uint8Array, opts: ReadDocxOptions, codec: ByteCodec): DocxRead {
  const limits = resolveLimits(opts.limits);
  try {
    if (bytes.length > limits.maxFileBytes) throw new ReadFailure('FILE_TOO_LARGE', `tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB`);
    sniffWord(bytes);
    const zip = openZipWith(bytes, limits, codec);
    const entry = findEntry(zip, 'word/document.xml');
    if (!entry) throw new ReadFailure('FILE_CORRUPT', 'tệp nén không chứa word/document.xml (không phải tài liệu Word)');
    const blocks = parseDocument(decodePart(codec, readEntry(zip, entry), entry.name, 'word'), limits);
    const grids = documentGrids(blocks);
    if (!grids.length) {
      return { grids, blocks, error: issue('NO_TABLE', `Tệp ${baseName(opts.file)} không có bảng nào: không tìm thấy phụ lục nhiệm vụ.`, { file: opts.file }) };
    }
    return { grids, blocks, error: null };
  } catch (err) {
    return { grids: [], blocks: [], error: failureIssue(err, opts.file) };
  }
}

/** Throws the ReadFailure that describes a file that is not a .docx package; returns when the bytes look like a zip. */
function sniffWord(b: Uint8Array): void {
  if (b.length === 0) throw new ReadFailure('FILE_EMPTY', 'tệp rỗng (0 byte)');
  if (OLE2.every((x, i) => b[i] === x)) {
    // Password-protected .docx files are OLE2 containers too, holding EncryptionInfo + EncryptedPackage streams.
    if (indexOfBytes(b, ENCRYPTED_PACKAGE) >= 0 || indexOfBytes(b, ENCRYPTION_INFO) >= 0) throw new ReadFailure('FILE_ENCRYPTED', 'tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại');
    throw new ReadFailure('FILE_LEGACY_DOC', LEGACY_DOC);
  }
  if ((b[0] === 0x50 && b[1] === 0x4b) || looksLikeZip(b)) return;
  // Not a zip: what Word also saves under a .doc name (RTF, a web page, Word 2003 XML), or something else.
  const head = latin1(b, 0, Math.min(b.length, 512)).replace(/^\xEF\xBB\xBF/, '').trimStart();
  if (/^{\\rtf/.test(head)) throw new ReadFailure('FILE_LEGACY_DOC', 'tệp văn bản RTF, không phải .docx; hãy mở bằng Word rồi lưu lại dưới dạng .docx');
  if (/^<\?xml[\s\S]*(Word\.Document|wordml)/i.test(head) || /^<(!doctype html|html)/i.test(head)) {
    throw new ReadFailure('FILE_LEGACY_DOC', 'tệp Word dạng trang web hoặc XML 2003, không phải .docx; hãy mở bằng Word rồi lưu lại dưới dạng .docx');
  }
  if (head.startsWith('%PDF')) throw new ReadFailure('FILE_PDF', 'tệp PDF, không phải tài liệu Word: đề nghị đơn vị gửi bản Word (.docx) hoặc Excel (.xlsx); không lấy được số liệu từ PDF');
  throw new ReadFailure('FILE_CORRUPT', 'không phải tài liệu Word .docx (nội dung không phải tệp nén của Word): hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi gửi lại');
}
