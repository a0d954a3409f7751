/** The tasks as an Arquero table, one row per (task, lead unit): the base every rollup groups. */
import { table, type ColumnTable } from 'arquero';
import type { Task } from '../core/model';
import type { RollupRows } from './counts';
import { isDone } from './rules';
import { NO_UNIT } from './types';
import { leadUnitsOf } from './units-of';

/**
 * Columns: i (index into `tasks`), first (1 on a task's first lead-unit row: filter on it to count
 * each task once), unit, file, section, progress, category, overdue (0/1), done (0/1), daysLate.
 * A task led by several units appears once per unit. Row details (STT, text, deadline) stay on
 * `tasks[i]`, keeping the table lean for 200,000 tasks.
 */
export function taskTable(tasks: (Pick<Task, 'file' | 'section' | 'progress' | 'category' | 'overdue' | 'daysLate'> & Partial<Pick<Task, 'leadProgress'>> & Parameters<typeof leadUnitsOf>[0])[]): ColumnTable {
  // One lead (most tasks): its name without an array per task; several: leadUnitsOf's list.
  const unitsOf = new Array<string | string[]>(tasks.length);
  let size = 0;
  for (let k = 0; k < tasks.length; k++) {
    const lu = tasks[k].leadUnits;
    const u = lu.length === 1 ? lu[0].name || NO_UNIT : leadUnitsOf(tasks[k]);
    unitsOf[k] = u;
    size += typeof u === 'string' ? 1 : u.length;
  }
  const i = new Int32Array(size), first = new Uint8Array(size), overdue = new Uint8Array(size), done = new Uint8Array(size);
  const unit: string[] = new Array(size), file: string[] = new Array(size), section: string[] = new Array(size);
  const progress: string[] = new Array(size), category: string[] = new Array(size), daysLate: (number | null)[] = new Array(size);
  // Tasks written one row per lead: unit rows count each lead's own status; the task's own (least advanced) status
  // is kept beside for the counts that take each task once (eachTaskOnce).
  const perLead = tasks.some((t) => t.leadProgress?.length);
  const taskProgress: string[] = perLead ? new Array(size) : [], taskCategory: string[] = perLead ? new Array(size) : [];
  const taskOverdue = perLead ? new Uint8Array(size) : null, taskDone = perLead ? new Uint8Array(size) : null;
  let r = 0;
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const one = unitsOf[k];
    const units = typeof one === 'string' ? null : one;
    const count = units ? units.length : 1;
    for (let u = 0; u < count; u++, r++) {
      const name = units ? units[u] : one as string;
      // A task written one row per lead: each lead's row counts what that lead reported (see leadOf).
      const own = (t.leadProgress ? leadOf(t, name) : undefined) ?? t;
      i[r] = k; first[r] = u === 0 ? 1 : 0; unit[r] = name; file[r] = t.file; section[r] = t.section ?? '';
      progress[r] = own.progress; category[r] = own.category ?? t.category; overdue[r] = (own.overdue ?? t.overdue) ? 1 : 0;
      done[r] = isDone(own.progress) ? 1 : 0; daysLate[r] = own.daysLate === undefined ? t.daysLate : own.daysLate;
      if (perLead) {
        taskProgress[r] = t.progress; taskCategory[r] = t.category; taskOverdue![r] = t.overdue ? 1 : 0; taskDone![r] = isDone(t.progress) ? 1 : 0;
      }
    }
  }
  const cols = { i, first, unit, file, section, progress, category, overdue, done, daysLate };
  return table(perLead ? { ...cols, taskProgress, taskCategory, taskOverdue, taskDone } : cols);
}

/** The classified row of `unit` when the task was written one row per lead, else undefined. */
function leadOf(t: Partial<Pick<Task, 'leadProgress'>>, unit: string): NonNullable<Task['leadProgress']>[number] | undefined {
  return t.leadProgress?.find((lp) => lp.category !== undefined && (lp.lead === unit || lp.lead.split('; ').includes(unit)));
}

/**
 * rollupCounts() options counting each task once (its first lead unit's row, the task's own status): the rows
 * eachTaskOnce() keeps, without filtering the table.
 */
export function eachTaskOnceRows(tasks: ColumnTable): RollupRows {
  if (!tasks.columnNames().includes('taskProgress')) return { only: 'first' };
  return { only: 'first', columns: { progress: 'taskProgress', category: 'taskCategory', overdue: 'taskOverdue', done: 'taskDone' } };
}

/** One row per task (its first lead unit): for counts that take each task once. */
export function eachTaskOnce(tasks: ColumnTable): ColumnTable {
  const once = tasks.filter('d => d.first === 1');
  if (!tasks.columnNames().includes('taskProgress')) return once;
  return once.derive({ progress: 'd => d.taskProgress', category: 'd => d.taskCategory', overdue: 'd => d.taskOverdue', done: 'd => d.taskDone' });
}
