/**
 * The columns "Phân loại" writes beside the table. Found again by their exact header text,
 * so running it twice reuses them, and blanked out before core reads the sheet, so they are
 * never mistaken for the table's own "Tiến độ" or "Thời hạn" columns.
 */
import type { CellValue, Grid } from '../../core/grid';

export const OWN_HEADERS = [
  'Tiến độ chuẩn hoá (tiendo)',
  'Phân loại (tiendo)',
  'Quá hạn (tiendo)',
  'Số ngày quá hạn (tiendo)',
  'Số ngày còn lại (tiendo)',
] as const;

export const OWN = { progress: 0, category: 1, overdue: 2, daysLate: 3, daysLeft: 4 } as const;

/** Grid position of each own header found in the grid (first occurrence), or null. */
export function findOwnColumns(grid: Grid): ({ r: number; c: number } | null)[] {
  const found: ({ r: number; c: number } | null)[] = OWN_HEADERS.map(() => null);
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const i = (OWN_HEADERS as readonly string[]).indexOf(v.trim());
      if (i >= 0 && !found[i]) found[i] = { r, c };
    }
  }
  return found;
}

/** A copy of the grid with the own columns emptied (same shape, same origin); the grid itself when there are none. */
export function withoutOwnColumns(grid: Grid): Grid {
  const cols = new Set(findOwnColumns(grid).flatMap((p) => (p ? [p.c] : [])));
  if (!cols.size) return grid;
  const rows: CellValue[][] = grid.rows.map((row) => (row ? row.map((v, c) => (cols.has(c) ? null : v)) : row));
  return { ...grid, rows };
}
