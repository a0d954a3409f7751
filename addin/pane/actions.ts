/**
 * The pane's three actions and "go to cell". Each reads the sheet through the adapter, asks
 * core, and writes through the adapter; it returns a plain view for the UI. Calls core and the
 * adapter, nothing else.
 */
import { classifyRead, readSheet } from '../../core/index';
import type { Grid } from '../../core/grid';
import type { SheetRead, Task } from '../../core/model';
import { isIsoDate } from '../../core/dates';
import { STANDARD_STATUSES } from '../../core/status';
import * as excel from '../excel-adapter';
import { columnLetter, sheetCol, sheetRow } from '../../core/grid';
import { ROLE_LABELS } from '../../core/table/roles';
import type { ColumnRole } from '../../core/model';
import { checkView, type CheckView } from './check';
import { CLASSIFY_SHEET, overwrites, planBeside, planNewSheet } from './classify-plan';
import { MESSAGES, PaneError } from './messages';
import { withoutOwnColumns } from './own-columns';
import type { PaneSettings } from './settings';
import { summaryLayout, summaryReport, SUMMARY_SHEET } from './summary';

export interface Analysis {
  grid: Grid;
  read: SheetRead;
  tasks: Task[];
  /** What the reader could not read, in Vietnamese (e.g. merged areas read in parts). */
  notes?: string[];
}

/** A question the pane must put to the user before going on (replacing a sheet, writing what cannot be undone). */
export type Ask = (question: string) => Promise<boolean>;

/** The selection leaves out columns of the table: where the whole table is, to offer to widen the selection. */
export interface Widen {
  sheet: string;
  /** A1 address of the whole table (header to last row, first to last column). */
  address: string;
  message: string;
}

/** The sheet the user's table is on, remembered so tiendo's own sheets are never taken for it (item 7). */
let sourceSheet: string | null = null;
const OWN_SHEETS = new Set<string>([CLASSIFY_SHEET, SUMMARY_SHEET]);

/** Forget the remembered table sheet (tests; a new workbook). */
export function resetSource(): void {
  sourceSheet = null;
}

function validate(s: PaneSettings): void {
  if (!isIsoDate(s.asOf)) throw new PaneError(MESSAGES.badDate);
  if (!Number.isInteger(s.dueSoonDays) || s.dueSoonDays < 0 || s.dueSoonDays > 365) throw new PaneError(MESSAGES.badDays);
}

/** Pure: the sheet's grid → core's read and tasks (own columns blanked first). Throws PaneError when no table. */
export function analyse(grid: Grid, asOf: string): Analysis {
  if (!grid.rows.some((r) => r?.some((v) => v !== null && v !== ''))) throw new PaneError(MESSAGES.emptySheet);
  // tiendo's own appendix has STT, units and counts under status-like headers: never read it back as tasks
  if (grid.name === SUMMARY_SHEET) throw new PaneError(`${MESSAGES.noTable} (trang tính "${SUMMARY_SHEET}" là phụ lục tổng hợp do tiendo tạo; hãy mở trang tính có bảng nhiệm vụ.)`);
  const read = readSheet(withoutOwnColumns(grid), { file: grid.name });
  if (!read.layout) {
    const why = read.issues.find((i) => i.severity === 'error');
    throw new PaneError(why ? `${MESSAGES.noTable} (${why.message})` : MESSAGES.noTable);
  }
  return { grid, read, tasks: classifyRead(read, asOf) };
}

async function load(s: PaneSettings): Promise<Analysis> {
  validate(s);
  let grid = await excel.readActiveSheet(s.scope);
  // On one of tiendo's own sheets (after "Sang trang tính mới" or the summary), read the user's table instead.
  if (OWN_SHEETS.has(grid.name) && sourceSheet !== null && sourceSheet !== grid.name) grid = await excel.readActiveSheet('sheet', { sheet: sourceSheet });
  // "Vùng chọn" with a single cell selected means nothing was chosen: read the whole sheet
  else if (s.scope === 'selection' && grid.rows.length <= 1 && (grid.rows[0]?.length ?? 0) <= 1) grid = await excel.readActiveSheet('sheet');
  const a = analyse(grid, s.asOf);
  if (!OWN_SHEETS.has(grid.name)) sourceSheet = grid.name;
  return { ...a, notes: grid.notes };
}

/**
 * With "Vùng chọn": the whole sheet as read, and whether the selection leaves out columns of the table
 * found there (e.g. B5:F16 of a table that runs to H: "Kết quả thực hiện" and "Tiến độ" would be missed).
 */
async function wholeSheet(a: Analysis): Promise<{ space: Grid; widen: Widen | null }> {
  const space = await excel.readActiveSheet('sheet', { sheet: a.grid.name });
  const read = readSheet(withoutOwnColumns(space), { file: space.name });
  if (!read.layout) return { space, widen: null };
  const left = sheetCol(a.grid, 0);
  const right = sheetCol(a.grid, Math.max(0, ...a.grid.rows.map((r) => (r?.length ?? 1) - 1)));
  const layout = read.layout;
  const top = sheetRow(space, layout.headerTop);
  const bottom = Math.max(top, read.tasks.reduce((m, t) => Math.max(m, t.rowEnd ?? t.row), 0));
  // only the table the selection is on: a selection of another block of the sheet is the user's choice
  if (bottom < sheetRow(a.grid, 0) || top > sheetRow(a.grid, Math.max(0, a.grid.rows.length - 1))) return { space, widen: null };
  const missing = (Object.entries(layout.columns) as [ColumnRole, number | undefined][])
    .filter((e): e is [ColumnRole, number] => e[1] !== undefined)
    .map(([role, c]) => ({ role, col: sheetCol(space, c) }))
    .filter((x) => x.col < left || x.col > right)
    .sort((x, y) => x.col - y.col);
  if (!missing.length) return { space, widen: null };
  const cols = Object.values(layout.columns).filter((c): c is number => c !== undefined).map((c) => sheetCol(space, c));
  const address = `${columnLetter(Math.min(...cols, left))}${top}:${columnLetter(Math.max(...cols, right))}${bottom}`;
  const names = missing.map((x) => `${columnLetter(x.col)} "${ROLE_LABELS[x.role]}"`).join(', ');
  return {
    space,
    widen: { sheet: space.name, address, message: MESSAGES.selectionMissesColumns(names, address) },
  };
}

/** Selects the whole table (the pane's "Mở rộng vùng chọn" button). */
export async function widenSelection(w: Widen): Promise<void> {
  await excel.selectCell(w.sheet, w.address);
}

/** "Kiểm tra bảng". With "Vùng chọn", also says when the selection leaves out columns of the table. */
export async function runCheck(s: PaneSettings): Promise<CheckView & { widen?: Widen; notes?: string[] }> {
  const a = await load(s);
  const view = checkView(a.grid, a.read, a.tasks, s);
  const widen = s.scope === 'selection' && !OWN_SHEETS.has(a.grid.name) ? (await wholeSheet(a)).widen : null;
  return { ...view, ...(widen ? { widen } : {}), ...(a.notes?.length ? { notes: a.notes } : {}) };
}


export interface ClassifyResult {
  check: CheckView;
  sheet: string;
  rows: number;
  /** A1 addresses (sheet columns) of the written columns, e.g. "I". */
  columns: number[];
}

const STATUS_LIST = { values: STANDARD_STATUSES, title: 'Tiến độ', text: 'Nên chọn một giá trị chuẩn trong danh sách.' };

/**
 * "Phân loại": writes the own columns, colours rows, adds the status dropdown (unless the column already has one,
 * like the template's). Beside the table it never writes over a non-empty cell of the user's: the columns are chosen
 * on the whole sheet, a selection that leaves out table columns is refused with an offer to widen it, and a
 * protected sheet is refused before anything is written (with the new-sheet option offered).
 */
export async function runClassify(s: PaneSettings, ask: Ask = async () => true): Promise<ClassifyResult> {
  const a = await load(s);
  if (!a.tasks.length) throw new PaneError(MESSAGES.noTasks);
  if (s.target === 'sheet') {
    const existing = await excel.sheetInfo(CLASSIFY_SHEET);
    if (existing.exists && !(await ask(MESSAGES.replaceClassifySheet))) throw new PaneError(MESSAGES.cancelled);
    const plan = planNewSheet(a.grid, a.read, a.tasks, s.dueSoonDays);
    await excel.writeNewSheet(plan.sheet, plan.blocks, { freezeRows: 1, ...(plan.highlight ? { highlight: plan.highlight } : {}) });
    if (plan.validation) await applyValidation(plan.validation.sheet, plan.validation.address);
    return { check: checkView(a.grid, a.read, a.tasks, s), sheet: plan.sheet, rows: plan.rows, columns: plan.columns };
  }
  const sheet = a.read.sheet ?? a.grid.name;
  if ((await excel.sheetInfo(sheet)).protected) throw new PaneError(MESSAGES.protectedSheet(sheet));
  let space: Grid = a.grid;
  if (s.scope === 'selection') {
    const whole = await wholeSheet(a);
    if (whole.widen) throw new WidenError(whole.widen);
    space = whole.space;
  }
  const plan = planBeside(a.grid, a.read, a.tasks, s.dueSoonDays, space);
  const hit = overwrites(space, plan.blocks);
  if (hit.length) throw new PaneError(MESSAGES.wouldOverwrite(hit));
  await excel.applyClassify({
    sheet: plan.sheet,
    blocks: plan.blocks,
    highlight: plan.highlight,
    // the dropdown needs ExcelApi 1.8 (Excel 2021 or Microsoft 365; Excel 2019 stops at 1.7); without it the columns and colours are still written
    validation: plan.validation && excel.supports('1.8') ? { ...plan.validation, list: STATUS_LIST } : null,
  });
  return { check: checkView(a.grid, a.read, a.tasks, s), sheet: plan.sheet, rows: plan.rows, columns: plan.columns };
}

async function applyValidation(sheet: string, address: string): Promise<void> {
  if (!excel.supports('1.8')) return;
  if ((await excel.sheetInfo(sheet)).protected) return; // the user's protected table: the dropdown is left as it is
  await excel.setListValidation(sheet, address, STATUS_LIST.values, STATUS_LIST);
}

/** The selection leaves out table columns: nothing was written; the pane offers to widen the selection. */
export class WidenError extends PaneError {
  constructor(readonly widen: Widen) {
    super(widen.message);
  }
}

export interface SummaryResult {
  check: CheckView;
  sheet: string;
  units: number;
  sentences: string[];
}

/** "Tạo phụ lục tổng hợp": the summary sheet with a table, totals, sentences and a chart. */
export async function runSummary(s: PaneSettings, ask: Ask = async () => true): Promise<SummaryResult> {
  const a = await load(s);
  if (!a.tasks.length) throw new PaneError(MESSAGES.noTasks);
  // Replacing the summary sheet deletes it, and Worksheet.delete empties Excel's undo stack: ask first.
  if ((await excel.sheetInfo(SUMMARY_SHEET)).exists && !(await ask(MESSAGES.replaceSummarySheet))) throw new PaneError(MESSAGES.cancelled);
  const report = summaryReport(s.asOf, a.tasks);
  await excel.writeSummarySheet(summaryLayout(report, a.read.sheet ?? a.grid.name));
  return { check: checkView(a.grid, a.read, a.tasks, s, report), sheet: SUMMARY_SHEET, units: report.units.length, sentences: report.sentences };
}

/** Selects an issue's cell. */
export async function goTo(sheet: string, cell: string): Promise<void> {
  await excel.selectCell(sheet, cell);
}
