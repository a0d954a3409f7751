/**
 * A column headed "Tình hình thực hiện" (or "Kết quả thực hiện") holds either the
 * status ("Đã hoàn thành", "Đang thực hiện"…) or the long result text. With no
 * "Tiến độ" column, such a column whose filled cells are mostly short status words is
 * the status column; the others stay result columns.
 */
import type { Grid } from '../grid';
import type { TableLayout } from '../model';
import { readStatus } from '../status';
import { tableText } from './cells';
import { columnRole } from './header';

const SAMPLE_ROWS = 300;
const SHORT = 30;

/** Share of the filled cells of column c (below the header) that are short recognised status words; -1 when none is filled. */
function statusShare(grid: Grid, layout: TableLayout, c: number): number {
  let filled = 0;
  let status = 0;
  const end = Math.min(grid.rows.length, layout.firstDataRow + SAMPLE_ROWS);
  for (let r = layout.firstDataRow; r < end; r++) {
    const t = tableText(grid, r, c);
    if (!t) continue;
    filled++;
    if (t.length > SHORT) continue;
    const s = readStatus(t);
    if (s.recognised && !s.inferred && s.progress !== 'unknown' && s.progress !== 'unreported') status++;
  }
  return filled ? status / filled : -1;
}

/**
 * The layout with a result-headed column that holds status words made the status column
 * (and another result-headed column, if any, the result column). Unchanged otherwise.
 */
export function statusColumnByContent(grid: Grid, layout: TableLayout): TableLayout {
  if (layout.columns.status !== undefined) return layout;
  const resultCols = [
    ...(layout.columns.result !== undefined ? [layout.columns.result] : []),
    ...layout.extras.filter((x) => columnRole(x.header.split(' / ').pop() ?? '') === 'result' || columnRole(x.header) === 'result').map((x) => x.col),
  ];
  if (!resultCols.length) return layout;
  const shares = resultCols.map((c) => ({ c, share: statusShare(grid, layout, c) }));
  // Ties go to a column not headed "Kết quả" ("Tình hình thực hiện" is the one that may hold statuses).
  const named = (c: number): number => (/^k[eế]t qu[aả]/iu.test(layout.headers[c] ?? '') ? 1 : 0);
  const status = shares.filter((x) => x.share >= 0.6).sort((a, b) => b.share - a.share || named(a.c) - named(b.c))[0];
  if (!status) return layout;
  const result = shares.find((x) => x.c !== status.c && x.share < 0.6);
  const columns = { ...layout.columns, status: status.c };
  delete columns.result;
  if (result) columns.result = result.c;
  const used = new Set(Object.values(columns));
  const extras = layout.extras.filter((x) => !used.has(x.col));
  if (layout.columns.result !== undefined && !used.has(layout.columns.result)) extras.push({ col: layout.columns.result, header: layout.headers[layout.columns.result] });
  return { ...layout, columns, extras };
}
