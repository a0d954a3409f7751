/**
 * Reads the tables of a Word return (.docx) as grids for the same core that reads sheets, and its paragraphs for the
 * notice extractor (`tiendo trich-xuat`). The package is opened by the project's zip reader with the same size, ratio
 * and bomb limits as workbooks; word/document.xml is walked once by a small event tokenizer.
 *
 * Each table becomes a Grid named "Bảng N": horizontal merges (w:gridSpan, legacy w:hMerge), vertical merges (w:vMerge),
 * skipped grid columns (w:gridBefore), line breaks and paragraphs inside a cell (as "\n"), cells of spaces as empty.
 * A table that continues the one before it (split over pages: same width, its header typed again or its rows carrying on
 * the numbering) is joined to it, so a split appendix is one table.
 *
 * @example
 *   const { grids, error } = readDocx(readFileSync('bo-y-te.docx'), { file: 'bo-y-te.docx' });
 *   const read = readWorkbook(grids, { file: 'bo-y-te.docx' });
 */
import { readFileSync, statSync } from 'node:fs';
import type { CellValue, Grid, MergeRange } from '../core/grid';
import { issue, type Issue } from '../core/issue';
import { DEFAULT_LIMITS, ReadFailure, resolveLimits, type ReadLimits } from '../xlsx/reader/limits';
import { openZip, readNamed } from '../xlsx/zip/read';
import { attrOf, tokenize } from './xml';
import { baseName } from '../xlsx/reader/read-workbook';

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

/** The body of word/document.xml as paragraphs and tables, in order. Nested tables are flattened into their cell's text. */
export function parseDocument(xml: string): DocBlock[] {
  const blocks: DocBlock[] = [];
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
          if (tableDepth === 1 && table) { row = { cells: [], header: false, gridBefore: 0 }; table.rows.push(row); }
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
          row.cells.push({ ...c, text: text.trim() ? text : '' });
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
export function tableGrid(t: DocTable, name: string): Grid {
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
export function documentGrids(blocks: DocBlock[]): Grid[] {
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

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads a .docx held in memory. A legacy .doc, an encrypted or damaged file, or a document without tables is one coded issue. */
export function readDocx(bytes: Uint8Array, opts: { file: string; limits?: Partial<ReadLimits> }): DocxRead {
  const name = baseName(opts.file);
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length === 0) throw new ReadFailure('FILE_EMPTY', 'tệp rỗng (0 byte)');
    if (buf.subarray(0, 8).equals(OLE2)) {
      if (buf.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0) throw new ReadFailure('FILE_ENCRYPTED', 'tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại');
      return { grids: [], blocks: [], error: issue('FILE_LEGACY_DOC', `Không đọc được tệp ${name}: tệp Word 97-2003 (.doc); hãy mở bằng Word rồi lưu lại dưới dạng .docx.`, { file: opts.file }) };
    }
    const zip = openZip(buf, resolveLimits(opts.limits));
    const doc = readNamed(zip, 'word/document.xml');
    if (!doc) throw new ReadFailure('FILE_CORRUPT', 'tệp nén không chứa word/document.xml (không phải tài liệu Word)');
    const blocks = parseDocument(decodeXml(doc));
    const grids = documentGrids(blocks);
    if (!grids.length) {
      return { grids, blocks, error: issue('NO_TABLE', `Tệp ${name} không có bảng nào: không tìm thấy phụ lục nhiệm vụ.`, { file: opts.file }) };
    }
    return { grids, blocks, error: null };
  } catch (err) {
    if (err instanceof ReadFailure) return { grids: [], blocks: [], error: issue(err.code, `Không đọc được tệp ${name}: ${err.detail}.`, { file: opts.file }) };
    const detail = err instanceof Error ? err.message : String(err);
    return { grids: [], blocks: [], error: issue('FILE_CORRUPT', `Tệp bị hỏng ${name}: không đọc được nội dung (${detail}).`, { file: opts.file }) };
  }
}

/** Reads a .docx file (size checked before reading). */
export function readDocxFile(path: string, opts: { limits?: Partial<ReadLimits> } = {}): DocxRead {
  const limits = opts.limits ? resolveLimits(opts.limits) : DEFAULT_LIMITS;
  try {
    const st = statSync(path);
    if (st.size > limits.maxFileBytes) return { grids: [], blocks: [], error: issue('FILE_TOO_LARGE', `Từ chối đọc tệp ${baseName(path)}: tệp lớn hơn giới hạn ${Math.round(limits.maxFileBytes / 1048576)} MB.`, { file: path }) };
    return readDocx(readFileSync(path), { file: path, limits });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return { grids: [], blocks: [], error: issue('FILE_NOT_FOUND', `Không tìm thấy tệp ${baseName(path)}.`, { file: path }) };
    throw err;
  }
}

/** UTF-8 (with or without BOM) or UTF-16 (with BOM) XML text. */
function decodeXml(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}
