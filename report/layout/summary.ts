/**
 * The summary appendix (tong-hop.xlsx) layout, defined once: "Tổng hợp" (per-unit
 * table, totals row, stacked bar chart of status by unit), "Quá hạn", "Chưa báo cáo"
 * (with a distribute manifest), "Chi tiết", "Cảnh báo", "Nguồn".
 *
 * @example
 *   await writeWorkbook(summarySpec(report, { title: 'Tình hình thực hiện Đề án 06', attachedTo: '(Kèm theo Báo cáo số …)' }), 'tong-hop.xlsx');
 */
import type { Report } from '../report-types';
import { formatDateVi, formatNumber } from '../../core/format';
import { sentences } from '../sentences';
import type { CellInput, ChartSpec, ColumnSpec, RowSpec, SheetSpec, TitleLine, WorkbookSpec } from './spec';
import { CHART_COLORS, COUNT_FORMAT, DATE_FORMAT, PERCENT_FORMAT, PRINT_A4_LANDSCAPE, SIZE } from './style';
import { DETAIL_COLUMNS, ISSUE_COLUMNS, OVERDUE_COLUMNS, summaryRows, type SummaryColumn, type SummaryTable } from './summary-tables';

export { summaryRows, type SummaryTable, type SummaryRow, type SummaryColumn } from './summary-tables';

export interface SummaryOptions {
  /** Report name in the title block (default "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"). */
  title?: string;
  /** The "(Kèm theo …)" line. */
  attachedTo?: string;
  /** Alias of attachedTo (the aggregate command's --kem-theo). */
  kemTheo?: string;
  /** Where the numbers come from, added to the as-of line ("trang tính \"Phụ lục\"": the add-in's summary). */
  source?: string;
}

export const DEFAULT_SUMMARY_TITLE = 'Tổng hợp tình hình thực hiện nhiệm vụ được giao';

const SHEET_TITLES: Record<string, string> = {
  'Theo xã': 'Tình hình thực hiện nhiệm vụ theo xã, phường',
  'Quá hạn': 'Danh sách nhiệm vụ quá hạn, chưa hoàn thành',
  'Chưa báo cáo': 'Đơn vị chưa gửi báo cáo',
  'Chi tiết': 'Chi tiết các nhiệm vụ',
  'Cảnh báo': 'Các cảnh báo khi đọc và tổng hợp',
  'Nguồn': 'Các tệp đầu vào',
};

function titleBlock(report: Report, opts: SummaryOptions, table: SummaryTable): TitleLine[] {
  const main = table.name === 'Tổng hợp';
  const lines: TitleLine[] = [{ text: 'Phụ lục', bold: true, size: SIZE.subtitle }];
  lines.push({ text: (main ? opts.title ?? DEFAULT_SUMMARY_TITLE : SHEET_TITLES[table.name] ?? table.name).toUpperCase(), bold: true, size: SIZE.title });
  const attached = opts.attachedTo ?? opts.kemTheo;
  if (main && attached) lines.push({ text: attached, italic: true, size: SIZE.subtitle });
  const source = main && opts.source ? `; nguồn: ${opts.source}` : '';
  lines.push({ text: `(Số liệu tính đến ngày ${formatDateVi(report.asOf)}${source})`, italic: true, size: SIZE.body });
  return lines;
}

function numFmt(c: SummaryColumn): string | undefined {
  return c.type === 'count' ? COUNT_FORMAT : c.type === 'percent' ? PERCENT_FORMAT : c.type === 'date' ? DATE_FORMAT : undefined;
}

export function cellOf(c: SummaryColumn, v: string | number | null): CellInput {
  if (v === null || v === undefined || v === '') return null;
  if (c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(v + 'T00:00:00Z');
  return v;
}

/** A summary column as a sheet column. */
export function columnSpecOf(c: SummaryColumn): ColumnSpec {
  return { header: c.header, key: c.key, width: c.width, numFmt: numFmt(c), align: c.type === 'text' ? undefined : 'center', wrap: c.type === 'text' };
}

/** Sheets of mostly distinct long texts, written with inline strings (SheetSpec.inlineStrings). */
const INLINE_SHEETS = new Set(['Quá hạn', 'Chi tiết', 'Cảnh báo']);

/**
 * The column sets whose data-cell styles come first in tong-hop.xlsx (WorkbookSpec.stylePreset): "Chi tiết" and
* "Cảnh báo" and "Quá hạn", so the read workers can render their rows ahead (batch/render-task.ts).
 */
export const SUMMARY_STYLE_PRESET: ColumnSpec[][] = [DETAIL_COLUMNS.map(columnSpecOf), ISSUE_COLUMNS.map(columnSpecOf), OVERDUE_COLUMNS.map(columnSpecOf)];

/** One summary table as a sheet spec with the appendix look. */
export function tableSheet(table: SummaryTable, titles: TitleLine[]): SheetSpec {
  const rows: RowSpec[] = table.rows.map((r) => {
    if (r.rendered) return { cells: r.values.map((v, i) => cellOf(table.columns[i], v)), kind: 'data', rendered: r.rendered };
    const cells = r.kind === 'section' ? [r.values[0] ?? ''] : table.columns.map((c, i) => cellOf(c, r.values[i] ?? null));
    return r.kind === 'data' ? cells : { cells, kind: r.kind };
  });
  return {
    name: table.name,
    ...(INLINE_SHEETS.has(table.name) ? { inlineStrings: true } : {}),
    columns: table.columns.map(columnSpecOf),
    headerGroups: table.groups,
    titleBlock: titles,
    rows,
    freeze: true,
    autoFilter: table.rows.length > 0 && table.name !== 'Tổng hợp',
    print: PRINT_A4_LANDSCAPE,
  };
}

/** Units plotted at most: beyond that a chart is unreadable (communes); the table still lists them all. */
export const CHART_MAX_UNITS = 60;

/** Stacked bars per unit: done on time, done late, open in time, open overdue (plus recurring, stopped). */
export function statusChart(unitCount: number): ChartSpec | null {
  if (!unitCount) return null;
  const shown = Math.min(unitCount, CHART_MAX_UNITS);
  const title = 'Tình hình thực hiện nhiệm vụ theo đơn vị' + (shown < unitCount ? ` (${shown}/${formatNumber(unitCount)} đơn vị đầu bảng)` : '');
  return {
    type: 'bar',
    direction: 'bar',
    grouping: 'stacked',
    title,
    categories: 'unit',
    rows: { first: 0, last: shown - 1 },
    series: [
      { name: 'Hoàn thành đúng hạn', column: 'c_done_on_time', color: CHART_COLORS.done },
      { name: 'Hoàn thành quá hạn', column: 'c_done_late', color: CHART_COLORS.doneLate },
      { name: 'Trong hạn', column: 'c_open_in_time', color: CHART_COLORS.openInTime },
      { name: 'Quá hạn', column: 'c_open_overdue', color: CHART_COLORS.openOverdue },
      { name: 'Thường xuyên', column: 'c_recurring', color: CHART_COLORS.other },
      { name: 'Dừng thực hiện', column: 'c_stopped', color: CHART_COLORS.stopped },
    ],
  };
}

/** Under "Tổng hợp" when some task has several lead units (the unit rows then add up to more than the total). */
export const MULTI_LEAD_NOTE = 'Ghi chú: nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị, và một lần ở dòng Tổng cộng.';

/**
 * "Tổng hợp": the printable appendix (title block, per-unit table with its totals row, the report's sentences,
 * the stacked bar chart). The CLI writes it as the first sheet of tong-hop.xlsx; the add-in writes the same
 * sheet into the open workbook (addin/pane/summary.ts).
 */
export function unitSummarySheet(report: Report, opts: SummaryOptions = {}): SheetSpec {
  const table = summaryRows(report, { only: 'Tổng hợp' })[0];
  const main = tableSheet(table, titleBlock(report, opts, table));
  const rowsShown = report.provinces ?? report.units;
  const chart = statusChart(rowsShown.length);
  if (chart) main.charts = [chart];
  const lines = report.sentences.length ? report.sentences : sentences(report);
  const multiLead = rowsShown.reduce((n, u) => n + u.tasks, 0) > report.totals.tasks;
  main.footer = [...lines, ...(multiLead ? [MULTI_LEAD_NOTE] : [])].map((text) => ({ text, italic: true, size: SIZE.body }));
  main.freezeColumns = 2;
  return main;
}

/** The whole tong-hop.xlsx. */
export function summarySpec(report: Report, opts: SummaryOptions = {}): WorkbookSpec {
  const sheets = summaryRows(report).slice(1).map((t) => tableSheet(t, titleBlock(report, opts, t)));
  return { sheets: [unitSummarySheet(report, opts), ...sheets], creator: 'tiendo', title: opts.title ?? DEFAULT_SUMMARY_TITLE, stylePreset: SUMMARY_STYLE_PRESET };
}
