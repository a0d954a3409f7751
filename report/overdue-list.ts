/** Overdue tasks per lead unit with days late: the "Quá hạn" list. */
import { desc, type ColumnTable } from 'arquero';
import type { Deadline } from '../core/model';
import { compareVi } from './units-of';

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
      return { unit, i, stt: t.stt, task: t.task, deadline: t.deadline.text, due: t.deadline.due, daysLate, file: t.file, sheet: t.sheet, row: t.row };
    });
}
