/** Per source file: counts of each (kept) task once. */
import type { ColumnTable } from 'arquero';
import { rollupCounts } from './counts';
import { eachTaskOnceRows } from './task-table';

/** Arquero rollup of taskTable() by file: file, tasks, overdue, done, p_*, c_*. */
export function fileRollup(tasks: ColumnTable): ColumnTable {
  return rollupCounts(tasks, ['file'], {}, eachTaskOnceRows(tasks)).orderby('file');
}
