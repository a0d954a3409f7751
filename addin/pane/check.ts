/**
 * "Kiểm tra bảng": what the pane shows after reading the sheet: the header it matched, the
 * report model's counts, headline and sentences (report/, the same as `tiendo aggregate` gives for
 * this table), the tasks whose progress tiendo inferred with the reason, and every issue with the
 * cell it points at. Pure: core's SheetRead and Tasks in, a plain view model out.
 */
import { cellAddress, sheetRow } from '../../core/grid';
import type { Grid } from '../../core/grid';
import type { Issue, Severity } from '../../core/issue';
import type { ColumnRole, SheetRead, Task } from '../../core/model';
import { ROLE_LABELS } from '../../core/table/roles';
import { fromTasks } from '../../report/report';
import { countLines, type CountLine } from '../../report/count-lines';
import { PROGRESS_SOURCE_LABELS, progressLabel } from '../../report/labels';
import type { Report } from '../../report/report-types';
import { isInferred } from '../../report/rules';
import { headline } from '../../report/sentences';

export type { CountLine };

export interface HeaderMatch {
  role: ColumnRole;
  label: string;
  /** Header text as written in the sheet. */
  header: string;
  /** A1 address of the header cell. */
  cell: string;
}

export interface IssueLine {
  code: string;
  severity: Severity;
  message: string;
  sheet: string;
  /** Cell to select when clicked, or null. */
  cell: string | null;
}

/** A task whose progress tiendo read rather than the unit wrote: shown apart, with why. */
export interface InferredLine {
  sheet: string;
  row: number;
  stt: string;
  /** The cell the progress was read from (status, else result), or null. */
  cell: string | null;
  /** "Đã hoàn thành (suy ra)". */
  value: string;
  /** "Suy ra", "Suy ra từ dấu đánh dấu". */
  source: string;
  reason: string;
}

export interface CheckView {
  sheet: string;
  asOf: string;
  headerRows: number[];
  headers: HeaderMatch[];
  tasks: number;
  counts: CountLine[];
  /** The report's headline: "Đã hoàn thành 03/10 (30,0%) nhiệm vụ; 02 nhiệm vụ quá hạn, …". */
  summary: string;
  /** Every sentence of the report (headline first), as tom-tat.txt has them. */
  sentences: string[];
  inferred: InferredLine[];
  issues: IssueLine[];
}

/** The view of a sheet's tasks; `report` is the sheet's report model (fromTasks), built here when not given. */
export function checkView(grid: Grid, read: SheetRead, tasks: Task[], opts: { asOf: string; dueSoonDays: number }, report?: Report): CheckView {
  const model = report ?? fromTasks(opts.asOf, tasks);
  const layout = read.layout;
  const headers: HeaderMatch[] = [];
  if (layout) {
    const roles = Object.entries(layout.columns) as [ColumnRole, number][];
    roles.sort((a, b) => a[1] - b[1]);
    for (const [role, c] of roles) {
      headers.push({ role, label: ROLE_LABELS[role], header: layout.headers[c] ?? '', cell: cellAddress(grid, layout.headerBottom, c) });
    }
  }
  const sheet = read.sheet ?? grid.name;
  const issues = [...read.issues, ...tasks.flatMap((t) => t.issues)].map((i) => issueLine(grid, sheet, i));
  return {
    sheet,
    asOf: opts.asOf,
    headerRows: layout?.headerRows ?? [],
    headers,
    tasks: model.totals.tasks,
    counts: countLines(model, opts.dueSoonDays),
    summary: headline(model),
    sentences: model.sentences,
    inferred: tasks.filter((t) => isInferred(t.progressSource)).map((t) => ({
      sheet: t.sheet || sheet,
      row: t.row,
      stt: t.stt,
      cell: t.cells.status ?? t.cells.result ?? null,
      value: progressLabel(t),
      source: PROGRESS_SOURCE_LABELS[t.progressSource],
      reason: t.progressReason ?? '',
    })),
    issues,
  };
}

function issueLine(grid: Grid, sheet: string, i: Issue): IssueLine {
  let cell = i.cell ?? null;
  if (!cell && i.row) cell = cellAddress(grid, i.row - sheetRow(grid, 0), 0);
  return { code: i.code, severity: i.severity, message: i.message, sheet: i.sheet ?? sheet, cell };
}
