/** The tasks as an Arquero table, one row per (task, lead unit): the base every rollup groups. */
import { table, type ColumnTable } from 'arquero';
import type { Task } from '../core/model';
import { leadUnitsOf } from './units-of';

/**
 * Columns: i (index into `tasks`), first (1 on a task's first lead-unit row: filter on it to count
 * each task once), unit, file, section, progress, category, overdue (0/1), done (0/1), daysLate.
 * A task led by several units appears once per unit. Row details (STT, text, deadline) stay on
 * `tasks[i]`, keeping the table lean for 200,000 tasks.
 */
export function taskTable(tasks: (Pick<Task, 'file' | 'section' | 'progress' | 'category' | 'overdue' | 'daysLate'> & Parameters<typeof leadUnitsOf>[0])[]): ColumnTable {
  const unitsOf = tasks.map(leadUnitsOf);
  const size = unitsOf.reduce((a, u) => a + u.length, 0);
  const i = new Int32Array(size), first = new Uint8Array(size), overdue = new Uint8Array(size), done = new Uint8Array(size);
  const unit: string[] = new Array(size), file: string[] = new Array(size), section: string[] = new Array(size);
  const progress: string[] = new Array(size), category: string[] = new Array(size), daysLate: (number | null)[] = new Array(size);
  let r = 0;
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const units = unitsOf[k];
    for (let u = 0; u < units.length; u++, r++) {
      i[r] = k; first[r] = u === 0 ? 1 : 0; unit[r] = units[u]; file[r] = t.file; section[r] = t.section ?? '';
      progress[r] = t.progress; category[r] = t.category; overdue[r] = t.overdue ? 1 : 0;
      done[r] = t.progress === 'done' || t.progress === 'done_late' ? 1 : 0; daysLate[r] = t.daysLate;
    }
  }
  return table({ i, first, unit, file, section, progress, category, overdue, done, daysLate });
}

/** One row per task (its first lead unit): for counts that take each task once. */
export function eachTaskOnce(tasks: ColumnTable): ColumnTable {
  return tasks.filter('d => d.first === 1');
}
