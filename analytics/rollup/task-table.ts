/** The tasks as an Arquero table, one row per (task, lead unit): the base every rollup groups. */
import { table, type ColumnTable } from 'arquero';
import type { Task } from '../../core/model';
import { leadUnitsOf } from './units-of';

/**
 * Columns: i (task index), unit, file, sheet, row, stt, section, task, deadline,
 * due, progress, category, overdue (0/1), done (0/1), daysLate.
 * A task led by several units appears once per unit.
 */
export function taskTable(tasks: Task[]): ColumnTable {
  const cols = {
    i: [] as number[], unit: [] as string[], file: [] as string[], sheet: [] as string[], row: [] as number[],
    stt: [] as string[], section: [] as string[], task: [] as string[], deadline: [] as string[],
    due: [] as (string | null)[], progress: [] as string[], category: [] as string[],
    overdue: [] as number[], done: [] as number[], daysLate: [] as (number | null)[],
  };
  tasks.forEach((t, i) => {
    for (const unit of leadUnitsOf(t)) {
      cols.i.push(i); cols.unit.push(unit); cols.file.push(t.file); cols.sheet.push(t.sheet); cols.row.push(t.row);
      cols.stt.push(t.stt); cols.section.push(t.section ?? ''); cols.task.push(t.task);
      cols.deadline.push(t.deadline.text); cols.due.push(t.deadline.due);
      cols.progress.push(t.progress); cols.category.push(t.category);
      cols.overdue.push(t.overdue ? 1 : 0); cols.done.push(t.progress === 'done' || t.progress === 'done_late' ? 1 : 0);
      cols.daysLate.push(t.daysLate);
    }
  });
  return table(cols);
}

/** The same table with one row per task (first lead unit only): for totals that count each task once. */
export function uniqueTaskTable(table: ColumnTable): ColumnTable {
  return table.dedupe('i');
}
