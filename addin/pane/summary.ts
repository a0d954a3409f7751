/**
 * "Tạo phụ lục tổng hợp": the same printable appendix as the CLI's "Tổng hợp" (report/layout/summary.ts
 * unitSummarySheet: Times New Roman, A4 landscape, "Phụ lục", "(Kèm theo …)", the per-unit table with its
 * totals row, the report's sentences and the stacked bar chart), from the one report model, turned here
 * into plain cell data, merges and looks that the adapter writes into the open workbook.
 */
import { columnLetter } from '../../core/grid';
import type { CellValue } from '../../core/grid';
import type { Task } from '../../core/model';
import { fromTasks } from '../../report/report';
import type { Report } from '../../report/report-types';
import { DEFAULT_ATTACHED_TO } from '../../report/layout/report-template';
import { cellValueOf, columnIndex, rowParts, sheetLayout, type CellLook, type SheetSpec, type TitleLine } from '../../report/layout/spec';
import { FONT_NAME, LOOK, SIZE } from '../../report/layout/style';
import { unitSummarySheet } from '../../report/layout/summary';
import type { CellBlock, LookRange, SummarySheet } from '../excel-adapter';

export const SUMMARY_SHEET = 'Tổng hợp (tiendo)';

/** The report of the sheet's tasks: the same numbers `tiendo aggregate` gives for this table. */
export function summaryReport(asOf: string, tasks: Task[]): Report {
  return fromTasks(asOf, tasks);
}

/** The "Tổng hợp" sheet spec for the add-in: the CLI's, named SUMMARY_SHEET, citing the source sheet. */
function summarySheetSpec(report: Report, source: string, attachedTo = DEFAULT_ATTACHED_TO): SheetSpec {
  return { ...unitSummarySheet(report, { attachedTo, source: `trang tính "${source}"` }), name: SUMMARY_SHEET };
}

/** Pure: the summary sheet as the adapter writes it (the CLI's "Tổng hợp" spec, cell for cell). */
export function summaryLayout(report: Report, source: string, attachedTo?: string): SummarySheet {
  return sheetPlan(summarySheetSpec(report, source, attachedTo));
}

const A = (col: number, row: number): string => `${columnLetter(col)}${row}`;
const area = (c1: number, r1: number, c2: number, r2: number): string => `${A(c1, r1)}:${A(c2, r2)}`;

function look(address: string, l: CellLook): LookRange {
  const out: LookRange = { address };
  if (l.bold) out.bold = true;
  if (l.italic) out.italic = true;
  if (l.size) out.size = l.size;
  if (l.fill) out.fill = '#' + l.fill;
  if (l.color) out.color = '#' + l.color;
  if (l.align) out.align = l.align;
  if (l.valign) out.valign = l.valign;
  if (l.wrap) out.wrap = true;
  if (l.border) out.border = true;
  return out;
}

function lineLook(address: string, line: TitleLine, align: 'left' | 'center'): LookRange {
  return look(address, { bold: line.bold, italic: line.italic, size: line.size ?? SIZE.subtitle, align: line.align ?? align, valign: 'middle', wrap: true });
}

/**
 * A SheetSpec (title block, one- or two-row header, rows, footer, one chart, A4 print) as plain data for the adapter,
 * with the same row positions as the xlsx writer (spec.ts sheetLayout).
 */
export function sheetPlan(spec: SheetSpec): SummarySheet {
  const width = spec.columns.length;
  const layout = sheetLayout(spec);
  const blocks: CellBlock[] = [];
  const merges: string[] = [];
  const looks: LookRange[] = [];
  const titles = spec.titleBlock ?? [];
  titles.forEach((line, i) => {
    blocks.push({ row: i + 1, col: 1, values: [[line.text]], formats: ['@'] });
    if (width > 1) merges.push(area(1, i + 1, width, i + 1));
    looks.push(lineLook(area(1, i + 1, width, i + 1), line, 'center'));
  });
  // Header: with groups, the group title over its columns on the top row, the other columns merged down.
  const top: CellValue[] = new Array(width).fill(null);
  const bottom: CellValue[] = spec.columns.map((c) => c.header);
  const groups = spec.headerGroups ?? [];
  const grouped = new Set<number>();
  for (const g of groups) {
    const from = columnIndex(spec, g.from);
    const to = columnIndex(spec, g.to);
    if (from < 0 || to < from) continue;
    top[from] = g.title;
    for (let c = from; c <= to; c++) grouped.add(c);
    if (to > from) merges.push(area(from + 1, layout.headerTop, to + 1, layout.headerTop));
  }
  if (layout.headerBottom > layout.headerTop) {
    spec.columns.forEach((c, i) => {
      if (grouped.has(i)) return;
      top[i] = c.header;
      bottom[i] = null;
      merges.push(area(i + 1, layout.headerTop, i + 1, layout.headerBottom));
    });
    blocks.push({ row: layout.headerTop, col: 1, values: [top, bottom], formats: spec.columns.map(() => '@') });
  } else {
    blocks.push({ row: layout.headerTop, col: 1, values: [bottom], formats: spec.columns.map(() => '@') });
  }
  looks.push(look(area(1, layout.headerTop, width, layout.headerBottom), LOOK.header));
  // Body: values with each column's number format; text columns as text, so no cell becomes a formula.
  const formats = spec.columns.map((c) => c.numFmt ?? '@');
  const values = spec.rows.map((r) => {
    const { cells } = rowParts(r);
    return spec.columns.map((_, i) => cellValueOf(cells[i] ?? null) as CellValue);
  });
  if (values.length) {
    blocks.push({ row: layout.firstDataRow, col: 1, values, formats });
    looks.push(look(area(1, layout.firstDataRow, width, layout.lastDataRow), LOOK.body));
    spec.columns.forEach((c, i) => {
      if (c.align) looks.push({ address: area(i + 1, layout.firstDataRow, i + 1, layout.lastDataRow), align: c.align });
    });
    spec.rows.forEach((r, k) => {
      const { kind } = rowParts(r);
      const row = layout.firstDataRow + k;
      if (kind === 'total') looks.push(look(area(1, row, width, row), LOOK.total));
      if (kind === 'section') {
        looks.push(look(area(1, row, width, row), LOOK.section));
        if (width > 1) merges.push(area(1, row, width, row));
      }
    });
  }
  let next = layout.lastDataRow + 2;
  for (const line of spec.footer ?? []) {
    blocks.push({ row: next, col: 1, values: [[line.text]], formats: ['@'] });
    if (width > 1) merges.push(area(1, next, width, next));
    looks.push(lineLook(area(1, next, width, next), line, 'left'));
    next++;
  }
  const lastRow = Math.max(next - 1, layout.lastDataRow);
  return {
    name: spec.name,
    blocks,
    merges,
    font: { name: FONT_NAME, size: SIZE.body, address: area(1, 1, width, lastRow) },
    looks,
    widths: spec.columns.map((c) => c.width),
    freezeRows: spec.freeze ? layout.headerBottom : 0,
    print: spec.print
      ? { orientation: spec.print.orientation, paper: spec.print.paper, fitToWidth: spec.print.fitToWidth, titleRows: spec.print.repeatHeader ? `$${layout.headerTop}:$${layout.headerBottom}` : null }
      : null,
    chart: chartPlan(spec, layout.firstDataRow, lastRow),
  };
}

function chartPlan(spec: SheetSpec, firstDataRow: number, lastRow: number): SummarySheet['chart'] {
  const c = spec.charts?.[0];
  if (!c) return null;
  const cols = c.series.map((s) => columnIndex(spec, s.column));
  const cat = columnIndex(spec, c.categories);
  const contiguous = cols.every((x, i) => x >= 0 && (i === 0 || x === cols[i - 1] + 1));
  if (!contiguous || cat < 0) return null;
  const first = c.rows?.first ?? 0;
  const last = c.rows?.last ?? spec.rows.length - 1;
  if (last < first) return null;
  const r1 = firstDataRow + first;
  const r2 = firstDataRow + last;
  return {
    type: c.direction === 'col' ? 'ColumnStacked' : 'BarStacked',
    title: c.title,
    values: area(cols[0] + 1, r1, cols[cols.length - 1] + 1, r2),
    categories: area(cat + 1, r1, cat + 1, r2),
    series: c.series.map((s) => ({ name: s.name, color: s.color ? '#' + s.color : undefined })),
    anchor: A(1, lastRow + 3),
    height: Math.max(260, 18 * (last - first + 1) + 120),
    width: 760,
  };
}
