/** Turn each sheet's ChartSpecs into resolved charts: absolute ranges, cached values, anchor. */
import { columnLetter } from '../../core/grid';
import { cellValueOf, columnIndex, rowParts, sheetLayout, type ChartSpec, type SheetSpec } from '../../report/layout/spec';
import { absRef, type ResolvedChart } from './chart-xml';

/** Default plotted rows: the leading run of 'data' rows. */
function dataRun(sheet: SheetSpec): { first: number; last: number } {
  let last = -1;
  for (const r of sheet.rows) {
    if (rowParts(r).kind !== 'data') break;
    last++;
  }
  return { first: 0, last };
}

export function resolveChart(sheet: SheetSpec, chart: ChartSpec): ResolvedChart | null {
  const layout = sheetLayout(sheet);
  const { first, last } = chart.rows ?? dataRun(sheet);
  const catCol = columnIndex(sheet, chart.categories);
  if (last < first || catCol < 0) return null;
  const rows = sheet.rows.slice(first, last + 1).map((r) => rowParts(r).cells);
  const r1 = layout.firstDataRow + first;
  const r2 = layout.firstDataRow + last;
  const series = chart.series.flatMap((s) => {
    const i = columnIndex(sheet, s.column);
    if (i < 0) return [];
    const values = rows.map((cells) => Number(cellValueOf(cells[i] ?? null) ?? 0) || 0);
    return [{ name: s.name, ref: absRef(sheet.name, columnLetter(i + 1), r1, r2), values, color: s.color }];
  });
  if (!series.length) return null;
  const n = rows.length;
  const size = chart.size ?? { cols: Math.min(Math.max(sheet.columns.length, 8), 14), rows: Math.max(16, Math.ceil(n * 1.3) + 6) };
  const footer = sheet.footer?.length ? sheet.footer.length + 1 : 0;
  const anchor = chart.anchor ?? { col: 0, row: layout.lastDataRow + footer + 3 };
  return {
    title: chart.title,
    direction: chart.direction ?? 'bar',
    grouping: chart.grouping,
    categoriesRef: absRef(sheet.name, columnLetter(catCol + 1), r1, r2),
    categories: rows.map((cells) => String(cellValueOf(cells[catCol] ?? null) ?? '')),
    series,
    from: { col: anchor.col, row: anchor.row - 1 },
    to: { col: anchor.col + size.cols, row: anchor.row - 1 + size.rows },
  };
}
