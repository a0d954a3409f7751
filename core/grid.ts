/**
 * A worksheet as plain data: what every reader (ExcelJS, the lean batch reader,
 * Office.js) produces and what the rest of core consumes. No library types leak in.
 */

/** A cell's value after flattening rich text, formulas (cached result) and hyperlinks (display text). */
export type CellValue = string | number | boolean | Date | null;

/** A merged area, 0-based and inclusive, in grid coordinates (rows[r][c]). */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a reader knows of a cell's look. Readers intern these, so many cells share one object. */
export interface CellStyle {
  /** Number format code, e.g. "dd/mm/yyyy" or "General". */
  numFmt?: string;
  /** Font name, e.g. "Times New Roman" or ".VnTime" (TCVN3) or "VNI-Times". */
  font?: string;
  bold?: boolean;
}

export interface Grid {
  /** Sheet name as shown on the tab. */
  name: string;
  /** rows[r][c]; rows may be ragged and shorter than the widest row; missing cells are null. */
  rows: CellValue[][];
  merges: MergeRange[];
  /** styles[r][c] where the reader knows it (sparse: missing rows/cells mean unknown). */
  styles?: (CellStyle | undefined)[][];
  /** 1-based sheet row and column of rows[0][0]; defaults to {row: 1, col: 1}. */
  origin?: { row: number; col: number };
  /** Excel date system of the workbook (serial day 0 = 1904-01-01). */
  date1904?: boolean;
  /** Sheet is hidden in the workbook (readers set it when they know). */
  hidden?: boolean;
}

/** The value at rows[r][c], or null outside the grid. */
export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.rows[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** The style at rows[r][c], if known. */
export function styleAt(grid: Grid, r: number, c: number): CellStyle | undefined {
  return grid.styles?.[r]?.[c];
}

/** 1-based sheet row number of grid row r. */
export function sheetRow(grid: Grid, r: number): number {
  return r + (grid.origin?.row ?? 1);
}

/** 1-based sheet column number of grid column c. */
export function sheetCol(grid: Grid, c: number): number {
  return c + (grid.origin?.col ?? 1);
}

/** Column letters for a 1-based column number: 1 → "A", 28 → "AB". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of grid cell (r, c), e.g. "B6". */
export function cellAddress(grid: Grid, r: number, c: number): string {
  return columnLetter(sheetCol(grid, c)) + String(sheetRow(grid, r));
}

/** Rows wider than this may be sparse (readers leave holes rather than pad to a lone far cell, e.g. in XFD). */
const SPARSE_WIDTH = 1024;

/**
 * Calls `fn` for each cell present in a row, in column order (holes skipped, like forEach): a sparse
 * row costs its cells, not its width. Array.prototype.forEach would visit all 16,384 slots of a row
 * holding one cell in XFD.
 */
export function eachCell(row: CellValue[] | undefined | null, fn: (v: CellValue, c: number) => void): void {
  if (!row) return;
  if (row.length <= SPARSE_WIDTH) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== undefined) fn(v, c); // a hole reads undefined; a present cell never is
    }
    return;
  }
  for (const k of Object.keys(row)) {
    const c = Number(k);
    if (Number.isInteger(c)) fn(row[c], c);
  }
}

/** A copy of a row that stays sparse when the row is (slice() of a sparse row walks its whole width). */
export function copyRow(row: CellValue[]): CellValue[] {
  if (row.length <= SPARSE_WIDTH) return row.slice();
  const out: CellValue[] = [];
  eachCell(row, (v, c) => { out[c] = v; });
  out.length = row.length;
  return out;
}

/** Width of the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.rows) if (row && row.length > w) w = row.length;
  return w;
}
