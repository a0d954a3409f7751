/**
 * "Kiểm tra bảng": what the pane shows after reading the sheet: the header it matched,
 * counts by VPCP category plus "chưa báo cáo", due-soon and overdue counts, and every issue
 * with the cell it points at. Pure: core's SheetRead and Tasks in, a plain view model out.
 */
import { cellAddress, sheetRow } from '../../core/grid';
import type { Grid } from '../../core/grid';
import type { Issue, Severity } from '../../core/issue';
import type { Category, ColumnRole, SheetRead, Task } from '../../core/model';
import { CATEGORY_KEYS } from '../../core/model';
import { CATEGORY_LABELS } from '../../core/status';
import { daysBetween } from '../../core/dates';
import { formatCount, formatPercent } from '../../core/format';
import { ROLE_LABELS } from '../../core/table/roles';


export interface HeaderMatch {
  role: ColumnRole;
  label: string;
  /** Header text as written in the sheet. */
  header: string;
  /** A1 address of the header cell. */
  cell: string;
}

export interface CountLine {
  key: Category | 'unreported' | 'due_soon' | 'overdue';
  label: string;
  count: number;
}

export interface IssueLine {
  code: string;
  severity: Severity;
  message: string;
  sheet: string;
  /** Cell to select when clicked, or null. */
  cell: string | null;
}

export interface CheckView {
  sheet: string;
  asOf: string;
  headerRows: number[];
  headers: HeaderMatch[];
  tasks: number;
  counts: CountLine[];
  /** "Đã hoàn thành 03/10 (30,0%) nhiệm vụ; 02 nhiệm vụ quá hạn." */
  summary: string;
  issues: IssueLine[];
}

/** True when an open task with a due date is due within `days` days of asOf (not yet overdue). */
export function isDueSoon(t: Task, days: number): boolean {
  if (t.overdue || !t.deadline.due) return false;
  if (t.category !== 'open_in_time') return false;
  const left = daysBetween(t.asOf, t.deadline.due);
  return left >= 0 && left <= days;
}

export function checkView(grid: Grid, read: SheetRead, tasks: Task[], opts: { asOf: string; dueSoonDays: number }): CheckView {
  const layout = read.layout;
  const headers: HeaderMatch[] = [];
  if (layout) {
    const roles = Object.entries(layout.columns) as [ColumnRole, number][];
    roles.sort((a, b) => a[1] - b[1]);
    for (const [role, c] of roles) {
      headers.push({ role, label: ROLE_LABELS[role], header: layout.headers[c] ?? '', cell: cellAddress(grid, layout.headerBottom, c) });
    }
  }
  const byCategory = new Map<Category, number>(CATEGORY_KEYS.map((k) => [k, 0]));
  let unreported = 0;
  let overdue = 0;
  let dueSoon = 0;
  let done = 0;
  for (const t of tasks) {
    byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
    if (t.progress === 'unreported') unreported++;
    if (t.overdue) overdue++;
    if (isDueSoon(t, opts.dueSoonDays)) dueSoon++;
    if (t.category === 'done_on_time' || t.category === 'done_late') done++;
  }
  const counts: CountLine[] = CATEGORY_KEYS.map((k) => ({ key: k, label: CATEGORY_LABELS[k], count: byCategory.get(k) ?? 0 }));
  counts.push({ key: 'unreported', label: 'Chưa báo cáo', count: unreported });
  counts.push({ key: 'due_soon', label: `Sắp đến hạn trong ${opts.dueSoonDays} ngày`, count: dueSoon });
  const summary =
    `Đã hoàn thành ${formatCount(done)}/${formatCount(tasks.length)} (${formatPercent(done, tasks.length)}) nhiệm vụ; ` +
    `${formatCount(overdue)} nhiệm vụ quá hạn, chưa hoàn thành.`;
  const sheet = read.sheet ?? grid.name;
  const issues = [...read.issues, ...tasks.flatMap((t) => t.issues)].map((i) => issueLine(grid, sheet, i));
  return {
    sheet,
    asOf: opts.asOf,
    headerRows: layout?.headerRows ?? [],
    headers,
    tasks: tasks.length,
    counts,
    summary,
    issues,
  };
}

function issueLine(grid: Grid, sheet: string, i: Issue): IssueLine {
  let cell = i.cell ?? null;
  if (!cell && i.row) cell = cellAddress(grid, i.row - sheetRow(grid, 0), 0);
  return { code: i.code, severity: i.severity, message: i.message, sheet: i.sheet ?? sheet, cell };
}
