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
import { checkView, type CheckView } from './check';
import { planBeside, planNewSheet } from './classify-plan';
import { MESSAGES, PaneError } from './messages';
import { withoutOwnColumns } from './own-columns';
import type { PaneSettings } from './settings';
import { summaryLayout, summaryReport, SUMMARY_SHEET } from './summary';

export interface Analysis {
  grid: Grid;
  read: SheetRead;
  tasks: Task[];
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
  // "Vùng chọn" with a single cell selected means nothing was chosen: read the whole sheet
  if (s.scope === 'selection' && grid.rows.length <= 1 && (grid.rows[0]?.length ?? 0) <= 1) grid = await excel.readActiveSheet('sheet');
  return analyse(grid, s.asOf);
}

/** "Kiểm tra bảng". */
export async function runCheck(s: PaneSettings): Promise<CheckView> {
  const a = await load(s);
  return checkView(a.grid, a.read, a.tasks, s);
}


export interface ClassifyResult {
  check: CheckView;
  sheet: string;
  rows: number;
  /** A1 addresses (sheet columns) of the written columns, e.g. "I". */
  columns: number[];
}

/** "Phân loại": writes the own columns, colours rows, adds the status dropdown. */
export async function runClassify(s: PaneSettings): Promise<ClassifyResult> {
  const a = await load(s);
  if (!a.tasks.length) throw new PaneError(MESSAGES.noTasks);
  const plan = s.target === 'sheet' ? planNewSheet(a.grid, a.read, a.tasks, s.dueSoonDays) : planBeside(a.grid, a.read, a.tasks, s.dueSoonDays);
  if (plan.newSheet) await excel.writeNewSheet(plan.sheet, plan.blocks, { freezeRows: 1 });
  else await excel.writeBlocks(plan.sheet, plan.blocks);
  if (plan.highlight) await excel.setRowHighlights(plan.sheet, plan.highlight.address, plan.highlight.rules);
  if (plan.validation) {
    await excel.setListValidation(plan.validation.sheet, plan.validation.address, STANDARD_STATUSES, {
      title: 'Tiến độ',
      text: 'Nên chọn một giá trị chuẩn trong danh sách.',
    });
  }
  return { check: checkView(a.grid, a.read, a.tasks, s), sheet: plan.sheet, rows: plan.rows, columns: plan.columns };
}

export interface SummaryResult {
  check: CheckView;
  sheet: string;
  units: number;
  sentences: string[];
}

/** "Tạo phụ lục tổng hợp": the summary sheet with a table, totals, sentences and a chart. */
export async function runSummary(s: PaneSettings): Promise<SummaryResult> {
  const a = await load(s);
  if (!a.tasks.length) throw new PaneError(MESSAGES.noTasks);
  const report = summaryReport(s.asOf, a.tasks);
  await excel.writeSummarySheet(summaryLayout(report, a.read.sheet ?? a.grid.name));
  return { check: checkView(a.grid, a.read, a.tasks, s, report), sheet: SUMMARY_SHEET, units: report.units.length, sentences: report.sentences };
}

/** Selects an issue's cell. */
export async function goTo(sheet: string, cell: string): Promise<void> {
  await excel.selectCell(sheet, cell);
}
