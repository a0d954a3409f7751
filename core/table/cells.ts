/**
 * Merge-aware cell access for table reading. Readers differ on merged children
 * (some leave them empty, some repeat the master value); the table code sees
 * one rule: a child of a merge one column wide (a lead unit merged down over
 * three tasks) takes the master's value; any other child is empty, so a title
 * merged across the table width has its text once, in its first cell.
 */
import { cellAt, styleAt, type CellValue, type Grid, type MergeRange } from '../grid';
import { cellText, cleanText } from '../text/normalize';

const MAX_INDEXED_CELLS = 200_000;
const indexes = new WeakMap<Grid, Map<number, MergeRange>>();
const WIDTH = 1 << 14; // Excel has 16,384 columns

/** Covered (non-master) cells of every merge, keyed r * WIDTH + c. */
function mergeIndex(grid: Grid): Map<number, MergeRange> {
  if (grid === lastIndexed) return lastIndex!;
  let idx = indexes.get(grid);
  if (idx) {
    lastIndexed = grid;
    lastIndex = idx;
    return idx;
  }
  idx = new Map();
  let budget = MAX_INDEXED_CELLS;
  for (const m of grid.merges) {
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > budget) continue;
    budget -= area;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) idx.set(r * WIDTH + c, m);
      }
    }
  }
  indexes.set(grid, idx);
  lastIndexed = grid;
  lastIndex = idx;
  return idx;
}

/** The last grid mergeIndex was asked about and its index: rows are read grid by grid (a WeakMap look-up per cell otherwise). Holds one grid until another is read. */
let lastIndexed: Grid | null = null;
let lastIndex: Map<number, MergeRange> | null = null;

/** The merge covering (r, c) when (r, c) is not its top-left cell. */
export function coveringMerge(grid: Grid, r: number, c: number): MergeRange | undefined {
  return mergeIndex(grid).get(r * WIDTH + c);
}

/** Value of (r, c) for the table (see module note). */
export function tableValue(grid: Grid, r: number, c: number): CellValue {
  const m = coveringMerge(grid, r, c);
  if (!m) return cellAt(grid, r, c);
  if (m.left === m.right) return cellAt(grid, m.top, m.left);
  return null;
}

/** A grid's text cache, with the last grid asked about remembered (a WeakMap look-up per cell otherwise). */
class TextCache {
  private readonly byGrid = new WeakMap<Grid, (string | undefined)[][]>();
  private lastGrid: Grid | null = null;
  private lastRows: (string | undefined)[][] = [];

  /** The row of a grid's text cache (filled as cells are asked for; grids are not mutated after reading). */
  row(grid: Grid, r: number): (string | undefined)[] {
    if (grid !== this.lastGrid) {
      let rows = this.byGrid.get(grid);
      if (!rows) this.byGrid.set(grid, rows = []);
      this.lastGrid = grid;
      this.lastRows = rows;
    }
    return (this.lastRows[r] ??= []);
  }
}
const displayTexts = new TextCache();
const cleanTexts = new TextCache();

/** cellText of the cell (r, c) itself (no merge rule), computed once per grid. */
export function displayText(grid: Grid, r: number, c: number): string {
  const row = displayTexts.row(grid, r);
  let t = row[c];
  if (t === undefined) row[c] = t = cellText(cellAt(grid, r, c));
  return t;
}

/**
 * cleanText(cellText(value)) of the cell (r, c) itself, computed once per grid: the header scan
 * and the row walk read the same cells. A string that cleaning left unchanged is not cleaned twice.
 */
function ownText(grid: Grid, r: number, c: number): string {
  const row = cleanTexts.row(grid, r);
  let t = row[c];
  if (t === undefined) {
    const v = cellAt(grid, r, c);
    const once = displayText(grid, r, c);
    row[c] = t = typeof v === 'string' && once === v ? v : cleanText(once);
  }
  return t;
}

/** Clean text of (r, c) for the table. */
export function tableText(grid: Grid, r: number, c: number): string {
  const m = coveringMerge(grid, r, c);
  if (!m) return ownText(grid, r, c);
  return m.left === m.right ? ownText(grid, m.top, m.left) : '';
}

/** Clean text of (r, c) itself, or of its merge master (header parents span their children). */
export function spanText(grid: Grid, r: number, c: number): string {
  const m = coveringMerge(grid, r, c);
  return m ? ownText(grid, m.top, m.left) : ownText(grid, r, c);
}

/** Number format of (r, c) (the master's for a merged child). */
export function numFmtAt(grid: Grid, r: number, c: number): string | undefined {
  const m = coveringMerge(grid, r, c);
  return m ? styleAt(grid, m.top, m.left)?.numFmt : styleAt(grid, r, c)?.numFmt;
}

/** True when (r, c) or its merge master is bold. */
export function isBold(grid: Grid, r: number, c: number): boolean {
  const m = coveringMerge(grid, r, c);
  return Boolean(m ? styleAt(grid, m.top, m.left)?.bold : styleAt(grid, r, c)?.bold);
}
