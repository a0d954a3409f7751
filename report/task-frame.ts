/**
 * The analyst's task table: one row per task with the JSON contract's fields as Arquero columns (the
 * scripting API's `tasks`, and what `aggregate --tasks` exports), and the CLI's own rollups computed
 * from such a table, however a script filtered it.
 */
import { not, table, type ColumnTable } from 'arquero';
import type { Category, DeadlineKind, Progress } from '../core/model';
import type { ReportTask, ReportTotals, ReportUnit } from './report-types';
import { overdueList, type OverdueEntry, type TaskDetail } from './overdue-list';
import { totalsOf } from './report';
import { sectionRollup } from './section-rollup';
import { fileRollup } from './file-rollup';
import { sentences } from './sentences';
import { taskTable } from './task-table';
import { unitRollup, unitsOf } from './unit-rollup';

/** A task as the JSON contract has it (toReportTask). */
export type FrameTask = ReportTask;

/**
 * The columns of taskFrame(), in order. Text columns hold '' or null as the JSON does; `leadUnits`,
 * `coUnits` and `issues` (the codes of the row's issues) are arrays of strings; `deadline` is the due
 * date as a Date at 00:00 UTC (null for recurring, blank or unparsed deadlines: see `deadlineKind`), the
 * cell text stays in `deadlineText`; `overdue` is a boolean; `row` and `daysLate` are integers.
 * `progressSource`, `progressReason` and `dueSource` are left out only for tasks that do not carry them (an older
 * tong-hop.json).
 */
export const FRAME_COLUMNS = [
  'file', 'sheet', 'row', 'stt', 'section', 'task', 'leadUnit', 'leadUnits', 'coUnits',
  'deadline', 'deadlineText', 'deadlineKind', 'dueSource', 'result', 'progressText', 'progress',
  'progressSource', 'progressReason', 'category', 'overdue', 'daysLate', 'taskId', 'issues',
] as const;
export type FrameColumn = (typeof FRAME_COLUMNS)[number];

/** Columns that hold arrays of strings. */
export const LIST_COLUMNS: readonly FrameColumn[] = ['leadUnits', 'coUnits', 'issues'];
/** Columns that hold integers (or null). */
export const INT_COLUMNS: readonly FrameColumn[] = ['row', 'daysLate'];
const PROVENANCE: readonly FrameColumn[] = ['dueSource', 'progressSource', 'progressReason'];

/** ISO yyyy-mm-dd → Date at 00:00 UTC (null stays null). */
export function isoToDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** Date → ISO yyyy-mm-dd in UTC (the inverse of isoToDate). */
export function dateToIso(d: Date | null | undefined): string | null {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : null;
}

/**
 * The tasks as one Arquero table, one row per task (not per lead unit: see unitTable for that).
 * @example taskFrame(report.tasks).filter((d) => d.overdue).groupby('leadUnit').count()
 */
export function taskFrame(tasks: readonly FrameTask[]): ColumnTable {
  const hasProvenance = !tasks.length || tasks.some((t) => t.progressSource !== undefined || t.dueSource !== undefined);
  const cols: Record<string, unknown[]> = {};
  for (const c of FRAME_COLUMNS) if (hasProvenance || !PROVENANCE.includes(c)) cols[c] = new Array(tasks.length);
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    cols.file[k] = t.file;
    cols.sheet[k] = t.sheet;
    cols.row[k] = t.row;
    cols.stt[k] = t.stt;
    cols.section[k] = t.section;
    cols.task[k] = t.task;
    cols.leadUnit[k] = t.leadUnit;
    cols.leadUnits[k] = t.leadUnits;
    cols.coUnits[k] = t.coUnits;
    cols.deadline[k] = isoToDate(t.deadline.due);
    cols.deadlineText[k] = t.deadline.text;
    cols.deadlineKind[k] = t.deadline.kind;
    cols.result[k] = t.result;
    cols.progressText[k] = t.progressText;
    cols.progress[k] = t.progress;
    cols.category[k] = t.category;
    cols.overdue[k] = t.overdue;
    cols.daysLate[k] = t.daysLate;
    cols.taskId[k] = t.taskId;
    cols.issues[k] = t.issues.map((i) => i.code);
    if (hasProvenance) {
      cols.dueSource[k] = t.dueSource ?? null;
      cols.progressSource[k] = t.progressSource ?? null;
      cols.progressReason[k] = t.progressReason ?? null;
    }
  }
  return table(cols);
}

/** What the rollups read of each row of a (filtered) task frame, in its current order. */
interface RollupRow extends TaskDetail {
  leadUnits: { name: string }[];
  section: string | null;
  progress: Progress;
  category: Category;
  overdue: boolean;
  daysLate: number | null;
}

function rollupRows(frame: ColumnTable): RollupRow[] {
  const col = <T>(name: string): T[] => frame.array(name) as unknown as T[];
  const lead = col<string[] | null>('leadUnits'), file = col<string>('file'), sheet = col<string>('sheet');
  const row = col<number>('row'), stt = col<string>('stt'), task = col<string>('task'), section = col<string | null>('section');
  const due = col<Date | null>('deadline'), text = col<string>('deadlineText'), kind = col<DeadlineKind>('deadlineKind');
  const progress = col<Progress>('progress'), category = col<Category>('category');
  const overdue = col<boolean>('overdue'), daysLate = col<number | null>('daysLate');
  return progress.map((_, k) => ({
    leadUnits: (lead[k] ?? []).map((name) => ({ name })),
    file: file[k], sheet: sheet[k], row: row[k], stt: stt[k], task: task[k], section: section[k],
    deadline: { text: text[k], due: dateToIso(due[k]), kind: kind[k] },
    progress: progress[k], category: category[k], overdue: !!overdue[k], daysLate: daysLate[k] ?? null,
  }));
}

/**
 * One row per (task, lead unit) of a task frame, with the columns every CLI rollup groups (taskTable):
 * i (row of the frame as filtered), first, unit, file, section, progress, category, overdue, done, daysLate.
 * Count each task once with `.filter((d) => d.first === 1)`.
 */
export function unitTable(frame: ColumnTable): ColumnTable {
  return taskTable(rollupRows(frame));
}

/** The totals `aggregate` reports (each task once), for a task frame. */
export function totalsOfFrame(frame: ColumnTable): ReportTotals {
  return totalsOf(unitTable(frame));
}

/** The report's `units` (a task led by several units counts for each), Vietnamese alphabetical order. */
export function rollupByUnit(frame: ColumnTable): ReportUnit[] {
  return unitsOf(unitRollup(unitTable(frame)));
}

/** Counts per file and section ("A. …", "B. …"), in first-seen order: file, section, tasks, overdue, done, p_*, c_*. */
export function rollupBySection(frame: ColumnTable): ColumnTable {
  return sectionRollup(unitTable(frame)).select(not('first'));
}

/** Counts per file: file, tasks, overdue, done, p_*, c_*. */
export function rollupByFile(frame: ColumnTable): ColumnTable {
  return fileRollup(unitTable(frame));
}

/** The "Quá hạn" list: overdue tasks per lead unit, most days late first (`i` = row of the frame as filtered). */
export function overdueListOf(frame: ColumnTable): OverdueEntry[] {
  const rows = rollupRows(frame);
  return overdueList(taskTable(rows), rows);
}

/** Totals, units and the ready-to-paste sentences of a task frame: what tong-hop.json and tom-tat.txt say of it. */
export function summarize(frame: ColumnTable): { totals: ReportTotals; units: ReportUnit[]; sentences: string[] } {
  const lean = unitTable(frame);
  const out = { totals: totalsOf(lean), units: unitsOf(unitRollup(lean)), sentences: [] as string[] };
  out.sentences = sentences(out);
  return out;
}
