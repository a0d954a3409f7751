/** The tasks as an Arquero table, one row per (task, lead unit): the base every rollup groups. */
import { table, type ColumnTable } from 'arquero';
import type { Task } from '../../core/model';
import { leadUnitsOf } from './units-of';

/**
 * Columns: i (task index), first (1 on a task's first lead-unit row: filter on it to count each
 * task once), unit, file, sheet, row, stt, section, task, deadline, due, progress, category,
 * overdue (0/1), done (0/1), daysLate. A task led by several units appears once per unit.
 */
export function taskTable(tasks: Task[]): ColumnTable {
  const n = tasks.length;
  const i: number[] = [], first: number[] = [], unit: string[] = [], file: string[] = [], sheet: string[] = [];
  const row: number[] = [], stt: string[] = [], section: string[] = [], task: string[] = [], deadline: string[] = [];
  const due: (string | null)[] = [], progress: string[] = [], category: string[] = [];
  const overdue: number[] = [], done: number[] = [], daysLate: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    const t = tasks[k];
    const units = leadUnitsOf(t);
    for (let u = 0; u < units.length; u++) {
      i.push(k); first.push(u === 0 ? 1 : 0); unit.push(units[u]); file.push(t.file); sheet.push(t.sheet); row.push(t.row);
      stt.push(t.stt); section.push(t.section ?? ''); task.push(t.task); deadline.push(t.deadline.text); due.push(t.deadline.due);
      progress.push(t.progress); category.push(t.category); overdue.push(t.overdue ? 1 : 0);
      done.push(t.progress === 'done' || t.progress === 'done_late' ? 1 : 0); daysLate.push(t.daysLate);
    }
  }
  return table({ i, first, unit, file, sheet, row, stt, section, task, deadline, due, progress, category, overdue, done, daysLate });
}

/** One row per task (its first lead unit): for counts that take each task once. */
export function eachTaskOnce(tasks: ColumnTable): ColumnTable {
  return tasks.filter('d => d.first === 1');
}
