/** Overdue tasks per lead unit with days late: the "Quá hạn" list. */
import { desc, type ColumnTable } from 'arquero';
import type { Deadline, Task } from '../core/model';
import type { Report } from './report-types';
import { taskTable } from './task-table';
import { NO_UNIT } from './types';
import { compareVi } from './units-of';
import { addForward, isLazy } from './lazy-text';

/** What the list shows of a task (a Task or a ReportTask). */
export interface TaskDetail {
  file: string;
  sheet: string;
  row: number;
  stt: string;
  task: string;
  deadline: Deadline;
}

export interface OverdueEntry {
  unit: string;
  /** Index into the tasks the table was built from. */
  i: number;
  stt: string;
  task: string;
  deadline: string;
  due: string | null;
  daysLate: number | null;
  file: string;
  sheet: string;
  row: number;
}

/** Arquero table of overdue (task, unit) rows: unit, i, daysLate, by unit then days late (most late first). */
export function overdueTable(tasks: ColumnTable): ColumnTable {
  return tasks.filter('d => d.overdue === 1').select('unit', 'i', 'daysLate').orderby('unit', desc('daysLate'), 'i');
}

/**
 * The overdue list with each task's details, units in Vietnamese alphabetical order, then days late desc.
 * @example overdueList(taskTable(tasks), tasks)[0] // { unit: 'Bộ Nội vụ', stt: '3', daysLate: 45, … }
 */
export function overdueList(table: ColumnTable, tasks: TaskDetail[]): OverdueEntry[] {
  const rows = overdueTable(table).objects() as { unit: string; i: number; daysLate: number | null }[];
  return rows
    .sort((a, b) => compareVi(a.unit, b.unit) || (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.i - b.i)
    .map(({ unit, i, daysLate }) => {
      const t = tasks[i];
      if (!isLazy(t, 'task')) return { unit, i, stt: t.stt, task: t.task, deadline: t.deadline.text, due: t.deadline.due, daysLate, file: t.file, sheet: t.sheet, row: t.row };
      // The text is read when shown (at national scale it is on disk: report/lazy-text.ts); same keys, same order.
      const e: Record<string, unknown> = { unit, i, stt: t.stt };
      addForward(e, t, 'task', 'task');
      Object.assign(e, { deadline: t.deadline.text, due: t.deadline.due, daysLate, file: t.file, sheet: t.sheet, row: t.row });
      return e as unknown as OverdueEntry;
    });
}

/** What the "Quá hạn" sheet shows of a report task. */
export interface OverdueRow extends OverdueEntry {
  /** The task's own lead text (all its leads), NO_UNIT when blank. */
  lead: string;
  progressText: string;
  result: string;
}

/**
 * The overdue list of a report: one entry per (overdue task, lead unit), the same list whatever face shows it
 * ("Quá hạn" in tong-hop.xlsx, the headline's units). A task without a lead is listed under NO_UNIT.
 */
export function reportOverdue(report: Pick<Report, 'tasks'>): OverdueRow[] {
  const idx: number[] = [];
  const rows: Pick<Task, 'leadUnits' | 'file' | 'section' | 'progress' | 'category' | 'overdue' | 'daysLate'>[] = [];
  report.tasks.forEach((t, i) => {
    if (!t.overdue) return;
    idx.push(i);
    rows.push({ leadUnits: t.leadUnits.map((name) => ({ name, known: true })), file: t.file, section: t.section, progress: t.progress, category: t.category, overdue: t.overdue, daysLate: t.daysLate });
  });
  if (!rows.length) return [];
  const picked = idx.map((i) => report.tasks[i]);
  return overdueList(taskTable(rows), picked).map((e) => {
    const t = picked[e.i];
    if (!isLazy(t, 'task')) return { ...e, i: idx[e.i], lead: t.leadUnit || NO_UNIT, progressText: t.progressText, result: t.result };
    // As above: the texts forwarded, not copied (a spread of `e` would read them), the keys in the same order.
    const row: Record<string, unknown> = { unit: e.unit, i: idx[e.i], stt: e.stt };
    addForward(row, t, 'task', 'task');
    Object.assign(row, { deadline: e.deadline, due: e.due, daysLate: e.daysLate, file: e.file, sheet: e.sheet, row: e.row, lead: t.leadUnit || NO_UNIT, progressText: t.progressText });
    addForward(row, null, 'result', 'result');
    return row as unknown as OverdueRow;
  });
}
