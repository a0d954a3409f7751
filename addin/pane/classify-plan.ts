/**
 * "Phân loại": which cells to write, which rows to colour and where the status dropdown goes,
 * as plain data for the adapter. Pure. Beside the table: the own columns are reused when their
 * headers are found (idempotent), else placed in the first empty columns right of the table; "empty" is
 * judged on the whole sheet as read (`space`), never on the selection alone, and `overwrites` lists any
 * non-empty cell of the user's a plan would still touch (the pane then refuses to write).
 * In a new sheet: one row per task with its source row, key fields and the same own columns.
 */
import { columnLetter, sheetCol, sheetRow } from '../../core/grid';
import type { CellValue, Grid } from '../../core/grid';
import type { SheetRead, Task } from '../../core/model';
import { CATEGORY_LABELS } from '../../core/status';
import { progressLabel } from '../../report/labels';
import { daysBetween } from '../../core/dates';
import { formatDateVi } from '../../core/format';
import type { CellBlock, RowRule } from '../excel-adapter';
import { findOwnColumns, OWN, OWN_HEADERS } from './own-columns';

export const CLASSIFY_SHEET = 'Phân loại (tiendo)';
export const OVERDUE_MARK = 'Quá hạn';

export const COLORS = { overdue: '#F8CBAD', done: '#C6EFCE', dueSoon: '#FFEB9C' } as const;

export interface ClassifyPlan {
  /** Sheet written to (the table's sheet, or CLASSIFY_SHEET). */
  sheet: string;
  newSheet: boolean;
  blocks: CellBlock[];
  /** 1-based sheet columns of the own columns, in OWN_HEADERS order. */
  columns: number[];
  highlight: { address: string; rules: RowRule[] } | null;
  /** Status dropdown on the source table's "Tiến độ" column. */
  validation: { sheet: string; address: string } | null;
  /** Tasks written. */
  rows: number;
}

/** The five own values of a task: normalised status ("… (suy ra)" when tiendo inferred it), category, "Quá hạn", days late, days left. */
export function ownValues(t: Task): CellValue[] {
  const daysLeft = !t.overdue && t.deadline.due && t.category === 'open_in_time' ? daysBetween(t.asOf, t.deadline.due) : null;
  return [progressLabel(t), CATEGORY_LABELS[t.category], t.overdue ? OVERDUE_MARK : null, t.daysLate ?? null, daysLeft];
}

const OWN_FORMATS = ['@', '@', '@', '0', '0'];

/** Conditional-format rules on rows starting at `firstRow`, reading own columns at the given sheet columns. */
export function rowRules(cols: number[], firstRow: number, dueSoonDays: number): RowRule[] {
  const ref = (i: number) => `$${columnLetter(cols[i])}${firstRow}`;
  const done = [CATEGORY_LABELS.done_on_time, CATEGORY_LABELS.done_late].map((l) => `${ref(OWN.category)}=${quote(l)}`);
  return [
    { formula: `=${ref(OWN.overdue)}=${quote(OVERDUE_MARK)}`, fill: COLORS.overdue, font: '#9C0006' },
    { formula: `=AND(ISNUMBER(${ref(OWN.daysLeft)}),${ref(OWN.daysLeft)}<=${Math.max(0, Math.floor(dueSoonDays))})`, fill: COLORS.dueSoon, font: '#9C5700' },
    { formula: `=OR(${done.join(',')})`, fill: COLORS.done, font: '#006100' },
  ];
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function lastTaskRow(tasks: Task[]): number {
  return tasks.reduce((m, t) => Math.max(m, t.rowEnd ?? t.row), 0);
}

function statusValidation(grid: Grid, read: SheetRead, tasks: Task[]): ClassifyPlan['validation'] {
  const c = read.layout?.columns.status;
  if (c === undefined || !tasks.length || !read.layout) return null;
  const col = columnLetter(sheetCol(grid, c));
  const first = sheetRow(grid, read.layout.firstDataRow);
  return { sheet: read.sheet ?? grid.name, address: `${col}${first}:${col}${Math.max(first, lastTaskRow(tasks))}` };
}

function filled(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && v !== '';
}

/** The value at 1-based sheet row/column in `space` (null outside what was read). */
function at(space: Grid, row: number, col: number): CellValue | undefined {
  return space.rows[row - (space.origin?.row ?? 1)]?.[col - (space.origin?.col ?? 1)];
}

/** True when sheet column `col` holds nothing between sheet rows top..bottom. */
function sheetColumnEmpty(space: Grid, col: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) if (filled(at(space, r, col))) return false;
  return true;
}

/** Sheet columns of the own columns found again in `space` (null where not found). */
export function ownSheetColumns(space: Grid): (number | null)[] {
  return findOwnColumns(space).map((p) => (p ? sheetCol(space, p.c) : null));
}

/** Sheet columns for the own columns: the ones found again, the rest in columns of `space` empty right of the table. */
function ownColumnsFor(space: Grid, grid: Grid, read: SheetRead, top: number, bottom: number): number[] {
  const layout = read.layout!;
  const found = ownSheetColumns(space);
  const taken = new Set(found.filter((c): c is number => c !== null));
  const tableRight = Math.max(layout.headers.length, ...Object.values(layout.columns).map((c) => (c ?? 0) + 1));
  let next = Math.max(sheetCol(grid, tableRight), ...[...taken].map((c) => c + 1));
  return found.map((c) => {
    if (c !== null) return c;
    while (taken.has(next) || !sheetColumnEmpty(space, next, top, bottom)) next++;
    taken.add(next);
    return next++;
  });
}

/**
 * A1 addresses of the user's non-empty cells the blocks would write over: every cell outside tiendo's own
 * columns (found again by their headers in `space`) that holds something. Empty = safe to write.
 */
export function overwrites(space: Grid, blocks: CellBlock[]): string[] {
  const own = new Set(ownSheetColumns(space).filter((c): c is number => c !== null));
  const out: string[] = [];
  for (const b of blocks) {
    b.values.forEach((row, i) => row.forEach((_, j) => {
      const r = b.row + i;
      const c = b.col + j;
      if (!own.has(c) && filled(at(space, r, c))) out.push(`${columnLetter(c)}${r}`);
    }));
  }
  return out;
}

/**
 * Plan for writing beside the table. `grid` is what was read (own columns included); `space` is the whole sheet
 * as read (defaults to `grid`): the columns chosen must be empty there, not only inside a selection.
 */
export function planBeside(grid: Grid, read: SheetRead, tasks: Task[], dueSoonDays: number, space: Grid = grid): ClassifyPlan {
  const layout = read.layout!;
  const sheet = read.sheet ?? grid.name;
  const firstRow = sheetRow(grid, layout.firstDataRow);
  const lastRow = Math.max(firstRow, lastTaskRow(tasks));
  const cols = ownColumnsFor(space, grid, read, sheetRow(grid, layout.headerTop), lastRow);
  const byRow = new Map(tasks.map((t) => [t.row, t]));
  const headerRow = sheetRow(grid, layout.headerBottom);
  const blocks: CellBlock[] = cols.map((col, i) => ({
    row: headerRow,
    col,
    values: [[OWN_HEADERS[i]]],
    formats: ['@'],
    bold: true,
  }));
  const height = lastRow - firstRow + 1;
  const columns: CellValue[][][] = cols.map(() => new Array(height));
  for (let k = 0; k < height; k++) {
    const t = byRow.get(firstRow + k);
    const own = t ? ownValues(t) : null;
    for (let i = 0; i < cols.length; i++) columns[i][k] = [own ? own[i] : null];
  }
  cols.forEach((col, i) => blocks.push({ row: firstRow, col, values: columns[i], formats: [OWN_FORMATS[i]] }));
  const tableLeft = Math.min(...Object.values(layout.columns).filter((c): c is number => c !== undefined));
  const left = Math.min(sheetCol(grid, tableLeft), ...cols);
  const right = Math.max(...cols, sheetCol(grid, layout.headers.length - 1));
  const address = `${columnLetter(left)}${firstRow}:${columnLetter(right)}${lastRow}`;
  return {
    sheet,
    newSheet: false,
    blocks,
    columns: cols,
    highlight: tasks.length ? { address, rules: rowRules(cols, firstRow, dueSoonDays) } : null,
    validation: statusValidation(grid, read, tasks),
    rows: tasks.length,
  };
}

export const NEW_SHEET_HEADERS = ['Trang tính', 'Dòng', 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Hạn (ngày)', 'Tiến độ (gốc)'];

/** Plan for a new sheet "Phân loại": one row per task (source sheet and row kept). */
export function planNewSheet(grid: Grid, read: SheetRead, tasks: Task[], dueSoonDays: number): ClassifyPlan {
  const header = [...NEW_SHEET_HEADERS, ...OWN_HEADERS];
  const rows: CellValue[][] = tasks.map((t) => [
    t.sheet,
    t.row,
    t.stt,
    t.task,
    t.leadUnit || t.leadUnitText,
    t.deadline.text,
    formatDateVi(t.deadline.due),
    t.progressText,
    ...ownValues(t),
  ]);
  const formats = ['@', '0', '@', '@', '@', '@', '@', '@', ...OWN_FORMATS];
  const cols = OWN_HEADERS.map((_, i) => NEW_SHEET_HEADERS.length + i + 1);
  const lastRow = Math.max(2, tasks.length + 1);
  return {
    sheet: CLASSIFY_SHEET,
    newSheet: true,
    blocks: [
      { row: 1, col: 1, values: [header], formats: header.map(() => '@'), bold: true, fill: '#D9E1F2' },
      { row: 2, col: 1, values: rows, formats },
    ],
    columns: cols,
    highlight: tasks.length ? { address: `A2:${columnLetter(header.length)}${lastRow}`, rules: rowRules(cols, 2, dueSoonDays) } : null,
    validation: statusValidation(grid, read, tasks),
    rows: tasks.length,
  };
}
