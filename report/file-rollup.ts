/** Per source file: counts of each (kept) task once. */
import type { ColumnTable } from 'arquero';
import { countExprs } from './counts';
import { eachTaskOnce } from './task-table';

/** Arquero rollup of taskTable() by file: file, tasks, overdue, done, p_*, c_*. */
export function fileRollup(tasks: ColumnTable): ColumnTable {
  return eachTaskOnce(tasks).groupby('file').rollup(countExprs()).orderby('file');
}
