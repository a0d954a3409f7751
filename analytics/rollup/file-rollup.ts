/** Per source file: counts of each (kept) task once. */
import type { ColumnTable } from 'arquero';
import { countExprs } from './counts';

/** Arquero rollup of taskTable() by file: file, tasks, overdue, done, p_*, c_*. */
export function fileRollup(tasks: ColumnTable): ColumnTable {
  return tasks.dedupe('i').groupby('file').rollup(countExprs()).orderby('file');
}
