/**
 * The hot path: one worksheet XML → rows of cell values, styles and merges, with a
 * hand-written scanner over `<row>`, `<c>`, `<v>`, `<is>` and `<mergeCell>` only.
 */
import { columnLetter, type CellStyle, type CellValue, type MergeRange } from '../../core/grid';
import { ReadFailure } from './limits';
import type { StyleTable } from './styles';
import { decodeText, findTag, innerText, isNameEnd, itemText, replaceInvalid, rootPrefix, selfClosing, tagEnd } from './xml';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

export interface SheetContext {
  /** The shared strings, or null when the package has no sharedStrings part. */
  shared: string[] | null;
  /** Indexes of shared strings whose invalid characters were replaced. */
  sharedReplaced?: Set<number>;
  styles: StyleTable;
  date1904: boolean;
  /** Cells still allowed in this workbook (maxCells minus cells already read). */
  cellBudget: number;
  /** Rows holding data still allowed in this workbook (maxRows minus rows already read). */
  rowBudget: number;
}

export interface SheetData {
  rows: CellValue[][];
  styles: (CellStyle | undefined)[][];
  merges: MergeRange[];
  /** Non-empty cells stored. */
  cells: number;
  /** Rows holding at least one non-empty cell. */
  dataRows: number;
  /** Cells (A1 addresses, first few) longer than Excel's 32,767 characters, and how many in all. */
  long: CellNotes;
  /** Cells whose control characters or lone surrogates were replaced by U+FFFD. */
  replaced: CellNotes;
}

export interface CellNotes {
  count: number;
  cells: string[];
}

/** Addresses kept per note (the count goes on). */
const NOTE_CELLS = 10;

function note(n: CellNotes, row: number, col: number): void {
  if (n.count++ < NOTE_CELLS) n.cells.push(columnLetter(col + 1) + String(row + 1));
}

/**
 * A gap this wide between a row's last cell and the next is left as a hole (a sparse row: holes
 * read as null) rather than padded: one cell in column XFD must not cost 16,384 slots.
 */
const PAD_LIMIT = 256;

/** Excel's sheet size: 1,048,576 rows × 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** Cell attributes of the tag being scanned (module-level to avoid an allocation per cell). */
let refCol = -1;
let refRow = -1;
let styleIdx = 0;
let typeCode = 0; // 0 number, 1 s, 2 b, 3 e, 4 str, 5 inlineStr, 6 d
/** Index of the shared string the last `t="s"` cell named. */
let lastShared = -1;

export function parseSheet(xml: string, ctx: SheetContext): SheetData {
  const p = rootPrefix(xml);
  const out: SheetData = { rows: [], styles: [], merges: [], cells: 0, dataRows: 0, long: { count: 0, cells: [] }, replaced: { count: 0, cells: [] } };
  const sd = findTag(xml, p + 'sheetData', 0);
  let after = 0;
  if (sd >= 0) {
    const open = tagEnd(xml, sd);
    if (!selfClosing(xml, open)) after = scanCells(xml, open, p, ctx, out);
    else after = open;
  }
  out.merges = clipMerges(parseMerges(xml, after, p), out.rows);
  return out;
}

function scanCells(xml: string, from: number, p: string, ctx: SheetContext, out: SheetData): number {
  const closeSd = xml.indexOf('</' + p + 'sheetData>', from);
  const end = closeSd < 0 ? xml.length : closeSd;
  const closeC = '</' + p + 'c>';
  const pl = p.length;
  const { shared, styles: table, date1904 } = ctx;
  let row = -1;
  let col = 0;
  let pos = from;
  let lastDataRow = -1;
  const anyReplaced = (ctx.sharedReplaced?.size ?? 0) > 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= end) break;
    const ns = lt + 1 + pl;
    if (pl > 0 && !xml.startsWith(p, lt + 1)) { pos = lt + 1; continue; }
    const c0 = xml.charCodeAt(ns);
    if (c0 === 114 /* r */ && xml.charCodeAt(ns + 1) === 111 && xml.charCodeAt(ns + 2) === 119 && isNameEnd(xml.charCodeAt(ns + 3))) {
      const te = tagEnd(xml, lt);
      const r = rowAttr(xml, ns + 3, te);
      row = r > 0 ? r - 1 : row + 1;
      col = 0;
      pos = te;
      continue;
    }
    if (c0 !== 99 /* c */ || !isNameEnd(xml.charCodeAt(ns + 1))) { pos = lt + 1; continue; }
    const te = cellAttrs(xml, ns + 1);
    if (refCol >= 0) col = refCol;
    if (refRow >= 0) row = refRow;
    else if (row < 0) row = 0;
    if (selfClosing(xml, te)) { pos = te; col++; continue; }
    let ce = xml.indexOf(closeC, te);
    if (ce < 0) ce = end;
    let v = cellValue(xml, te, ce, p, shared, table, date1904, styleIdx);
    if (v !== null) {
      if (++out.cells > ctx.cellBudget) throw new ReadFailure('FILE_TOO_LARGE', 'bảng tính có nhiều ô dữ liệu hơn giới hạn một tệp tiendo đọc được: hãy chia bảng thành nhiều tệp nhỏ hơn rồi gửi lại');
      if (row !== lastDataRow) {
        lastDataRow = row;
        if (out.rows[row] === undefined || out.rows[row].length === 0) {
          if (++out.dataRows > ctx.rowBudget) throw new ReadFailure('FILE_TOO_LARGE', 'bảng tính có nhiều dòng dữ liệu hơn giới hạn một tệp tiendo đọc được: hãy chia bảng thành nhiều tệp nhỏ hơn rồi gửi lại');
        }
      }
      if (row >= MAX_ROWS || col >= MAX_COLS) throw new ReadFailure('FILE_CORRUPT', 'địa chỉ ô nằm ngoài giới hạn của Excel');
      if (typeof v === 'string') {
        if (typeCode === 1) {
          if (anyReplaced && ctx.sharedReplaced!.has(lastShared)) note(out.replaced, row, col);
        } else {
          const clean = replaceInvalid(v);
          if (clean !== v) { v = clean; note(out.replaced, row, col); }
        }
        if (v.length > MAX_CELL_CHARS) note(out.long, row, col);
      }
      put(out, row, col, v, table.styles[styleIdx]);
    }
    col++;
    pos = ce + closeC.length;
  }
  return end;
}

function put(out: SheetData, r: number, c: number, v: CellValue, style: CellStyle | undefined): void {
  const { rows, styles } = out;
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  if (c - row.length <= PAD_LIMIT) while (row.length < c) row.push(null);
  row[c] = v;
  if (style !== undefined) {
    while (styles.length <= r) styles.push([]);
    const srow = styles[r];
    if (c - srow.length <= PAD_LIMIT) while (srow.length < c) srow.push(undefined);
    srow[c] = style;
  }
}

/** Value of the `r` attribute of a `<row>` tag spanning [from, to), or 0 (scan bounded by the tag). */
function rowAttr(xml: string, from: number, to: number): number {
  for (let i = from; i < to - 3; i++) {
    const c = xml.charCodeAt(i);
    if ((c === 32 || c === 9 || c === 10 || c === 13) && xml.charCodeAt(i + 1) === 114 && xml.charCodeAt(i + 2) === 61) {
      return digits(xml, i + 4, to);
    }
  }
  return 0;
}

/** Reads r, s and t of the `<c>` tag whose attributes start at `from` into the registers; returns the index past its ">". */
function cellAttrs(xml: string, from: number): number {
  refCol = -1;
  refRow = -1;
  styleIdx = 0;
  typeCode = 0;
  const n = xml.length;
  let i = from;
  while (i < n) {
    let c = xml.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 47 || c <= 32) { i++; continue; }
    const nameStart = i;
    while (i < n && (c = xml.charCodeAt(i)) !== 61 && c > 32 && c !== 62) i++;
    const nameEnd = i;
    while (i < n && xml.charCodeAt(i) <= 32) i++;
    if (xml.charCodeAt(i) !== 61) continue;
    i++;
    while (i < n && xml.charCodeAt(i) <= 32) i++;
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const vs = i + 1;
    const ve = xml.indexOf(q === 39 ? "'" : '"', vs);
    if (ve < 0) return n;
    const single = nameEnd - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    if (single === 114 /* r */) readRef(xml, vs, ve);
    else if (single === 115 /* s */) styleIdx = digits(xml, vs, ve);
    else if (single === 116 /* t */) typeCode = typeOf(xml, vs, ve);
    i = ve + 1;
  }
  return n;
}

function readRef(xml: string, from: number, to: number): void {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    let c = xml.charCodeAt(i);
    if (c === 36 /* $ */) continue;
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  for (; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d === -12 /* $ */) continue;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  refCol = col > 0 ? col - 1 : -1;
  refRow = row > 0 ? row - 1 : -1;
}

function digits(xml: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  while (i < to && xml.charCodeAt(i) <= 32) i++; // pretty-printed XML
  for (; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
  return n;
}

/** A plain non-negative integer written with digits only, or -1. */
function smallInt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function typeOf(xml: string, from: number, to: number): number {
  const len = to - from;
  const c = xml.charCodeAt(from);
  if (len === 1) return c === 115 ? 1 : c === 98 ? 2 : c === 101 ? 3 : c === 100 ? 6 : 0;
  if (len === 3 && c === 115) return 4; // str
  if (len === 9 && c === 105) return 5; // inlineStr
  return 0;
}

function cellValue(
  xml: string, from: number, to: number, p: string,
  shared: string[] | null, table: StyleTable, date1904: boolean, s: number,
): CellValue {
  if (typeCode === 5) {
    const is = findTag(xml, p + 'is', from, to);
    if (is < 0) return null;
    const isOpen = tagEnd(xml, is);
    let isClose = xml.indexOf('</' + p + 'is>', isOpen);
    if (isClose < 0 || isClose > to) isClose = to;
    return itemText(xml, isOpen, isClose, p);
  }
  let vs: number;
  if (p === '' && xml.charCodeAt(from) === 60 && xml.charCodeAt(from + 1) === 118 && xml.charCodeAt(from + 2) === 62) {
    vs = from + 3; // "<v>" straight after the cell tag: the common case
  } else {
    const v = findTag(xml, p + 'v', from, to);
    if (v < 0) return null;
    vs = tagEnd(xml, v);
    if (selfClosing(xml, vs)) return typeCode === 4 ? '' : null;
  }
  let ve = xml.indexOf('</', vs);
  if (ve < 0 || ve > to) ve = to;
  switch (typeCode) {
    case 1: {
      lastShared = digits(xml, vs, ve);
      if (shared === null) throw new ReadFailure('FILE_CORRUPT', 'tệp thiếu phần danh sách chuỗi (sharedStrings.xml) mà các ô chữ cần: hãy mở tệp bằng Excel, lưu lại rồi gửi lại');
      const str = shared[lastShared];
      if (str === undefined) throw new ReadFailure('FILE_CORRUPT', `ô chữ trỏ tới chuỗi số ${lastShared} không có trong danh sách chuỗi (sharedStrings.xml): hãy mở tệp bằng Excel, lưu lại rồi gửi lại`);
      return str;
    }
    case 2: {
      let b = vs;
      while (b < ve && xml.charCodeAt(b) <= 32) b++;
      const c = xml.charCodeAt(b);
      return c === 49 || c === 116; // "1" / "true"
    }
    case 3:
      return decodeText(xml.slice(vs, ve));
    case 4:
      return innerText(xml, vs, ve);
    case 6:
      return isoToDate(xml.slice(vs, ve).trim());
    default: {
      if (ve === vs) return null;
      const int = ve - vs < 10 ? smallInt(xml, vs, ve) : -1;
      if (int >= 0) return table.isDate[s] ? dateOrNumber(int, date1904) : int;
      const raw = xml.slice(vs, ve);
      const n = Number(raw);
      if (Number.isNaN(n)) return decodeText(raw);
      return table.isDate[s] ? dateOrNumber(n, date1904) : n;
    }
  }
}

/** A date-formatted number as a Date, or the number itself when it is no valid Excel date (negative, past 9999). */
function dateOrNumber(n: number, date1904: boolean): Date | number {
  return n >= 0 && n < 2_958_466 ? serialToDate(n, date1904) : n;
}

/** Excel serial → Date (UTC; whole serials give UTC midnight). Serials before 1900-03-01 skip Excel's phantom 29/02/1900. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 61 && serial >= 1 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** `t="d"` ISO 8601 text → Date; a value without a zone is read as UTC. Unparseable text is kept. */
function isoToDate(s: string): CellValue {
  if (!s) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(s) || !s.includes('T');
  const d = new Date(zoned ? s : s + 'Z');
  return Number.isNaN(d.getTime()) ? s : d;
}

/**
 * Merges far beyond the cells that hold data are clipped (a stray A1:XFD1048576 must not make
 * readers walk 17 billion cells); ordinary merges, even over blank cells, are kept as written.
 */
function clipMerges(merges: MergeRange[], rows: CellValue[][]): MergeRange[] {
  if (merges.length === 0) return merges;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const maxRow = rows.length + MERGE_SLACK_ROWS;
  const maxCol = width + MERGE_SLACK_COLS;
  const out: MergeRange[] = [];
  for (const m of merges) {
    if (m.top > maxRow || m.left > maxCol) continue;
    out.push(m.bottom > maxRow || m.right > maxCol ? { ...m, bottom: Math.min(m.bottom, maxRow), right: Math.min(m.right, maxCol) } : m);
  }
  return out;
}

const MERGE_SLACK_ROWS = 1000;
const MERGE_SLACK_COLS = 100;

function parseMerges(xml: string, from: number, p: string): MergeRange[] {
  const out: MergeRange[] = [];
  const tag = p + 'mergeCell';
  let i = findTag(xml, tag, from);
  while (i >= 0) {
    const te = tagEnd(xml, i);
    const ref = refAttr(xml, i, te);
    if (ref) {
      const colon = ref.indexOf(':');
      const a = colon < 0 ? ref : ref.slice(0, colon);
      const b = colon < 0 ? ref : ref.slice(colon + 1);
      readRef(a, 0, a.length);
      const top = refRow, left = refCol;
      readRef(b, 0, b.length);
      if (top >= 0 && left >= 0 && refRow >= 0 && refCol >= 0) {
        out.push({ top: Math.min(top, refRow), left: Math.min(left, refCol), bottom: Math.max(top, refRow), right: Math.max(left, refCol) });
      }
    }
    i = findTag(xml, tag, te);
  }
  return out;
}

function refAttr(xml: string, from: number, to: number): string | null {
  const i = xml.indexOf('ref=', from);
  if (i < 0 || i >= to) return null;
  const q = xml.charAt(i + 4);
  const e = xml.indexOf(q, i + 5);
  return e < 0 ? null : xml.slice(i + 5, e);
}
