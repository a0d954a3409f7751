/** Overdue tasks per lead unit with days late: the "Quá hạn" list. */
import { desc, type ColumnTable } from 'arquero';
import { compareVi } from './units-of';

export interface OverdueEntry {
  unit: string;
  /** Index into report.tasks. */
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

/** Arquero table of overdue (task, unit) rows, ordered by unit then days late (most late first). */
export function overdueTable(tasks: ColumnTable): ColumnTable {
  return tasks
    .filter('d => d.overdue === 1')
    .select('unit', 'i', 'stt', 'task', 'deadline', 'due', 'daysLate', 'file', 'sheet', 'row')
    .orderby('unit', desc('daysLate'), 'i');
}

/** The overdue list as objects, units in Vietnamese alphabetical order, then days late desc. */
export function overdueList(tasks: ColumnTable): OverdueEntry[] {
  const rows = overdueTable(tasks).objects() as unknown as OverdueEntry[];
  return rows.sort((a, b) => compareVi(a.unit, b.unit) || (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.i - b.i);
}
