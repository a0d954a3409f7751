/** Overdue tasks per lead unit with days late: the "Quá hạn" list. */
import { desc, type ColumnTable } from 'arquero';
import type { Deadline, Task } from '../core/model';
import type { Report } from './report-types';
import { taskTable } from './task-table';
import { NO_UNIT } from './types';
import { compareVi } from './units-of';
import { isLazy, withForwards } from './lazy-text';

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
      return withForwards<OverdueEntry>([['unit', unit], ['i', i], ['stt', t.stt], ['task', ''], ['deadline', t.deadline.text], ['due', t.deadline.due],
        ['daysLate', daysLate], ['file', t.file], ['sheet', t.sheet], ['row', t.row]], t, { task: 'task' });
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
    const entries: [keyof OverdueRow, unknown][] = [['unit', e.unit], ['i', idx[e.i]], ['stt', e.stt], ['task', ''], ['deadline', e.deadline], ['due', e.due],
      ['daysLate', e.daysLate], ['file', e.file], ['sheet', e.sheet], ['row', e.row], ['lead', t.leadUnit || NO_UNIT], ['progressText', t.progressText], ['result', '']];
    // The texts are read when shown (at national scale they are on disk: report/lazy-text.ts).
    if (isLazy(t, 'task')) return withForwards<OverdueRow>(entries, t, { task: 'task', result: 'result' });
    return { ...Object.fromEntries(entries), task: t.task, result: t.result } as unknown as OverdueRow;
  });
}
